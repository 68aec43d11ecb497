"""Rules that overrule the classifier, placed after it and before the fallback.

- The emergency safety net: emergency words found by SituationExtractor make the
  intent `emergency`, however confident the classifier was about something else.
- "/language xx" typed by the user is the `set_language` intent.
- An empty message is `empty_message`, so it gets its own polite reply.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from bot.components.base import RuleComponent
from bot.components.language_detector import COMMAND


def _set_intent(message: Message, name: str) -> None:
    # The rule is certain: the classifier's ranking is dropped, or the fallback's
    # ambiguity check would see two intents near 1.0 and overrule the rule.
    intent = {"name": name, "confidence": 1.0}
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class IntentRules(RuleComponent):
    def process_one(self, message: Message) -> None:
        entities = {e.get("entity"): e.get("value") for e in message.get(ENTITIES) or []}
        if "emergency_kind" in entities:
            _set_intent(message, "emergency")
        elif COMMAND.match(self.text(message)):
            _set_intent(message, "set_language")
        elif entities.get("notice") == "empty":
            _set_intent(message, "empty_message")
