"""action_feedback_done: thanks the user for saying what was missing.

The text stays in the conversation (redacted by the tracker store) for `make insights`;
the slot is emptied so the next "not helpful" asks again.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import state_of
from bot.nlg.catalog import t


class ActionFeedbackDone(Action):
    def name(self) -> str:
        return "action_feedback_done"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        dispatcher.utter_message(text=t(state_of(tracker).language, "feedback_thanks"))
        return [SlotSet("feedback_text", None)]
