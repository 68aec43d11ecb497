"""Every country x topic gets a sourced answer in the user's language (two languages
per pair, chosen so all ten languages are covered), as the action server gives it."""

import itertools

import pytest

from bot.conversation import State
from bot.dialogue import respond
from bot.knowledge.model import TOPICS
from bot.knowledge.store import default_store
from bot.languages import CORE_LANGUAGES

COUNTRIES = ("DE", "FR", "IT", "ES", "NL", "SE", "BE", "AT", "PL", "PT", "IE", "GR")
PAIRS = list(itertools.product(COUNTRIES, TOPICS))
LANGS = itertools.cycle(CORE_LANGUAGES)
CASES = [(cc, topic, lang) for cc, topic in PAIRS for lang in (next(LANGS), next(LANGS))]


@pytest.mark.parametrize(("country", "topic", "lang"), CASES)
def test_answer(country, topic, lang):
    kb = default_store().get()
    state = State(slots={"language": lang, "country": country}, latest={"intent": {"name": f"ask_{topic}"}, "entities": []})
    outcome = respond(kb, state)
    general = [e for e in kb.entries_for(country, topic) if e.subtopic is None and e.general and e.region is None]
    assert len(general) == 1, f"{country} {topic} needs one general entry"
    text = outcome.replies[0]["text"]
    assert general[0].answer[lang] in text
    assert all(s.url in text for s in general[0].sources)
    assert general[0].reviewed.isoformat() in text
    assert outcome.slots["last_entry"] == general[0].id
