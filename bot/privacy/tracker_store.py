"""SQL tracker store (SQLite or PostgreSQL) that deletes for real.

- "delete my data", once confirmed (action_delete_data ran), erases every stored event
  of the sender instead of saving the turn; SQLite runs with secure_delete so freed
  pages are overwritten, PostgreSQL rewrites the table (VACUUM FULL).
- Conversations idle for longer than the retention period (WAYFINDER_RETENTION_DAYS,
  default 30) are deleted, checked at most once an hour while the assistant runs and
  by `python -m bot.privacy.retention`.
"""

from __future__ import annotations

import json
import logging
import os
import time
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.db_retry import retrying
from bot.privacy import logs, settings
from bot.privacy.redact import redact_text

logger = logging.getLogger(__name__)

DELETE_ACTION = "action_delete_data"
PURGE_EVERY_SECONDS = 3600


def deletion_requested(tracker: DialogueStateTracker) -> bool:
    """True when the delete action ran after the latest user message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == DELETE_ACTION:
            return True
    return False


class PrivateSQLTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Domain | None = None, retention_days: int | None = None, **kwargs: Any) -> None:
        kwargs = _from_url(kwargs)
        super().__init__(domain=domain, **kwargs)
        logs.install()
        self.retention_days = int(retention_days) if retention_days else settings.retention_days()
        self._last_purge = 0.0
        if self.engine.dialect.name == "sqlite":
            # SQLAlchemy 1.4 opens and closes a SQLite file per session; closing a WAL
            # database checkpoints it, on every turn. Keep connections open instead.
            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False})
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def ping(self) -> None:
        """Raises when the database cannot be reached (health check)."""
        with self.engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        parent = super()._retrieve
        return await retrying(self.engine, lambda: parent(sender_id, fetch_events_from_all_sessions))

    async def keys(self) -> Any:
        parent = super().keys
        return await retrying(self.engine, parent)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the turn's new events, redacted; or erase all on a deletion request."""

        async def attempt() -> None:
            self._save(tracker)

        await retrying(self.engine, attempt)
        if time.monotonic() - self._last_purge > PURGE_EVERY_SECONDS:
            self.purge_expired()

    def _save(self, tracker: DialogueStateTracker) -> None:
        if deletion_requested(tracker):
            self.delete(tracker.sender_id)
            return
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = redact_event(event.as_dict())
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=(data.get("parse_data") or {}).get("intent", {}).get("name"),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()

    def delete(self, sender_id: str) -> int:
        with self.session_scope() as session:
            n = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
            session.commit()
        self._compact()
        logger.info("Deleted a conversation on request (%d events)", n)
        return n

    def _compact(self) -> None:
        """Deleted rows must not linger on disk. SQLite: secure_delete zeroes the freed
        pages; a truncating checkpoint moves them into the database file and empties the
        write-ahead log, which held copies. PostgreSQL keeps deleted rows in the table file
        until it is rewritten: VACUUM FULL does that (a short exclusive lock on the events
        table); WAYFINDER_PG_VACUUM=plain|off trades this for less locking."""
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as connection:
                busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()[0]
            if busy:
                logger.warning("SQLite checkpoint was busy: deleted data stays in the WAL until the next one")
            return
        if self.engine.dialect.name != "postgresql":
            return
        mode = os.environ.get("WAYFINDER_PG_VACUUM", "full")
        if mode == "off":
            return
        raw = self.engine.raw_connection()  # VACUUM cannot run inside a transaction
        try:
            raw.connection.autocommit = True
            with raw.connection.cursor() as cursor:
                cursor.execute("VACUUM FULL events" if mode == "full" else "VACUUM events")
        finally:
            raw.connection.autocommit = False
            raw.close()

    def purge_expired(self, now: float | None = None) -> int:
        """Delete conversations whose last event is older than the retention period."""
        self._last_purge = time.monotonic()
        cutoff = (now or time.time()) - self.retention_days * 86400
        E = self.SQLEvent
        with self.session_scope() as session:
            stale = session.query(E.sender_id).group_by(E.sender_id).having(sa.func.max(E.timestamp) < cutoff)
            n = session.query(E).filter(E.sender_id.in_(stale.subquery().select())).delete(synchronize_session=False)
            session.commit()
        if n:
            self._compact()
        if n:
            logger.info("Retention: deleted %d events of conversations idle for %d days", n, self.retention_days)
        return n


def _from_url(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Accept `url: postgresql://user:<password>@host:port/db` (e.g. from WAYFINDER_DB_URL)
    besides Rasa's separate dialect/host/port/db fields."""
    host = kwargs.get("host")
    if isinstance(host, str) and "://" in host:
        url = sa.engine.make_url(host)
        kwargs = {**kwargs, "dialect": url.get_backend_name(), "host": url.host, "port": url.port, "db": url.database}
        kwargs.update(username=url.username, password=url.password, query=dict(url.query) or None)
    if str(kwargs.get("dialect", "")).startswith("postgresql"):
        # fail fast on an unreachable server; the retry loop above decides how long to wait
        kwargs["query"] = {"connect_timeout": "5", **(kwargs.get("query") or {})}
    return kwargs


def _redact_values(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {k: _redact_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_values(v) for v in value]
    return value


def redact_event(data: dict) -> dict:
    """What the user wrote (and channel metadata) with personal data replaced."""
    if data.get("event") == "user":
        data["text"] = redact_text(data.get("text") or "")
        parse = data.get("parse_data") or {}
        if "text" in parse:
            parse["text"] = data["text"]
        data["metadata"] = _redact_values(data.get("metadata") or {})
    elif data.get("event") == "slot" and isinstance(data.get("value"), str):
        data["value"] = redact_text(data["value"])  # free text such as feedback
    return data


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """secure_delete: freed pages are overwritten. WAL with synchronous=NORMAL: a commit
    no longer waits for the disk (it blocked every conversation of the process); a crash
    of the assistant loses nothing, a power cut may lose the last turns."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()
