"""Ride out short database outages (a PostgreSQL restart or failover) instead of
failing the turn: retry on connection errors with backoff, for a bounded time."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from typing import Awaitable, Callable, TypeVar

import sqlalchemy as sa

logger = logging.getLogger(__name__)

T = TypeVar("T")
DEFAULT_SECONDS = 15.0


def retry_seconds() -> float:
    return float(os.environ.get("WAYFINDER_DB_RETRY_SECONDS", DEFAULT_SECONDS))


def is_connection_error(error: BaseException) -> bool:
    if isinstance(error, (sa.exc.OperationalError, sa.exc.InterfaceError)):
        return True
    return isinstance(error, sa.exc.DBAPIError) and bool(error.connection_invalidated)


async def retrying(engine: sa.engine.Engine, call: Callable[[], Awaitable[T]], seconds: float | None = None) -> T:
    """Run `call`; on a lost connection drop the pool and try again until `seconds` pass."""
    deadline = time.monotonic() + (retry_seconds() if seconds is None else seconds)
    delay = 0.2
    while True:
        try:
            return await call()
        except sa.exc.DBAPIError as error:
            if not is_connection_error(error) or time.monotonic() + delay > deadline:
                raise
            logger.warning("Tracker database unreachable (%s); retrying in %.1f s", type(error).__name__, delay)
            engine.dispose()  # pooled connections died with the server
            await asyncio.sleep(delay)
            delay = min(delay * 2, 2.0)
