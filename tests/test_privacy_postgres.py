"""Deletion on request against PostgreSQL: no row left, nothing in the table's file."""

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.privacy.tracker_store import PrivateSQLTrackerStore
from tests.postgres import Postgres
from tests.trackers import tracker

PRIVATE_TEXT = "postgres-private-question-about-my-asylum-case"


@pytest.fixture(scope="module")
def postgres():
    server = Postgres()
    yield server
    server.stop()


async def test_delete_on_request_in_postgres(postgres):
    store = PrivateSQLTrackerStore(
        domain=Domain.empty(), dialect="postgresql", host="127.0.0.1", port=postgres.port, db="postgres", username="postgres"
    )
    t = tracker("alice", UserUttered(PRIVATE_TEXT + " call me +49 176 12345678"), BotUttered("answer"))
    await store.save(t)
    await store.save(tracker("bob", UserUttered("someone else")))
    with store.engine.connect() as conn:
        path = conn.execute(sa.text("select pg_relation_filepath('events')")).scalar()
        stored = conn.execute(sa.text("select string_agg(data, ' ') from events")).scalar()
    assert PRIVATE_TEXT in stored and "12345678" not in stored  # redacted on the way in

    t.update(UserUttered("/confirm_delete"))
    t.update(ActionExecuted("action_delete_data"))
    await store.save(t)
    with store.engine.connect() as conn:
        conn.execute(sa.text("checkpoint"))
        assert conn.execute(sa.text("select count(*) from events where sender_id = 'alice'")).scalar() == 0
        assert conn.execute(sa.text("select count(*) from events where sender_id = 'bob'")).scalar() > 0
        new_path = conn.execute(sa.text("select pg_relation_filepath('events')")).scalar()
    data_file = postgres.dir / new_path
    assert PRIVATE_TEXT.encode() not in data_file.read_bytes()
    old_file = postgres.dir / path
    assert not old_file.exists() or PRIVATE_TEXT.encode() not in old_file.read_bytes()
    store.engine.dispose()
