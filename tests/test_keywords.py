"""Status, subtopic and emergency keywords in several languages."""

import pytest

from bot.keywords import lexicon


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("I'm an asylum seeker", "asylum_seeker"),
        ("у мене тимчасовий захист", "temporary_protection"),
        ("je suis demandeur d'asile", "asylum_seeker"),
        ("ich bin anerkannter Flüchtling", "refugee"),
    ],
)
def test_status(text, status):
    assert status in lexicon().scan(text).statuses


@pytest.mark.parametrize(
    ("text", "suicide"),
    [
        ("my son is not breathing", False),
        ("there is a fire in our building", False),
        ("i want to kill myself", True),
        ("mein Kind ist bewusstlos", False),
    ],
)
def test_emergency(text, suicide):
    found = lexicon().scan(text)
    assert found.emergency and found.suicide == suicide


@pytest.mark.parametrize("text", ["how do i find a flat", "my diploma from syria", "i was fired from my job"])
def test_no_emergency_in_ordinary_questions(text):
    assert not lexicon().scan(text).emergency


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("житло", ["housing"]),
        ("ev", ["housing"]),
        ("مسکن", ["housing"]),
        ("logement?", ["housing"]),
        ("okul", ["schooling"]),
        ("Gesundheit", ["healthcare"]),
        ("my landlord", ["housing"]),  # through the subtopic term
        ("ciao", []),
        ("i am a recognised refugee", []),
    ],
)
def test_topic_words(text, topics):
    assert lexicon().scan(text).topics == topics
