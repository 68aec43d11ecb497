"""The production shape on one machine: PostgreSQL, Redis, N action servers, N Rasa
replicas and nginx in front on the port of `make run`. External PostgreSQL or Redis:
set WAYFINDER_DB_URL or WAYFINDER_REDIS_URL and the local one is not started."""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from deploy import services
from deploy.commands import RASA_READY, actions_command, base_env, rasa_command, web_command, write_credentials
from deploy.supervisor import ROOT, Supervisor, wait_http

ENDPOINTS = ROOT / "deploy" / "endpoints.scaled.yml"


@dataclass
class Ports:
    front: int = 5005  # nginx: same URLs as `make run`
    web: int = 8080
    replicas: int = 5100  # Rasa replica i listens on replicas + i
    actions: int = 5200  # action server i on actions + i
    postgres: int = 5433
    redis: int = 6380


def _wait_port(port: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False


class ScaledStack:
    def __init__(
        self,
        replicas: int = 2,
        folder: Path | None = None,
        ports: Ports | None = None,
        model: str = "models",
        log: IO[str] | None = None,
    ) -> None:
        self.n = replicas
        self.folder = folder or ROOT / "var" / "scaled"
        self.ports = ports or Ports()
        self.model = model
        self.sup = Supervisor(log)
        self.external_db = os.environ.get("WAYFINDER_DB_URL")
        self.external_redis = os.environ.get("WAYFINDER_REDIS_URL")
        self.postgres = None if self.external_db else services.Postgres(self.folder, self.ports.postgres)
        self.redis = None if self.external_redis else services.Redis(self.folder, self.ports.redis)
        self.nginx = services.Nginx(self.folder, self.ports.front, [self.replica_port(i) for i in range(self.n)])

    def replica_port(self, i: int) -> int:
        return self.ports.replicas + i

    def health_url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.replica_port(i)}/webhooks/health/"

    def health(self, i: int) -> tuple[int, dict]:
        try:
            with urllib.request.urlopen(self.health_url(i), timeout=5) as r:  # noqa: S310 - localhost
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")
        except OSError as e:
            return 0, {"problems": [str(e)]}

    def env(self, i: int | None = None) -> dict[str, str]:
        extra = {
            "WAYFINDER_DB_URL": self.external_db or self.postgres.url,
            "WAYFINDER_REDIS_URL": self.external_redis or self.redis.url,
            "WAYFINDER_NLG_URL": f"http://127.0.0.1:{self.ports.web}/nlg",
            "WAYFINDER_WEB_PORT": str(self.ports.web),
            "WAYFINDER_REQUIRE_REDIS": "1",
            # a crashed replica's lock on a conversation expires after this many seconds
            "TICKET_LOCK_LIFETIME": os.environ.get("TICKET_LOCK_LIFETIME", "30"),
            # nginx passes the client address on; rate limits count real clients
            "SANIC_PROXIES_COUNT": "1",
        }
        if i is not None:
            extra["WAYFINDER_ACTIONS_URL"] = f"http://127.0.0.1:{self.ports.actions + i}/webhook"
        return base_env(str(ENDPOINTS), extra)

    def start_databases(self) -> None:
        if self.postgres:
            self.postgres.init()
            pg = self.postgres
            self.sup.start("postgres", pg.command(), os.environ, user=pg.user, stop_signal=pg.stop_signal, cwd=pg.data)
            if not _wait_port(self.ports.postgres, 60):
                raise RuntimeError("PostgreSQL did not start; see its log above")
            time.sleep(0.5)
            self.postgres.create_database()
        if self.redis:
            self.sup.start("redis", self.redis.command(), os.environ)
            if not _wait_port(self.ports.redis, 30):
                raise RuntimeError("Redis did not start; see its log above")

    def start(self, timeout: float = 300) -> None:
        missing = services.missing()
        if missing:
            raise RuntimeError(f"install the Debian packages first: apt-get install {' '.join(missing)}")
        self.folder.mkdir(parents=True, exist_ok=True)
        credentials = write_credentials(self.folder / "credentials.yml")
        self.start_databases()
        self.sup.start("web", web_command(), self.env())
        for i in range(self.n):
            self.sup.start(f"actions-{i}", actions_command(self.ports.actions + i), self.env(i))
        for i in range(self.n):
            command = rasa_command(self.model, str(ENDPOINTS), credentials, self.replica_port(i), os.environ)
            self.sup.start(f"rasa-{i}", command, self.env(i), RASA_READY)
        self.sup.start("nginx", self.nginx.command(), os.environ)
        deadline = time.monotonic() + timeout
        for i in range(self.n):
            if not self.wait_replica(i, max(1.0, deadline - time.monotonic())):
                raise RuntimeError(f"replica {i} cannot serve: {self.health(i)[1]}")
        if not wait_http(f"http://127.0.0.1:{self.ports.front}/", 30):
            raise RuntimeError("nginx did not start; see its log above")

    def wait_replica(self, i: int, seconds: float) -> bool:
        child = self.sup.children[f"rasa-{i}"]
        if not child.ready.wait(seconds):
            return False
        return wait_http(self.health_url(i), 30, ok_only=True)

    def restart_replica(self, i: int, timeout: float = 240) -> bool:
        self.sup.restart(f"rasa-{i}")
        return self.wait_replica(i, timeout)

    def stop(self) -> None:
        self.sup.stop_all()
