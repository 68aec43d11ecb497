"""Finds the user's residence status and the subtopic of a question (bot/lexicon).

The topics the words point to are kept on the message (not as entities) for IntentRules.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot.components.base import RuleComponent
from bot.keywords import lexicon

TOPIC_HINTS = "topic_hints"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class SituationExtractor(RuleComponent):
    def __init__(self, config) -> None:
        super().__init__(config)
        lexicon()

    def process_one(self, message: Message) -> None:
        findings = lexicon().scan(self.text(message))
        if findings.statuses:
            self.add_entity(message, "status", findings.statuses[-1])
        for sub in findings.subtopics:
            self.add_entity(message, "subtopic", sub)
        message.set(TOPIC_HINTS, findings.topics)
        if findings.emergency:
            self.add_entity(message, "emergency_kind", "suicide" if findings.suicide else "general")
