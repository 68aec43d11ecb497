"""Training data: every intent in every language, enough and consistent examples."""

from pathlib import Path

import pytest
import yaml

from bot.languages import CORE_LANGUAGES
from bot.training_data import read_examples

ROOT = Path(__file__).resolve().parents[1]
PAYLOAD_ONLY = {"set_language", "empty_message", "confirm_delete", "cancel_delete", "feedback_helpful", "feedback_not_helpful"}
DOMAIN_INTENTS = set(yaml.safe_load((ROOT / "domain.yml").read_text())["intents"]) - PAYLOAD_ONLY


def examples(lang):
    return read_examples(lang)


@pytest.mark.parametrize("lang", CORE_LANGUAGES)
def test_every_intent_has_at_least_15_examples(lang):
    ex = examples(lang)
    assert set(ex) == DOMAIN_INTENTS
    for intent, lines in ex.items():
        assert len(set(lines)) >= 15, f"{lang}/{intent}: {len(set(lines))}"


@pytest.mark.parametrize("lang", CORE_LANGUAGES)
def test_no_example_has_two_intents(lang):
    seen = {}
    for intent, lines in examples(lang).items():
        for line in lines:
            assert seen.setdefault(line.lower(), intent) == intent, f"{lang}: '{line}' is {seen[line.lower()]} and {intent}"


def test_no_example_has_two_intents_across_languages():
    seen = {}
    for lang in CORE_LANGUAGES:
        for intent, lines in examples(lang).items():
            for line in lines:
                first = seen.setdefault(line.strip(), (intent, lang))
                assert first[0] == intent, f"'{line}' is {first[0]} in {first[1]} and {intent} in {lang}"


def test_lexicon_regex_features_are_up_to_date():
    import subprocess
    import sys

    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "lexicon_regex.py"), "--check"], cwd=ROOT)
    assert r.returncode == 0, "run `python scripts/lexicon_regex.py` after editing bot/lexicon"


def _regex_features() -> dict:
    import re

    doc = yaml.safe_load((ROOT / "data" / "lexicon_regexes.yml").read_text(encoding="utf-8"))
    return {b["regex"]: re.compile(b["examples"].strip()[2:]) for b in doc["nlu"]}


@pytest.mark.parametrize(
    "text, feature, fires",
    [
        ("hasta luego", "healthcare_doctor", False),  # Spanish "until", not Turkish "hasta" (sick)
        ("çocuğum hastalandı", "healthcare_doctor", True),
        ("i want to use ChatGPT", "healthcare_doctor", False),
        ("مين كتب هذا الكتاب", "healthcare_doctor", False),  # not Persian "تب" (fever)
        ("how much is car insurance", "healthcare_insurance", False),
        ("i have no insurance, can i see a doctor", "healthcare_insurance", True),
        ("i need a lawyer", "recognition_regulated", False),
        ("i was a lawyer in syria", "recognition_regulated", True),
        ("no puedo dormir cada noche", "housing_asylum_accommodation", False),
        ("i'm in graz", "place", True),
        ("Lyon", "place", True),
        ("بالمانيا", "place", True),
        ("в Берлине", "place", True),
        ("have a nice day", "place", False),
        ("hasta luego", "place", False),
    ],
)
def test_lexicon_regex_features_fire_only_where_meant(text, feature, fires):
    assert bool(_regex_features()[feature].search(text)) is fires
