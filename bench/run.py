"""`make bench`: the same load against a plain `rasa init` assistant (baseline), Wayfinder
as one instance (SQLite, as `make run`) and the scaled shape (2 replicas behind nginx),
one after the other on this machine. Writes reports/bench.md and reports/bench.png.

Usage: python -m bench.run [--users 1 5 10 20] [--seconds 30] [--replicas 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench import load, procs, report
from bot.languages import CORE_LANGUAGES
from bot.nlg.catalog import t
from deploy.commands import BIN, RASA_READY, actions_command, base_env, rasa_command, web_command, write_credentials
from deploy.scaled import ScaledStack
from deploy.supervisor import ROOT, Supervisor, wait_http

VAR = ROOT / "var" / "bench"
REST = "http://127.0.0.1:{port}/webhooks/rest/webhook"
# Every simulated user comes from 127.0.0.1: lift the per-address limit (per-sender stays).
BENCH_ENV = {"WAYFINDER_RATE_PER_MINUTE_IP": "0"}
UNAVAILABLE = {t(lang, "unavailable") for lang in CORE_LANGUAGES}


def baseline_project() -> Path:
    """A plain `rasa init` project (the moodbot), trained once and kept under var/bench."""
    project = VAR / "baseline"
    if not list((project / "models").glob("*.tar.gz")):
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        subprocess.run([str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)], check=True, cwd=project)
    return project


def measure(name: str, port: int, pids: dict[str, int], scripts: list, users: list[int], seconds: float) -> dict:
    url = REST.format(port=port)
    asyncio.run(load.run(url, scripts, 2, min(10.0, seconds)))  # warm-up, not counted
    runs = {}
    for n in users:
        before = {role: procs.cpu_seconds(p) for role, p in pids.items()}
        result = asyncio.run(load.run(url, scripts, n, seconds, UNAVAILABLE))
        count = max(1, len(result.results))
        cpu = {role: 1000 * (procs.cpu_seconds(p) - before[role]) / count for role, p in pids.items()}
        runs[n] = {**load.summary(result), "cpu_ms_per_message": sum(cpu.values()), "cpu_ms_by_process": cpu}
        print(f"{name} {n} users: {runs[n]}", flush=True)
        for r in result.results:
            if r.outcome not in ("ok", "unavailable"):
                print(f"  {r.outcome}: {r.script} turn {r.turn}: {r.text[:80]!r}", flush=True)
    memory = {role: procs.rss_mb(pid) for role, pid in pids.items()}
    return {"runs": runs, "memory": memory}


def run_baseline(args: argparse.Namespace) -> dict:
    project = baseline_project()
    sup = Supervisor(open(VAR / "baseline.log", "w"))  # noqa: SIM115
    began = time.monotonic()
    command = [str(BIN / "rasa"), "run", "--port", str(args.port), "--model", "models", "--credentials", "credentials.yml"]
    rasa = sup.start("rasa", command, {**os.environ, **BENCH_ENV}, RASA_READY, cwd=project)
    try:
        if not rasa.ready.wait(300):
            raise SystemExit("the baseline did not start; see var/bench/baseline.log")
        startup = time.monotonic() - began
        scripts = load.load_scripts(suite="baseline")
        out = measure("baseline", args.port, {"rasa": rasa.proc.pid}, scripts, args.users, args.seconds)
        return {**out, "startup": startup}
    finally:
        sup.stop_all()


def run_single(args: argparse.Namespace) -> dict:
    VAR.mkdir(parents=True, exist_ok=True)
    db = VAR / "tracker.db"
    db.unlink(missing_ok=True)
    endpoints = VAR / "endpoints.yml"
    endpoints.write_text((ROOT / "endpoints.yml").read_text().replace("db: var/tracker.db", f"db: {db}"))
    credentials = write_credentials(VAR / "credentials.yml")
    env = base_env(str(endpoints), BENCH_ENV)
    sup = Supervisor(open(VAR / "single.log", "w"))  # noqa: SIM115
    began = time.monotonic()
    try:
        actions = sup.start("actions", actions_command(5055), env)
        web = sup.start("web", web_command(), env)
        rasa = sup.start("rasa", rasa_command("models", str(endpoints), credentials, args.port, env), env, RASA_READY)
        if not (rasa.ready.wait(300) and wait_http(f"http://127.0.0.1:{args.port}/webhooks/health/", 60, ok_only=True)):
            raise SystemExit("Wayfinder did not start; see var/bench/single.log")
        startup = time.monotonic() - began
        pids = {"rasa": rasa.proc.pid, "actions": actions.proc.pid, "web (NLG)": web.proc.pid}
        return {**measure("single", args.port, pids, load.load_scripts(), args.users, args.seconds), "startup": startup}
    finally:
        sup.stop_all()


def run_scaled(args: argparse.Namespace) -> dict:
    for key, value in BENCH_ENV.items():
        os.environ[key] = value
    stack = ScaledStack(args.replicas, folder=VAR / "scaled", log=open(VAR / "scaled.log", "w"))  # noqa: SIM115
    began = time.monotonic()
    try:
        stack.start(timeout=400)
        startup = time.monotonic() - began
        pids = {name: child.proc.pid for name, child in stack.sup.children.items()}
        return {**measure("scaled", stack.ports.front, pids, load.load_scripts(), args.users, args.seconds), "startup": startup}
    finally:
        stack.stop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, nargs="+", default=[1, 5, 10, 20])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--out", default=str(ROOT / "reports"))
    args = parser.parse_args()
    VAR.mkdir(parents=True, exist_ok=True)
    results = {
        "baseline (rasa init)": run_baseline(args),
        "wayfinder, 1 instance": run_single(args),
        f"wayfinder, {args.replicas} replicas": run_scaled(args),
    }
    report.write(results, args, Path(args.out))
    print(f"wrote {args.out}/bench.md and bench.png", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
