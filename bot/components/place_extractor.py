"""Finds the user's country (and city, region) from the multilingual gazetteer.

Entities: country (ISO code) from a country or city name, city and region from a city,
country_hint from an adjective ("a German school"), which only counts when no
country is known yet. The last place named wins ("and in Italy?").
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot.components.base import RuleComponent
from bot.components.language_detector import PLACES
from bot.places.gazetteer import gazetteer


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class PlaceExtractor(RuleComponent):
    def __init__(self, config) -> None:
        super().__init__(config)
        gazetteer()  # load now, not on the first message

    def process_one(self, message: Message) -> None:
        matches = message.get(PLACES)
        if matches is None:
            matches = gazetteer().find(self.text(message))
        named = [m for m in matches if m.place.kind in ("country", "city")]
        if named:
            last = named[-1]
            self.add_entity(message, "country", last.place.country, last.start_char, last.end_char)
            if last.place.kind == "city":
                self.add_entity(message, "city", last.place.city, last.start_char, last.end_char)
                if last.place.region:
                    self.add_entity(message, "region", last.place.region, last.start_char, last.end_char)
            return
        adjectives = [m for m in matches if m.place.kind == "adjective"]
        if adjectives:
            a = adjectives[-1]
            self.add_entity(message, "country_hint", a.place.country, a.start_char, a.end_char)
