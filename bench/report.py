"""reports/bench.md (tables) and reports/bench.png (throughput and p95 by users)."""

from __future__ import annotations

import argparse
import json
import os
import platform
from datetime import date
from pathlib import Path

TARGET_USERS = 10


def _row(name: str, n: int, r: dict) -> str:
    return (
        f"| {name} | {n} | {r['messages']} | {r['throughput']:.1f} | {r['p50'] * 1000:.0f} | {r['p95'] * 1000:.0f} "
        f"| {r['p99'] * 1000:.0f} | {r['lost']} | {r['misordered']} | {r['unavailable']} | {r['unexpected']} "
        f"| {r['cpu_ms_per_message']:.0f} |"
    )


def markdown(results: dict, args: argparse.Namespace) -> str:
    names = list(results)
    lines = [
        "# Load benchmark",
        "",
        f"`make bench` on {date.today()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        f"Closed-loop users, each playing multi-turn conversations (bench/conversations.yml: 10 languages "
        f"for Wayfinder, the moodbot's own for the baseline) for {args.seconds:.0f} s per row, after a warm-up. "
        "Latency is per message, from request to full reply. CPU is the servers' CPU time per message.",
        "",
        "| system | users | messages | msg/s | p50 ms | p95 ms | p99 ms | lost | misordered | unavailable "
        "| unexpected | CPU ms/msg |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in names:
        for n, r in results[name]["runs"].items():
            lines.append(_row(name, n, r))
    base = results[names[0]]["runs"].get(TARGET_USERS)
    if base:
        lines += ["", f"## At {TARGET_USERS} users, relative to the baseline", ""]
        lines += ["| system | throughput ratio | p95 ms |", "|---|---|---|"]
        for name in names:
            r = results[name]["runs"][TARGET_USERS]
            lines.append(f"| {name} | {r['throughput'] / base['throughput']:.2f} | {r['p95'] * 1000:.0f} |")
    lines += ["", f"## CPU time per message at {TARGET_USERS} users, by process", ""]
    lines += ["| system | process | CPU ms per message |", "|---|---|---|"]
    for name in names:
        r = results[name]["runs"].get(TARGET_USERS)
        for role, ms in (r or {}).get("cpu_ms_by_process", {}).items():
            lines.append(f"| {name} | {role} | {ms:.1f} |")
    lines += ["", "## Memory (RSS after the load) and startup", ""]
    lines += ["| system | process | RSS MB |", "|---|---|---|"]
    for name in names:
        for role, mb in results[name]["memory"].items():
            lines.append(f"| {name} | {role} | {mb:.0f} |")
    lines += ["", "| system | startup s (start to ready) |", "|---|---|"]
    lines += [f"| {name} | {results[name]['startup']:.1f} |" for name in names]
    lines += ["", "![throughput and p95 by users](bench.png)", ""]
    return "\n".join(lines)


def chart(results: dict, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for name, data in results.items():
        users = list(data["runs"])
        left.plot(users, [data["runs"][n]["throughput"] for n in users], marker="o", label=name)
        right.plot(users, [data["runs"][n]["p95"] * 1000 for n in users], marker="o", label=name)
    left.set(xlabel="concurrent users", ylabel="messages per second", title="Throughput")
    left.set_ylim(bottom=0)
    right.set(xlabel="concurrent users", ylabel="ms", title="p95 latency")
    right.axhline(1000, color="grey", linestyle="--", linewidth=1)
    left.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=110)


def write(results: dict, args: argparse.Namespace, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bench.md").write_text(markdown(results, args), encoding="utf-8")
    (folder / "bench.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    chart(results, folder / "bench.png")
