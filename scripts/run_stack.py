"""Start the action server, our aiohttp app and Rasa in the foreground; stop all on Ctrl-C.

Usage: python scripts/run_stack.py [--endpoints endpoints.yml] [--model models]
Prints "Wayfinder is ready" once Rasa answers. Ports: actions 5055, web 8080, Rasa 5005.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Mapping

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _pipe(name: str, proc: subprocess.Popen, ready: threading.Event | None) -> None:
    assert proc.stdout is not None
    for raw in proc.stdout:
        line = raw.decode("utf-8", "replace").rstrip()
        print(f"[{name}] {line}", flush=True)
        if ready is not None and "Rasa server is up and running" in line:
            ready.set()


def _wait_http(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own localhost URL
                return True
        except OSError:
            time.sleep(0.3)
    return False


def rasa_command(args: argparse.Namespace, env: Mapping[str, str]) -> list[str]:
    """`rasa run` with our channels; the HTTP API only with a token from the environment."""
    command = [
        str(BIN / "rasa"),
        "run",
        "--model",
        args.model,
        "--endpoints",
        args.endpoints,
        "--credentials",
        args.credentials,
        "--port",
        env.get("WAYFINDER_RASA_PORT", "5005"),
        "--cors",
        env.get("WAYFINDER_CORS", "*"),
    ]
    token = env.get("WAYFINDER_RASA_API_TOKEN")
    if token:
        command += ["--enable-api", "--auth-token", token]
    return command


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoints", default="endpoints.yml")
    parser.add_argument("--credentials", default="credentials.yml")
    parser.add_argument("--model", default="models")
    parser.add_argument("--timeout", type=float, default=240)
    return parser.parse_args(argv)


def main() -> int:
    args = parse_args()
    sys.path.insert(0, str(ROOT))
    from bot.channels.enabled import write as write_credentials

    # REST and socket.io always; Telegram, Twilio, WhatsApp when their variables are set.
    args.credentials = str(write_credentials(ROOT / args.credentials, ROOT / "var" / "credentials.yml", os.environ))
    (ROOT / "var").mkdir(exist_ok=True)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "WAYFINDER_ENDPOINTS": args.endpoints,  # the web app reads widget history from the same store
    }
    rasa_port = os.environ.get("WAYFINDER_RASA_PORT", "5005")
    commands = {
        "actions": [
            str(BIN / "python"),
            "-m",
            "rasa_sdk",
            "--actions",
            "actions",
            "--port",
            os.environ.get("WAYFINDER_ACTIONS_PORT", "5055"),
        ],
        "web": [str(BIN / "python"), "-m", "bot.web.app"],
        "rasa": rasa_command(args, os.environ),
    }
    procs: dict[str, subprocess.Popen] = {}
    ready = threading.Event()
    stopping = threading.Event()

    def stop(*_: object) -> None:
        if stopping.is_set():
            return
        stopping.set()
        for proc in procs.values():
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + 15
        for proc in procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()

    signal.signal(signal.SIGTERM, lambda *a: (stop(), sys.exit(0)))
    signal.signal(signal.SIGINT, lambda *a: (stop(), sys.exit(0)))
    try:
        for name in ("actions", "web", "rasa"):
            proc = subprocess.Popen(commands[name], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            procs[name] = proc
            threading.Thread(target=_pipe, args=(name, proc, ready if name == "rasa" else None), daemon=True).start()
        if not (ready.wait(args.timeout) and _wait_http(f"http://localhost:{rasa_port}/", 30)):
            print("Wayfinder did not start in time; see the log above.", flush=True)
            stop()
            return 1
        print(f"Wayfinder is ready: http://localhost:{rasa_port}/webhooks/rest/webhook", flush=True)
        while not stopping.is_set():
            for name, proc in procs.items():
                if proc.poll() is not None:
                    print(f"{name} exited with code {proc.returncode}; stopping everything.", flush=True)
                    stop()
                    return 1
            time.sleep(0.5)
    finally:
        stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
