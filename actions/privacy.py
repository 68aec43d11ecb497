"""action_delete_data: confirms the deletion; the tracker store then erases the
conversation instead of saving this turn (bot/privacy/tracker_store.py)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import state_of
from bot.nlg.catalog import t


class ActionDeleteData(Action):
    def name(self) -> str:
        return "action_delete_data"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        dispatcher.utter_message(text=t(state_of(tracker).language, "delete_done"))
        return []
