"""Reaching a person, and rating answers."""

from __future__ import annotations

import sqlite3

from bot.knowledge.store import KnowledgeStore

KB = KnowledgeStore().get()


def test_talk_to_human_in_german_lists_official_services(chat):
    chat.say("ich lebe in Deutschland")
    reply = chat.say("kann ich mit einem Menschen sprechen?")
    for service in KB.countries["DE"].advice_services:
        assert service.name in reply and service.url in reply


def test_talk_to_human_asks_the_country_then_answers(chat):
    first = chat.send("i need to talk to a social worker")
    assert any(b.get("payload") == '/inform{"country": "FR"}' for m in first for b in m.get("buttons", []))
    reply = chat.say('/inform{"country": "FR"}')
    assert KB.countries["FR"].advice_services[0].url in reply


def test_two_misses_lead_to_a_person(chat):
    chat.say("je vis en France")
    first = chat.say("raconte-moi une blague")
    assert KB.countries["FR"].advice_services[0].url not in first
    reply = chat.say("quel temps fera-t-il demain ?")
    assert KB.countries["FR"].advice_services[0].url in reply


def test_feedback_is_asked_and_stored_redacted(chat, stack):
    messages = chat.send("how do i find a flat in germany")
    payloads = [b["payload"] for m in messages for b in m.get("buttons", [])]
    assert "/feedback_helpful" in payloads and "/feedback_not_helpful" in payloads
    question = chat.say("/feedback_not_helpful")
    assert "missing" in question.lower()
    thanks = chat.say("nothing about deposits, my number is +49 176 12345678")
    assert "thank" in thanks.lower()
    rows = (
        sqlite3.connect(stack["db"])
        .execute("select data from events where sender_id = ? and data like '%feedback_text%'", (chat.sender,))
        .fetchall()
    )
    assert rows and all("12345678" not in r[0] for r in rows)
    assert any("[phone]" in r[0] for r in rows)
