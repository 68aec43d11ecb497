"""Read the tracker store's events and aggregate them, never keeping a sender id."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

import sqlalchemy as sa

from bot.conversation import State
from bot.privacy.redact import redact_text


@dataclass
class Insights:
    per_day: Counter = field(default_factory=Counter)
    per_language: Counter = field(default_factory=Counter)
    per_country: Counter = field(default_factory=Counter)
    per_topic: Counter = field(default_factory=Counter)
    entries_used: Counter = field(default_factory=Counter)
    helpful: Counter = field(default_factory=Counter)  # (country, topic) -> helpful votes
    not_helpful: Counter = field(default_factory=Counter)
    entry_helpful: Counter = field(default_factory=Counter)
    entry_not_helpful: Counter = field(default_factory=Counter)
    unanswered: Counter = field(default_factory=Counter)  # (country, topic, language, text)
    conversations: int = 0

    def helpful_rate(self, key: tuple[str, str]) -> float | None:
        total = self.helpful[key] + self.not_helpful[key]
        return self.helpful[key] / total if total else None


def read_events(db_url: str) -> dict[str, list[dict[str, Any]]]:
    """Events per conversation, in order. The sender id is only a grouping key here."""
    engine = sa.create_engine(db_url)
    table = sa.Table("events", sa.MetaData(), autoload_with=engine)
    conversations: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with engine.connect() as conn:
        for row in conn.execute(sa.select(table.c.sender_id, table.c.data).order_by(table.c.id)):
            conversations[row.sender_id].append(json.loads(row.data))
    engine.dispose()
    return conversations


def _language(slots: dict[str, Any]) -> str:
    return State(slots, {}).language  # the same rule the replies use


def _normalise(text: str) -> str:
    return " ".join(redact_text(text).lower().split())[:200]


def aggregate(conversations: Iterable[list[dict[str, Any]]]) -> Insights:
    ins = Insights()
    for events in conversations:
        if not any(e.get("event") == "user" for e in events):
            continue
        ins.conversations += 1
        slots: dict[str, Any] = {}
        topics: set[str] = set()
        last_entry: tuple[str, str, str] | None = None  # (entry, country, topic)
        first_ts = next((e["timestamp"] for e in events if e.get("timestamp")), None)
        if first_ts:
            ins.per_day[dt.datetime.fromtimestamp(first_ts, dt.timezone.utc).date().isoformat()] += 1
        for e in events:
            kind = e.get("event")
            if kind == "slot":
                slots[e.get("name")] = e.get("value")
                if e.get("name") == "topic" and isinstance(e.get("value"), str) and e["value"] != "human":
                    topics.add(e["value"])
                elif e.get("name") == "last_entry" and e.get("value"):
                    last_entry = (e["value"], slots.get("country") or "?", slots.get("topic") or "?")
                    ins.entries_used[e["value"]] += 1
                elif e.get("name") == "feedback_text" and e.get("value") and last_entry:
                    ins.unanswered[(last_entry[1], last_entry[2], _language(slots), _normalise(e["value"]))] += 1
            elif kind == "user":
                intent = ((e.get("parse_data") or {}).get("intent") or {}).get("name")
                if intent == "nlu_fallback" and (e.get("text") or "").strip():
                    key = (slots.get("country") or "?", slots.get("topic") or "?", _language(slots), _normalise(e["text"]))
                    ins.unanswered[key] += 1
                elif intent in ("feedback_helpful", "feedback_not_helpful") and last_entry:
                    good = intent == "feedback_helpful"
                    (ins.helpful if good else ins.not_helpful)[(last_entry[1], last_entry[2])] += 1
                    (ins.entry_helpful if good else ins.entry_not_helpful)[last_entry[0]] += 1
        ins.per_language[_language(slots)] += 1
        ins.per_country[slots.get("country") or "unknown"] += 1
        for topic in topics or {"none"}:
            ins.per_topic[topic] += 1
    return ins
