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

    @classmethod
    def from_tracker_dict(cls, tracker: Mapping[str, Any]) -> State:
        return cls.from_parts(tracker.get("slots") or {}, tracker.get("latest_message") or {}, tracker.get("events"))

    @classmethod
    def from_parts(cls, slots: Mapping[str, Any], latest: Mapping[str, Any], events: Any = None) -> State:
        first = events is not None and not any(isinstance(e, Mapping) and e.get("event") == "bot" for e in events)
        return cls(slots, latest, first)

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
