"""Rasa's Redis lock store, configured by one URL (WAYFINDER_REDIS_URL) so an operator
points replicas at their own Redis with one environment variable, password included."""

from __future__ import annotations

from typing import Any

import redis
from rasa.core.lock_store import RedisLockStore

SOCKET_TIMEOUT_SECONDS = 2.0  # a dead Redis must fail the turn fast, not hang it


class RedisUrlLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Any) -> None:
        kwargs = dict(endpoint_config.kwargs or {})
        super().__init__(key_prefix=kwargs.get("key_prefix"))
        self.red = redis.StrictRedis.from_url(
            endpoint_config.url,
            socket_timeout=float(kwargs.get("socket_timeout", SOCKET_TIMEOUT_SECONDS)),
            socket_connect_timeout=float(kwargs.get("socket_timeout", SOCKET_TIMEOUT_SECONDS)),
        )
