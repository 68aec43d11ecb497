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
