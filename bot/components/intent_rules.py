"""Rules that overrule the classifier, placed after it and before the fallback.

- The emergency safety net: emergency words found by SituationExtractor make the
  intent `emergency`, however confident the classifier was about something else.
- "/language xx" typed by the user is the `set_language` intent.
- An empty message is `empty_message`, so it gets its own polite reply.
- A bare topic word ("житло", "ev", "مسکن") is that topic's question when the
  classifier leans the same way but is unsure: one-word messages carry too little
  for the classifiers to be confident, and the fallback would ask to rephrase.
- "ciao", "servus", "salam" are both greeting and goodbye: when those two are the
  classifier's top pair the greeting-or-goodbye is not ambiguous for our purpose
  (the dialogue rules turn a goodbye that opens a conversation into a greeting).
"""

from __future__ import annotations

from typing import Any, Dict

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from bot.components.base import RuleComponent
from bot.components.language_detector import COMMAND
from bot.components.situation_extractor import TOPIC_HINTS

SOCIAL = {"greet", "goodbye"}


def _set_intent(message: Message, name: str) -> None:
    # The rule is certain: the classifier's ranking is dropped, or the fallback's
    # ambiguity check would see two intents near 1.0 and overrule the rule.
    intent = {"name": name, "confidence": 1.0}
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class IntentRules(RuleComponent):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # below this the classifier counts as unsure; top-n it must still lean to the topic
        return {"unsure_below": 0.6, "topic_in_top": 3}

    def process_one(self, message: Message) -> None:
        entities = {e.get("entity"): e.get("value") for e in message.get(ENTITIES) or []}
        if "emergency_kind" in entities:
            _set_intent(message, "emergency")
        elif COMMAND.match(self.text(message)):
            _set_intent(message, "set_language")
        elif entities.get("notice") == "empty":
            _set_intent(message, "empty_message")
        else:
            self._settle(message)

    def _settle(self, message: Message) -> None:
        ranking = message.get(INTENT_RANKING_KEY) or []
        if not ranking:
            return
        top = ranking[0]
        topics = message.get(TOPIC_HINTS) or []
        if len(topics) == 1:
            wanted = f"ask_{topics[0]}"
            leaning = [r["name"] for r in ranking[: self.config["topic_in_top"]]]
            if top["confidence"] < self.config["unsure_below"] and wanted in leaning:
                _set_intent(message, wanted)
                return
        if len(ranking) > 1 and {top["name"], ranking[1]["name"]} == SOCIAL:
            merged = {"name": top["name"], "confidence": top["confidence"] + ranking[1]["confidence"]}
            message.set(INTENT, merged, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [merged, *ranking[2:]], add_to_output=True)
