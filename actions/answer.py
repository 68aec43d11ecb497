"""action_answer: a knowledge answer for the user's country, topic and situation."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import deliver, state_of
from bot.dialogue import respond
from bot.knowledge.store import default_store


class ActionAnswer(Action):
    def name(self) -> str:
        return "action_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        state = state_of(tracker)
        return deliver(dispatcher, state, respond(default_store().get(), state))
