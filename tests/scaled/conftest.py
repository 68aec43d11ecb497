"""Starts the scaled shape once (PostgreSQL, Redis, 2 action servers, 2 Rasa replicas,
nginx) on ports of its own, with its data in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deploy import services
from deploy.scaled import Ports, ScaledStack

ROOT = Path(__file__).resolve().parents[2]
PORTS = Ports(front=5405, web=8485, replicas=5410, actions=5420, postgres=5443, redis=6490)


@pytest.fixture(scope="module")
def scaled(tmp_path_factory, monkeypatch_module):
    if not list((ROOT / "models").glob("*.tar.gz")):
        pytest.fail("no trained model: run `make train` first (make test does)")
    if services.missing():
        pytest.fail(f"apt-get install {' '.join(services.missing())} (.ci/run does)")
    folder = tmp_path_factory.mktemp("scaled")
    # a short lock lifetime: a killed replica's conversations wait at most this long
    monkeypatch_module.setenv("TICKET_LOCK_LIFETIME", "10")
    monkeypatch_module.setenv("WAYFINDER_DB_RETRY_SECONDS", "20")
    # every simulated user comes from 127.0.0.1: no per-address limit (per-sender stays)
    monkeypatch_module.setenv("WAYFINDER_RATE_PER_MINUTE_IP", "0")
    monkeypatch_module.delenv("WAYFINDER_DB_URL", raising=False)
    monkeypatch_module.delenv("WAYFINDER_REDIS_URL", raising=False)
    log = open(folder / "stack.log", "w")  # noqa: SIM115
    stack = ScaledStack(2, folder=folder, ports=PORTS, log=log)
    try:
        stack.start(timeout=400)
    except RuntimeError as error:
        stack.stop()
        log.close()
        pytest.fail(f"{error}\n{(folder / 'stack.log').read_text()[-4000:]}")
    yield stack
    stack.stop()
    log.close()
    if stack.postgres and not str(stack.postgres.data).startswith(str(folder)):
        shutil.rmtree(stack.postgres.data, ignore_errors=True)


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()
