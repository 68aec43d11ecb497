"""Choosing the entry: subtopic, then region, then status."""

import datetime as dt

from bot.knowledge.model import Entry, KnowledgeBase, Source
from bot.replies.answer import select


def entry(id_, subtopic=None, statuses=(), region=None):
    return Entry(
        id=id_,
        country="DE",
        topic="housing",
        subtopic=subtopic,
        statuses=frozenset(statuses),
        terms=(),
        sources=(Source("s", "https://example.org"),),
        reviewed=dt.date(2026, 11, 1),
        review_due=dt.date(2027, 5, 1),
        answer={"en": id_},
        translation={"en": "original"},
        region=region,
    )


KB = KnowledgeBase(
    entries=[
        entry("general"),
        entry("social", "social"),
        entry("social-refugee", "social", ["refugee"]),
        entry("renting", "renting"),
        entry("berlin-social", "social", region="DE-BE"),
        entry("asylum", "asylum_accommodation", ["asylum_seeker"]),
    ]
)


def pick(subtopic=None, status=None, region=None):
    return select(KB, "DE", "housing", subtopic, status, region).entry.id


def test_general_question_gets_the_general_entry():
    assert pick() == "general"


def test_subtopic_wins_over_general():
    assert pick("social") == "social"


def test_status_entry_wins_within_the_subtopic():
    assert pick("social", "refugee") == "social-refugee"


def test_regional_entry_wins_when_the_user_is_there():
    assert pick("social", region="DE-BE") == "berlin-social"
    assert pick("social", region="DE-BY") == "social"


def test_status_entry_answers_a_general_question():
    assert pick(None, "asylum_seeker") == "asylum"


def test_unknown_status_offers_the_statuses_that_have_entries():
    sel = select(KB, "DE", "housing", "social", None)
    assert sel.entry.id == "social" and sel.narrower_statuses == ["refugee"]
