"""Glue between rasa-sdk trackers and bot/ logic."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.conversation import State
from bot.dialogue import Outcome
from bot.replies.fixed import with_notices


def state_of(tracker: Tracker) -> State:
    return State.from_parts(tracker.slots, tracker.latest_message or {}, tracker.events)


def deliver(dispatcher: CollectingDispatcher, state: State, outcome: Outcome) -> list[dict[str, Any]]:
    for r in with_notices(state, outcome.replies):
        if "response" in r:
            dispatcher.utter_message(response=r["response"])
        else:
            dispatcher.utter_message(text=r["text"], buttons=r.get("buttons") or [])
    return [SlotSet(name, value) for name, value in outcome.slots.items()]
