"""Start named child processes, prefix their output, stop or kill them, restart them."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Mapping

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Child:
    command: list[str]
    env: Mapping[str, str]
    proc: subprocess.Popen
    ready_line: str | None = None
    user: str | None = None
    stop_signal: int = signal.SIGTERM
    cwd: Path = ROOT
    ready: threading.Event = field(default_factory=threading.Event)


def wait_http(url: str, seconds: float, ok_only: bool = False) -> bool:
    """True once `url` answers (any HTTP status, or only 2xx with ok_only)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own localhost URL
                return True
        except urllib.error.HTTPError:
            if not ok_only:
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


class Supervisor:
    def __init__(self, log: IO[str] | None = None) -> None:
        self.children: dict[str, Child] = {}
        self.stopping = threading.Event()
        self._log = log
        self._lock = threading.Lock()

    def _pipe(self, name: str, child: Child) -> None:
        assert child.proc.stdout is not None
        for raw in child.proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            with self._lock:
                print(f"[{name}] {line}", file=self._log, flush=True)
            if child.ready_line and child.ready_line in line:
                child.ready.set()

    def start(
        self,
        name: str,
        command: list[str],
        env: Mapping[str, str],
        ready_line: str | None = None,
        user: str | None = None,
        stop_signal: int = signal.SIGTERM,
        cwd: Path = ROOT,
    ) -> Child:
        """Start `command`; `user` runs it as that account (PostgreSQL refuses root)."""
        proc = subprocess.Popen(
            command,
            cwd=cwd,
            env=dict(env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            user=user,
            group=user,
            extra_groups=[] if user else None,
        )
        child = Child(command, env, proc, ready_line, user, stop_signal, cwd)
        self.children[name] = child
        threading.Thread(target=self._pipe, args=(name, child), daemon=True).start()
        return child

    def restart(self, name: str) -> Child:
        old = self.children[name]
        self.stop(name)
        return self.start(name, old.command, old.env, old.ready_line, old.user, old.stop_signal, old.cwd)

    def kill(self, name: str) -> None:
        """SIGKILL the process and its children: a crash, for fault tests."""
        proc = self.children[name].proc
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)

    def stop(self, name: str, timeout: float = 15) -> None:
        child = self.children[name]
        proc = child.proc
        if proc.poll() is None:
            proc.send_signal(child.stop_signal)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)

    def stop_all(self) -> None:
        if self.stopping.is_set():
            return
        self.stopping.set()
        for name in reversed(list(self.children)):  # front door first, databases last
            self.stop(name)

    def exited(self) -> str | None:
        """The name of a child that has exited, if any."""
        for name, child in self.children.items():
            if child.proc.poll() is not None:
                return name
        return None

    def watch(self, restart: bool = False) -> int:
        """Block until stop_all is called. A child that exits stops everything (return 1),
        or, with restart, is started again (at most every 10 s per child)."""
        last_restart: dict[str, float] = {}
        while not self.stopping.is_set():
            name = self.exited()
            if name:
                code = self.children[name].proc.returncode
                if not restart:
                    print(f"{name} exited with code {code}; stopping everything.", file=self._log, flush=True)
                    self.stop_all()
                    return 1
                if time.monotonic() - last_restart.get(name, -1e9) > 10:
                    print(f"{name} exited with code {code}; starting it again.", file=self._log, flush=True)
                    last_restart[name] = time.monotonic()
                    self.restart(name)
            time.sleep(0.5)
        return 0

    def on_signals(self) -> None:
        """Ctrl-C or SIGTERM stops every process started here."""

        def handler(*_: object) -> None:
            self.stop_all()
            raise SystemExit(0)

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)
