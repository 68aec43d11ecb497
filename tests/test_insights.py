"""The insights report, from a generated tracker store: it renders, counts what
happened, and shows no sender id and no unredacted text."""

import time

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered

from bot.insights.__main__ import main
from bot.privacy.tracker_store import PrivateSQLTrackerStore
from tests.trackers import tracker as conversation

SENDERS = ["sender-alpha-7f3a", "sender-beta-19c2", "sender-gamma-c0de"]


def user(text, intent):
    return UserUttered(text, intent={"name": intent, "confidence": 1.0}, parse_data={"text": text, "intent": {"name": intent}})


async def make_store(path):
    s = PrivateSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(path))
    now = time.time()
    await s.save(
        conversation(
            SENDERS[0],
            user("كيف أجد شقة في ألمانيا", "ask_housing"),
            SlotSet("language", "ar"),
            SlotSet("country", "DE"),
            SlotSet("topic", "housing"),
            SlotSet("last_entry", "de-housing-general"),
            user("/feedback_not_helpful", "feedback_not_helpful"),
            SlotSet("feedback_text", "nothing about Kaution, call me +49 176 12345678"),
        )
    )
    await s.save(
        conversation(
            SENDERS[1],
            user("hw do i see doctor", "ask_healthcare"),
            SlotSet("language", "en"),
            SlotSet("country", "FR"),
            SlotSet("topic", "healthcare"),
            SlotSet("last_entry", "fr-healthcare-general"),
            user("/feedback_helpful", "feedback_helpful"),
        )
    )
    await s.save(
        conversation(
            SENDERS[2],
            user("blorp my mail is someone@example.org", "nlu_fallback"),
            user("blorp my mail is someone@example.org", "nlu_fallback"),
        )
    )
    s.engine.dispose()
    return now


async def test_report_renders_without_identities(tmp_path):
    await make_store(tmp_path / "t.db")
    assert main(["--db-url", f"sqlite:///{tmp_path / 't.db'}", "--out", str(tmp_path / "r")]) == 0
    md = (tmp_path / "r" / "insights.md").read_text()
    page = (tmp_path / "r" / "insights.html").read_text()
    for text in (md, page):
        assert "Conversations: 3" in text
        for sender in SENDERS:
            assert sender not in text
        assert "12345678" not in text and "someone@example.org" not in text
    assert "[phone]" in md and "[email]" in md
    assert "| DE | housing | 0 | 1 | 0 % |" in md and "| FR | healthcare | 1 | 0 | 100 % |" in md
    assert "| ? | ? | en | blorp my mail is [email] | 2 |" in md
    assert (tmp_path / "r" / "insights" / "per_language.png").read_bytes()[:4] == b"\x89PNG"
    assert page.count("data:image/png;base64,") == 5
