"""action_talk_to_human: the official advice services of the user's country."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import deliver, state_of
from bot.dialogue import talk_to_human
from bot.knowledge.store import default_store


class ActionTalkToHuman(Action):
    def name(self) -> str:
        return "action_talk_to_human"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        state = state_of(tracker)
        return deliver(dispatcher, state, talk_to_human(default_store().get(), state))
