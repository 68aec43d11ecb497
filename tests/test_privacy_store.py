"""Deletion on request and retention in the SQLite tracker store, checked in the raw file."""

import time

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.privacy.tracker_store import PrivateSQLTrackerStore
from tests.trackers import tracker

PRIVATE_TEXT = "my-very-private-question-about-asylum"


def raw_files(tmp_path) -> bytes:
    """The database as it is on disk: the file and its write-ahead log."""
    return b"".join(f.read_bytes() for f in tmp_path.glob("t.db*"))


def store(tmp_path):
    return PrivateSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))


async def test_delete_on_request_leaves_nothing_in_the_file(tmp_path):
    s = store(tmp_path)
    t = tracker("alice", UserUttered(PRIVATE_TEXT), BotUttered("answer"))
    await s.save(t)
    await s.save(tracker("bob", UserUttered("other person")))
    assert PRIVATE_TEXT.encode() in raw_files(tmp_path)
    t.update(UserUttered("/confirm_delete"))
    t.update(ActionExecuted("action_delete_data"))
    await s.save(t)
    s.engine.dispose()
    raw = raw_files(tmp_path)
    assert PRIVATE_TEXT.encode() not in raw
    assert await s.retrieve("alice") is None
    assert await s.retrieve("bob") is not None


async def test_retention_deletes_only_idle_conversations(tmp_path):
    s = store(tmp_path)
    s._last_purge = time.monotonic()  # the hourly automatic purge is not due yet
    old = time.time() - 40 * 86400
    await s.save(tracker("old", UserUttered("old question", timestamp=old)))
    await s.save(tracker("new", UserUttered("new question")))
    assert s.purge_expired() == 1
    assert await s.retrieve("old") is None
    assert await s.retrieve("new") is not None


async def test_personal_data_is_stored_redacted(tmp_path):
    s = store(tmp_path)
    text = "my number is +49 176 12345678 and mail x.y@example.org"
    await s.save(tracker("carol", UserUttered(text, parse_data={"text": text, "intent": {"name": "inform"}})))
    s.engine.dispose()
    raw = raw_files(tmp_path)
    assert b"12345678" not in raw and b"x.y@example.org" not in raw
    stored = await s.retrieve("carol")
    assert stored.latest_message.text == "my number is [phone] and mail [email]"


async def test_retention_runs_by_itself_when_due(tmp_path):
    s = store(tmp_path)
    s._last_purge = time.monotonic()
    await s.save(tracker("old", UserUttered("old question", timestamp=time.time() - 40 * 86400)))
    s._last_purge -= 3601  # an hour later, the next save purges
    await s.save(tracker("new", UserUttered("new question")))
    assert await s.retrieve("old") is None
    assert await s.retrieve("new") is not None
