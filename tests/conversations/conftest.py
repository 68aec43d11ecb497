"""Starts the real stack (action server, our aiohttp app, Rasa) once for these tests."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.conversations import fake_platforms

ROOT = Path(__file__).resolve().parents[2]
REST = "http://localhost:5005/webhooks/rest/webhook"
WEB_ORIGIN = "http://localhost:8080"
API_TOKEN = f"test-{uuid.uuid4().hex}"


@pytest.fixture(scope="session")
def platforms():
    return fake_platforms.start()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, platforms):
    if not (ROOT / "models").exists() or not list((ROOT / "models").glob("*.tar.gz")):
        pytest.fail("no trained model: run `make train` first (make test does)")
    tmp = tmp_path_factory.mktemp("stack")
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        (ROOT / "endpoints.yml").read_text().replace("db: var/tracker.db", f"db: {tmp / 'tracker.db'}"),
        encoding="utf-8",
    )
    knowledge = tmp / "knowledge"  # a copy, so the hot-reload test can edit it
    shutil.copytree(ROOT / "knowledge", knowledge)
    log = open(tmp / "stack.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "scripts/run_stack.py", "--endpoints", str(endpoints)],
        cwd=ROOT,
        env={
            **os.environ,
            "WAYFINDER_KNOWLEDGE": str(knowledge),
            # the production-like shape: one allowed origin (the widget's), API behind a token
            "WAYFINDER_CORS": WEB_ORIGIN,
            "WAYFINDER_RASA_API_TOKEN": API_TOKEN,
            **fake_platforms.env(),  # Telegram, Twilio and WhatsApp against local fakes
        },
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"stack exited early: {(tmp / 'stack.log').read_text()[-3000:]}")
        if b"Wayfinder is ready" in (tmp / "stack.log").read_bytes():
            break
        time.sleep(1)
    else:
        os.killpg(proc.pid, signal.SIGTERM)
        pytest.fail(f"stack did not start: {(tmp / 'stack.log').read_text()[-3000:]}")
    yield {"db": tmp / "tracker.db", "log": tmp / "stack.log", "knowledge": knowledge}
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


class Chat:
    """One user talking to the REST channel."""

    def __init__(self) -> None:
        self.sender = f"test-{uuid.uuid4().hex[:10]}"

    def send(self, text, metadata=None) -> list[dict]:
        body = {"sender": self.sender, "message": text}
        if metadata:
            body["metadata"] = metadata
        r = requests.post(REST, json=body, timeout=60)
        assert r.status_code == 200, r.text
        return r.json()

    def say(self, text, metadata=None) -> str:
        """All reply texts of one turn, joined."""
        return "\n".join(m.get("text", "") for m in self.send(text, metadata))


@pytest.fixture
def chat(stack):
    return Chat()
