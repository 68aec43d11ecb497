"""First in the pipeline: clean the text so nothing downstream sees raw input.

Strips control characters, cuts over-long messages (the reply then says so) and flags
empty ones, so NLU works on sane text whatever the channel delivered.
"""

from __future__ import annotations

from typing import Any, Dict

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.base import RuleComponent
from bot.privacy.redact import redact
from bot.text import DEFAULT_MAX_CHARS, clean


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class InputGuard(RuleComponent):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"max_chars": DEFAULT_MAX_CHARS}

    def process_one(self, message: Message) -> None:
        text, notices = clean(self.text(message), int(self.config.get("max_chars", DEFAULT_MAX_CHARS)))
        message.set(TEXT, text)
        if redact(text)[1]:
            notices.append("personal_data")  # the reply reminds them not to share it
        for notice in notices:
            self.add_entity(message, "notice", notice)
