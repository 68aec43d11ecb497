"""A throwaway PostgreSQL server for tests (Debian's packages; .ci/run installs them)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    def __init__(self) -> None:
        initdb, self.pg_ctl = _bin("initdb"), _bin("pg_ctl")
        if not (initdb and self.pg_ctl):
            raise RuntimeError("PostgreSQL server binaries are missing: apt-get install postgresql")
        # PostgreSQL refuses to run as root: as root, run it as the postgres user in a
        # folder that user can reach (pytest's tmp folders are private to root).
        root = Path(tempfile.mkdtemp(prefix="wayfinder-pg-"))
        root.chmod(0o755)
        as_user = []
        if os.geteuid() == 0:
            shutil.chown(root, "postgres", "postgres")
            as_user = ["runuser", "-u", "postgres", "--"]
        self.root = root
        self.dir = root / "pgdata"
        self.port = _free_port()
        subprocess.run([*as_user, initdb, "-D", str(self.dir), "-U", "postgres", "-A", "trust"], check=True, capture_output=True)
        self.as_user = as_user
        opts = f"-p {self.port} -k {root} -c listen_addresses=127.0.0.1"
        subprocess.run(
            [*as_user, self.pg_ctl, "-D", str(self.dir), "-o", opts, "-l", str(root / "pg.log"), "-w", "start"],
            check=True,
            capture_output=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run([*self.as_user, self.pg_ctl, "-D", str(self.dir), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)
