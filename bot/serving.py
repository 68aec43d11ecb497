"""Whether this Rasa replica may serve, and making storage failures loud.

Rasa wraps every tracker store in a FailSafeTrackerStore: when the database fails it
saves to memory and retrieves "no conversation", so a replica keeps answering while it
forgets who it talks to. We refuse that: storage errors propagate (the channel guard
then tells the user to try again), an in-memory tracker store is never accepted, and
with several replicas (WAYFINDER_REQUIRE_REDIS=1) a Redis lock store must be there.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from rasa.core.lock_store import RedisLockStore
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore

logger = logging.getLogger(__name__)


class StorageUnavailable(RuntimeError):
    """The tracker store failed; the turn must not go on without it."""


def current_agent() -> Any | None:
    """The agent of the running Rasa server (None in unit tests or while loading)."""
    from sanic import Sanic

    try:
        return Sanic.get_app().ctx.agent
    except Exception:  # noqa: BLE001 - no app (unit tests) or no agent yet
        return None


def primary_store(agent: Any) -> Any:
    store = agent.tracker_store
    return store._tracker_store if isinstance(store, FailSafeTrackerStore) else store


def _refuse(error: Exception) -> None:
    logger.error("Tracker store failed (%s): refusing to go on without it", type(error).__name__)
    raise StorageUnavailable(type(error).__name__) from error


def fail_closed(agent: Any) -> None:
    """Make Rasa's fail-safe wrapper raise instead of falling back to memory."""
    store = agent.tracker_store
    if isinstance(store, FailSafeTrackerStore) and store._on_tracker_store_error is not _refuse:
        store._on_tracker_store_error = _refuse


def redis_required() -> bool:
    return os.environ.get("WAYFINDER_REQUIRE_REDIS", "").lower() in {"1", "true", "yes"}


def refusal(agent: Any) -> str | None:
    """Why this replica must not serve, from its configuration alone (no I/O)."""
    if agent is None or not agent.is_ready():
        return "the model is not loaded yet"
    if isinstance(primary_store(agent), InMemoryTrackerStore):
        return "the tracker store is in memory: conversations would be lost (check tracker_store in the endpoints file)"
    if redis_required() and not isinstance(agent.lock_store, RedisLockStore):
        return "several replicas need the Redis lock store (check lock_store in the endpoints file)"
    return None


def problems(agent: Any) -> list[str]:
    """Everything that stops this replica from serving, checking the databases too."""
    reason = refusal(agent)
    if reason:
        return [reason]
    found = []
    store = primary_store(agent)
    try:
        if hasattr(store, "ping"):
            store.ping()
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        found.append(f"the tracker database is unreachable ({type(error).__name__})")
    if isinstance(agent.lock_store, RedisLockStore):
        try:
            agent.lock_store.red.ping()
        except Exception as error:  # noqa: BLE001
            found.append(f"the Redis lock store is unreachable ({type(error).__name__})")
    for problem in found:
        logger.error("Not serving: %s", problem)
    return found
