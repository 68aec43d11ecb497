"""PostgreSQL, Redis and nginx from Debian's packages, run in the foreground with their
data under a git-ignored folder (var/scaled by default), passwords generated there."""

from __future__ import annotations

import glob
import hashlib
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

PACKAGES = {"postgres": "postgresql", "redis-server": "redis-server", "nginx": "nginx-light"}


def binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name) or (f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None)


def missing() -> list[str]:
    """Debian packages to install for the local servers."""
    return [pkg for name, pkg in PACKAGES.items() if not binary(name)]


def secret(folder: Path, name: str) -> str:
    """A password generated once and kept (mode 600) beside the server's data."""
    path = folder / f"{name}.secret"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    return path.read_text().strip()


def _as_postgres() -> list[str]:
    # PostgreSQL refuses to run as root: run it as the postgres user instead.
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _reachable_by_postgres(path: Path) -> bool:
    if os.geteuid() != 0:
        return True
    return subprocess.run([*_as_postgres(), "test", "-x", str(path.parent)], capture_output=True).returncode == 0


class Postgres:
    """One PostgreSQL cluster with a `wayfinder` database and a generated password."""

    def __init__(self, folder: Path, port: int) -> None:
        self.port = port
        self.data = folder / "postgres"
        folder.mkdir(parents=True, exist_ok=True)
        if not _reachable_by_postgres(self.data):
            # e.g. a checkout under /root: the postgres user cannot reach var/ there
            tag = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:10]
            self.data = Path("/var/tmp") / f"wayfinder-postgres-{tag}"  # noqa: S108 - owner-only folder
            print(f"PostgreSQL data in {self.data} (the postgres user cannot reach {folder})", flush=True)
        self.password = secret(folder, "postgres")

    @property
    def url(self) -> str:
        return f"postgresql://wayfinder:{self.password}@127.0.0.1:{self.port}/wayfinder"

    def init(self) -> None:
        if (self.data / "PG_VERSION").exists():
            return
        self.data.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
        self.data.chmod(0o700)
        # TCP needs the password (from a private file, never on a command line); the
        # Unix socket sits in the data folder (mode 700).
        fd, pwfile = tempfile.mkstemp(prefix="wayfinder-pw-")
        os.write(fd, self.password.encode())
        os.close(fd)
        if os.geteuid() == 0:
            shutil.chown(pwfile, "postgres", "postgres")
        try:
            subprocess.run(
                [
                    *_as_postgres(),
                    binary("initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "wayfinder",
                    f"--pwfile={pwfile}",
                    "--auth-host=scram-sha-256",
                    "--auth-local=trust",
                    "-E",
                    "UTF8",
                ],
                check=True,
                capture_output=True,
            )
        finally:
            os.unlink(pwfile)

    # PostgreSQL refuses to run as root; SIGINT is its fast shutdown (SIGTERM would wait
    # for every pooled connection to close).
    user = "postgres" if os.geteuid() == 0 else None
    stop_signal = signal.SIGINT

    def command(self) -> list[str]:
        return [
            binary("postgres"),
            "-D",
            str(self.data),
            "-p",
            str(self.port),
            "-k",
            str(self.data),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "max_connections=100",
        ]

    def create_database(self) -> None:
        subprocess.run(
            [*_as_postgres(), binary("createdb"), "-h", str(self.data), "-p", str(self.port), "-U", "wayfinder", "wayfinder"],
            capture_output=True,
        )  # fails harmlessly when it exists


class Redis:
    def __init__(self, folder: Path, port: int) -> None:
        self.port = port
        self.folder = folder / "redis"
        self.password = secret(folder, "redis")

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/1"

    def command(self) -> list[str]:
        self.folder.mkdir(parents=True, exist_ok=True)
        conf = self.folder / "redis.conf"  # the password in a file, not on the command line
        conf.write_text(
            f"port {self.port}\nbind 127.0.0.1\nprotected-mode yes\ndir {self.folder}\n"
            f'save ""\nappendonly no\nrequirepass {self.password}\n'
        )
        conf.chmod(0o600)
        return [binary("redis-server"), str(conf)]


class Nginx:
    """The front door on the public port: REST routed by sender, socket.io by session."""

    TEMPLATE = Path(__file__).with_name("nginx.conf.template")

    def __init__(self, folder: Path, port: int, replicas: list[int]) -> None:
        self.port = port
        self.prefix = folder / "nginx"
        self.replicas = replicas

    def config(self) -> str:
        servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in self.replicas)
        return (
            self.TEMPLATE.read_text()
            .replace("@PREFIX@", str(self.prefix))
            .replace("@PORT@", str(self.port))
            .replace("@SERVERS@", servers)
        )

    def command(self) -> list[str]:
        (self.prefix / "tmp").mkdir(parents=True, exist_ok=True)
        conf = self.prefix / "nginx.conf"
        conf.write_text(self.config())
        return [binary("nginx"), "-p", str(self.prefix), "-c", str(conf), "-g", "daemon off;"]
