"""Plays multi-turn conversations against a Rasa REST channel with N concurrent users.

Every turn is checked: a reply must arrive (HTTP 200 with at least one message, within
the timeout) or it counts as lost; it must be addressed to this user and match what
this turn should answer, or, if it matches another turn of the conversation, it counts
as misordered. "Temporarily unavailable" replies are counted apart.
"""

from __future__ import annotations

import asyncio
import re
import statistics
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import yaml

SCRIPTS = Path(__file__).with_name("conversations.yml")


@dataclass
class Turn:
    text: str
    expect: re.Pattern | None = None


@dataclass
class Script:
    name: str
    language: str
    turns: list[Turn]


@dataclass
class Result:
    script: str
    turn: int
    latency: float
    outcome: str  # ok | unavailable | lost | misordered | unexpected
    sender: str = ""
    started: float = 0.0
    text: str = ""


@dataclass
class Load:
    results: list[Result] = field(default_factory=list)
    seconds: float = 0.0


def load_scripts(path: Path = SCRIPTS, suite: str = "wayfinder") -> list[Script]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))[suite]
    return [
        Script(
            s["name"],
            s.get("language", "en"),
            [Turn(t["say"], re.compile(t["expect"], re.I | re.S) if t.get("expect") else None) for t in s["turns"]],
        )
        for s in data
    ]


def judge(script: Script, index: int, sender: str, status: int, messages: object, unavailable: set[str]) -> str:
    if status != 200 or not isinstance(messages, list) or not messages:
        return "lost"
    if any(m.get("recipient_id") != sender for m in messages if isinstance(m, dict)):
        return "misordered"  # somebody else's reply
    text = "\n".join(str(m.get("text") or "") for m in messages if isinstance(m, dict))
    if text.strip() in unavailable:
        return "unavailable"
    expect = script.turns[index].expect
    if expect is None or expect.search(text):
        return "ok"
    others = [t.expect for i, t in enumerate(script.turns) if i != index and t.expect is not None]
    return "misordered" if any(p.search(text) for p in others) else "unexpected"


async def play(
    session: aiohttp.ClientSession,
    url: str,
    script: Script,
    unavailable: set[str],
    timeout: float = 30.0,
    think: float = 0.0,
) -> list[Result]:
    """One user, one conversation, turn after turn (the next only after the reply)."""
    sender = f"bench-{uuid.uuid4().hex[:12]}"
    out = []
    for i, turn in enumerate(script.turns):
        started = time.monotonic()
        try:
            async with session.post(
                url, json={"sender": sender, "message": turn.text}, timeout=aiohttp.ClientTimeout(total=timeout)
            ) as r:
                body = await r.json(content_type=None) if r.status == 200 else None
                status = r.status
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
            status, body = 0, None
        latency = time.monotonic() - started
        outcome = judge(script, i, sender, status, body, unavailable)
        text = "\n".join(str(m.get("text") or "") for m in body or [] if isinstance(m, dict))
        out.append(Result(script.name, i, latency, outcome, sender, started, text[:200]))
        if think:
            await asyncio.sleep(think)
    return out


async def run(
    url: str,
    scripts: list[Script],
    users: int,
    seconds: float,
    unavailable: set[str] = frozenset(),
    stop: asyncio.Event | None = None,
) -> Load:
    """`users` closed-loop users, each playing conversations one after another, for
    `seconds` (or until `stop` is set); a conversation in progress is finished."""
    load = Load()
    began = time.monotonic()
    deadline = began + seconds
    connector = aiohttp.TCPConnector(limit=users * 2)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def user(k: int) -> None:
            n = k
            while time.monotonic() < deadline and not (stop and stop.is_set()):
                load.results.extend(await play(session, url, scripts[n % len(scripts)], unavailable))
                n += users

        await asyncio.gather(*(user(k) for k in range(users)))
    load.seconds = time.monotonic() - began
    return load


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def summary(load: Load) -> dict[str, float]:
    latencies = [r.latency for r in load.results]
    count = {k: sum(r.outcome == k for r in load.results) for k in ("ok", "unavailable", "lost", "misordered", "unexpected")}
    return {
        "messages": len(load.results),
        "throughput": len(load.results) / load.seconds if load.seconds else 0.0,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        **count,
    }
