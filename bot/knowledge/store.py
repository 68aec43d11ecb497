"""Holds the current knowledge and reloads it when a file changes.

A reload that finds errors is refused as a whole: the last valid knowledge keeps
serving and the errors are logged with file and line.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from bot.paths import knowledge_dir

from .loader import Problem, load_knowledge
from .model import KnowledgeBase

logger = logging.getLogger(__name__)


def _fingerprint(root: Path) -> tuple:
    if not root.is_dir():
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in root.rglob("*.y*ml") if p.is_file()))


class KnowledgeStore:
    def __init__(self, root: Path | None = None, check_every: float = 1.0) -> None:
        self.root = root or knowledge_dir()
        self.check_every = check_every
        self._lock = threading.Lock()
        self._kb = KnowledgeBase()
        self._fingerprint: tuple = ()
        self._checked = 0.0
        self.problems: list[Problem] = []
        self.reload(initial=True)

    def reload(self, initial: bool = False) -> bool:
        """Load from disk; keep the old knowledge if the new one has errors."""
        fingerprint = _fingerprint(self.root)
        kb, problems = load_knowledge(self.root)
        errors = [p for p in problems if p.level == "error"]
        with self._lock:
            self._fingerprint = fingerprint
            self.problems = problems
            if errors and not initial:
                for p in errors:
                    logger.error("Knowledge edit rejected, still serving the last valid version: %s", p)
                return False
            for p in problems:
                (logger.error if p.level == "error" else logger.warning)("%s", p)
            self._kb = kb
        logger.info("Knowledge loaded: %d countries, %d entries", len(kb.countries), len(kb.entries))
        return True

    def get(self) -> KnowledgeBase:
        """The current knowledge; checks the files for changes at most every check_every s."""
        now = time.monotonic()
        if now - self._checked >= self.check_every:
            self._checked = now
            if _fingerprint(self.root) != self._fingerprint:
                self.reload()
        return self._kb


_default: KnowledgeStore | None = None


def default_store() -> KnowledgeStore:
    global _default
    if _default is None:
        _default = KnowledgeStore()
    return _default
