"""Sets the conversation language from an explicit choice or a confident detection.

Entities it adds (slots of the same name are filled from them):
- language_explicit: the channel's `language` metadata, or "/language xx" typed.
- language: a detection confident enough to switch the conversation.
- language_guess: a weaker guess (or the channel's language hint) for a first message.
Country and city names are ignored when judging confidence ("Deutschland" never switches).
"""

from __future__ import annotations

import re
from typing import Any, Dict

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot.components.base import RuleComponent
from bot.language import UNDETERMINED, detect_language, warm_up
from bot.languages import is_core
from bot.places.gazetteer import gazetteer

PLACES = "wayfinder_places"  # message data key, not part of the NLU output
COMMAND = re.compile(r"^\s*/lang(?:uage)?\s+([a-z]{2})\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


def explicit_choice(text: str, metadata: Any) -> str | None:
    m = COMMAND.match(text or "")
    if m and is_core(m.group(1).lower()):
        return m.group(1).lower()
    if isinstance(metadata, dict) and is_core(metadata.get("language")):
        return metadata["language"]
    return None


def n_words(text: str) -> int:
    return len(_WORD.findall(text))


def switch_decision(
    text: str, min_words: int = 3, min_confidence: float = 0.7, places: list | None = None
) -> tuple[str, float, bool]:
    """(code, confidence, confident enough to switch) for a message without place names.

    Longer messages may switch with less confidence: on four or more words the
    detector is right about 99 % of the time even when its top score is modest.
    """
    for place in reversed(gazetteer().find(text) if places is None else places):
        text = text[: place.start_char] + " " + text[place.end_char :]
    code, confidence = detect_language(text)
    n_words = len(_WORD.findall(text))
    confident = code != UNDETERMINED and (
        (n_words >= min_words + 1 and confidence >= 0.5)
        or (n_words >= min_words and confidence >= min_confidence)
        or (n_words >= 2 and confidence >= 0.97)
    )
    return code, confidence, confident


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageDetector(RuleComponent):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"min_words": 3, "min_confidence": 0.7, "guess_confidence": 0.75}

    def __init__(self, config: Dict[str, Any]) -> None:
        super().__init__(config)
        warm_up()

    def process_one(self, message: Message) -> None:
        text = self.text(message)
        metadata = message.get("metadata") or {}
        chosen = explicit_choice(text, metadata)
        if chosen:
            self.add_entity(message, "language_explicit", chosen)
            return
        places = gazetteer().find(text)
        message.set(PLACES, places)  # PlaceExtractor reuses them: one gazetteer pass per message
        code, confidence, confident = switch_decision(
            text, int(self.config["min_words"]), float(self.config["min_confidence"]), places
        )
        hint = metadata.get("language_hint") if isinstance(metadata, dict) else None
        if confident:
            self.add_entity(message, "language", code, confidence=confidence)
            self.add_entity(message, "language_guess", code, confidence=confidence)
        elif is_core(hint):
            # too short or uncertain: the channel's user language (e.g. Telegram's) is a better first guess
            self.add_entity(message, "language_guess", hint, confidence=0.5)
        elif code != UNDETERMINED and (confidence >= float(self.config["guess_confidence"]) or n_words(text) >= 2):
            self.add_entity(message, "language_guess", code, confidence=confidence)
