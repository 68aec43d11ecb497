"""Sliding-window rate limits per sender and per client address, in memory.

Over the limit, the user gets a polite "please wait a moment" instead of silence.
Per-process: behind a load balancer that routes a conversation to one replica, the
per-sender limit holds; the per-address limit is per replica.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque


class RateLimiter:
    def __init__(self, per_minute: int, window: float = 60.0, max_keys: int = 100_000) -> None:
        self.per_minute = per_minute
        self.window = window
        self.max_keys = max_keys
        self._hits: dict[str, deque[float]] = {}

    def allow(self, key: str | None, now: float | None = None) -> bool:
        if not key or self.per_minute <= 0:
            return True
        now = time.monotonic() if now is None else now
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] > self.window:
            hits.popleft()
        if len(hits) >= self.per_minute:
            return False
        hits.append(now)
        if len(self._hits) > self.max_keys:  # forget idle keys rather than grow without bound
            for k in [k for k, v in self._hits.items() if not v or now - v[-1] > self.window]:
                del self._hits[k]
        return True


def from_env() -> tuple[RateLimiter, RateLimiter]:
    return (
        RateLimiter(int(os.environ.get("WAYFINDER_RATE_PER_MINUTE_SENDER", "20"))),
        RateLimiter(int(os.environ.get("WAYFINDER_RATE_PER_MINUTE_IP", "300"))),
    )


def client_key(address: str | None) -> str | None:
    """A short hash of the address: enough to count, not kept anywhere."""
    if not address:
        return None
    return hashlib.sha256(address.encode()).hexdigest()[:16]
