"""A replica never serves without its storage: no silent in-memory fallback, storage
errors reach the user as a polite reply in their language, short outages are retried."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot import serving
from bot.channels.guard import guarded
from bot.channels.limits import RateLimiter
from bot.db_retry import retrying
from bot.nlg.catalog import t
from bot.privacy.tracker_store import PrivateSQLTrackerStore


class BrokenStore(InMemoryTrackerStore):
    async def save(self, tracker):
        raise sa.exc.OperationalError("INSERT", {}, ConnectionRefusedError("db down"))

    async def retrieve(self, sender_id):
        raise sa.exc.OperationalError("SELECT", {}, ConnectionRefusedError("db down"))


def agent_with(store, lock=None) -> SimpleNamespace:
    return SimpleNamespace(
        tracker_store=FailSafeTrackerStore(store), lock_store=lock or InMemoryLockStore(), is_ready=lambda: True
    )


def sql_store(tmp_path) -> PrivateSQLTrackerStore:
    return PrivateSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))


async def test_rasa_would_forget_silently_but_we_fail_closed():
    agent = agent_with(BrokenStore(Domain.empty()))
    tracker = DialogueStateTracker("s1", [])
    await agent.tracker_store.save(tracker)  # Rasa: no error, the turn lives in memory only
    assert await agent.tracker_store.retrieve("s1") is None  # ...and is gone on the next turn
    serving.fail_closed(agent)
    with pytest.raises(serving.StorageUnavailable):
        await agent.tracker_store.save(tracker)
    with pytest.raises(serving.StorageUnavailable):
        await agent.tracker_store.retrieve("s1")


def test_an_in_memory_tracker_store_is_refused(tmp_path):
    assert "in memory" in serving.refusal(agent_with(InMemoryTrackerStore(Domain.empty())))
    assert serving.refusal(agent_with(sql_store(tmp_path))) is None
    assert serving.refusal(None) == "the model is not loaded yet"


def test_several_replicas_need_the_redis_lock_store(tmp_path, monkeypatch):
    monkeypatch.setenv("WAYFINDER_REQUIRE_REDIS", "1")
    assert "Redis" in serving.refusal(agent_with(sql_store(tmp_path)))


def test_health_problems_name_an_unreachable_database(tmp_path):
    store = sql_store(tmp_path)
    assert serving.problems(agent_with(store)) == []
    store.engine = sa.create_engine("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1")
    assert serving.problems(agent_with(store)) == ["the tracker database is unreachable (OperationalError)"]


async def _handle(agent, on_new_message, text="як знайти житло у Берліні?") -> list[dict]:
    handle = guarded(on_new_message, RateLimiter(100), RateLimiter(100), agent_of=lambda: agent)
    out = CollectingOutputChannel()
    await handle(UserMessage(text, out, "s1"))
    return out.messages


async def test_refused_replica_answers_politely_in_the_users_language():
    called = []

    async def on_new_message(message):
        called.append(message)

    messages = await _handle(agent_with(InMemoryTrackerStore(Domain.empty())), on_new_message)
    assert not called
    assert [m["text"] for m in messages] == [t("uk", "unavailable")]


async def test_a_failure_or_a_silent_turn_becomes_a_polite_reply(tmp_path):
    agent = agent_with(sql_store(tmp_path))

    async def fails(message):
        raise ConnectionError("action server down")

    async def silent(message):
        return None

    async def answers(message):
        await message.output_channel.send_response(message.sender_id, {"text": "answer"})

    assert [m["text"] for m in await _handle(agent, fails)] == [t("uk", "unavailable")]
    assert [m["text"] for m in await _handle(agent, silent)] == [t("uk", "unavailable")]
    assert [m["text"] for m in await _handle(agent, answers)] == ["answer"]


async def test_a_short_outage_is_retried_a_long_one_is_not():
    engine = sa.create_engine("sqlite://")
    attempts = []

    async def flaky():
        attempts.append(1)
        if len(attempts) < 3:
            raise sa.exc.OperationalError("SELECT 1", {}, ConnectionResetError("server closed the connection"))
        return "ok"

    assert await retrying(engine, flaky, seconds=5) == "ok" and len(attempts) == 3

    async def down():
        raise sa.exc.OperationalError("SELECT 1", {}, ConnectionRefusedError("refused"))

    with pytest.raises(sa.exc.OperationalError):
        await retrying(engine, down, seconds=0.5)

    async def bad_query():
        attempts.append(1)
        raise sa.exc.IntegrityError("INSERT", {}, ValueError("duplicate"))

    attempts.clear()
    with pytest.raises(sa.exc.IntegrityError):
        await retrying(engine, bad_query, seconds=5)
    assert len(attempts) == 1  # not a connection problem: no retry
