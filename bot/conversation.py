"""Reading a conversation's state the same way in the NLG endpoint and the actions.

Works on plain dicts: the tracker state Rasa sends to the NLG endpoint, or the
slots and latest message of a rasa-sdk Tracker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from bot.languages import DEFAULT_LANGUAGE, is_core


@dataclass(frozen=True)
class State:
    slots: Mapping[str, Any]
    latest: Mapping[str, Any]
    first_turn: bool = False  # the assistant has not said anything yet
    previous_missed: bool = False  # the reply to the previous message was a "miss"

    @classmethod
    def from_tracker_dict(cls, tracker: Mapping[str, Any]) -> State:
        return cls.from_parts(tracker.get("slots") or {}, tracker.get("latest_message") or {}, tracker.get("events"))

    @classmethod
    def from_parts(cls, slots: Mapping[str, Any], latest: Mapping[str, Any], events: Any = None) -> State:
        events = [e for e in events or [] if isinstance(e, Mapping)] if events is not None else None
        first = events is not None and not any(e.get("event") == "bot" for e in events)
        return cls(slots, latest, first, _previous_turn_missed(events or []))

    @property
    def failed_twice(self) -> bool:
        """This reply says "not understood" or "out of scope", and so did the last one."""
        return self.previous_missed

    @property
    def language(self) -> str:
        """Explicit choice, else the last confident detection, else a first guess."""
        for slot in ("language_explicit", "language", "language_guess"):
            value = self.slots.get(slot)
            if is_core(value):
                return value
        return DEFAULT_LANGUAGE

    @property
    def country(self) -> str | None:
        value = self.slots.get("country")
        return value.upper() if isinstance(value, str) and len(value) == 2 else None

    @property
    def region(self) -> str | None:
        value = self.slots.get("region")
        return value.upper() if isinstance(value, str) else None

    def region_in(self, country: str | None) -> str | None:
        """The user's region, if it lies in that country (an old one may linger)."""
        region = self.region
        return region if region and country and region.startswith(f"{country}-") else None

    @property
    def status(self) -> str | None:
        value = self.slots.get("status")
        return value if isinstance(value, str) else None

    @property
    def intent(self) -> str | None:
        intent = self.latest.get("intent") or {}
        return intent.get("name") if isinstance(intent, Mapping) else None

    def entities(self, name: str) -> list[Any]:
        return [e.get("value") for e in self.latest.get("entities") or [] if e.get("entity") == name]

    def entity(self, name: str) -> Any:
        values = self.entities(name)
        return values[-1] if values else None


MISS_RESPONSES = frozenset({"utter_rephrase", "utter_out_of_scope"})


def _previous_turn_missed(events: list[Mapping[str, Any]]) -> bool:
    """Whether the assistant's reply to the user's previous message was a miss."""
    turns: list[set[str]] = []
    for e in events:
        if e.get("event") == "user":
            turns.append(set())
        elif e.get("event") == "bot" and turns:
            turns[-1].add((e.get("metadata") or {}).get("utter_action") or "")
    return len(turns) >= 2 and bool(turns[-2] & MISS_RESPONSES)
