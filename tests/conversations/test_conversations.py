"""Full conversations against the running stack through the REST channel."""

from __future__ import annotations

import re

from bot.knowledge.store import KnowledgeStore
from bot.language import detect_language

KB = KnowledgeStore().get()
ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def answers(country: str, topic: str, lang: str) -> list[str]:
    return [e.answer[lang] for e in KB.entries_for(country, topic) if lang in e.answer]


def assert_answer(reply: str, country: str, topic: str, lang: str) -> None:
    assert any(text in reply for text in answers(country, topic, lang)), reply[:500]
    assert "https://" in reply and "2026-" in reply  # sources and review date


def test_arabic_school_question_in_germany(chat):
    reply = chat.say("كيف أسجل ابنتي في المدرسة في ألمانيا؟")
    assert_answer(reply, "DE", "schooling", "ar")


def test_english_with_typos_and_status(chat):
    reply = chat.say("hw do i get doctor in germny im refugee")
    assert_answer(reply, "DE", "healthcare", "en")


def test_country_is_asked_remembered_and_changed_in_ukrainian(chat):
    first = chat.send("як знайти квартиру для оренди?")
    assert any(b.get("payload", "").startswith("/inform") for m in first for b in m.get("buttons", []))
    assert CYRILLIC.search(first[0]["text"])
    assert_answer(chat.say("Франція"), "FR", "housing", "uk")
    assert_answer(chat.say("а в Німеччині?"), "DE", "housing", "uk")


def test_french_recognition_then_switch_to_english(chat):
    assert_answer(chat.say("comment faire reconnaître mon diplôme en France ?"), "FR", "recognition", "fr")
    assert_answer(chat.say("and how do I find a flat there?"), "FR", "housing", "en")


def test_emergency_numbers_come_first(chat):
    chat.say("ich wohne in Berlin")
    messages = chat.send("mein Kind atmet nicht mehr")
    first = messages[0]["text"]
    assert "112" in first and "110" in first
    assert detect_language(first)[0] == "de"


def test_emergency_without_country_gives_112(chat):
    messages = chat.send("my husband is beating me, help")
    assert "112" in messages[0]["text"]


def test_suicide_gets_a_crisis_line_when_known(chat):
    chat.say("je vis à Paris")
    reply = chat.say("je veux me suicider")
    assert "112" in reply
    crisis = KB.countries["FR"].crisis_line
    if crisis is not None:
        assert crisis.number in reply


def test_out_of_scope_is_not_answered_from_knowledge(chat):
    messages = chat.send("what will the weather be tomorrow in berlin?")
    text = "\n".join(m.get("text", "") for m in messages)
    assert "https://" not in text
    assert any(b["payload"] == "/ask_housing" for m in messages for b in m.get("buttons", []))


def test_country_not_covered_yet(chat):
    reply = chat.say("how can i find a flat in switzerland")
    assert "112" in reply and "Switzerland" in reply and "Sources" not in reply


def test_explicit_language_choice_sticks(chat):
    assert ARABIC.search(chat.say("/language ar"))
    reply = chat.say("how do i see a doctor in france")
    assert_answer(reply, "FR", "healthcare", "ar")


def test_metadata_language_wins(chat):
    reply = chat.say("hello", metadata={"language": "tr"})
    assert detect_language(reply)[0] == "tr"


def test_short_message_does_not_switch_language(chat):
    chat.say("как записать ребенка в школу в германии")
    reply = chat.say("ok")
    assert CYRILLIC.search(reply)


def test_bad_inputs_get_a_polite_reply(chat):
    chat.say("привет, мне нужна помощь")
    for text in ["", "   ", "a" * 10000, "\x00\x07\x1b[31m", "🙂🙂🙂", "<script>alert(1)</script>", "مرحبا hello Привет 你好"]:
        messages = chat.send(text)
        assert messages, repr(text[:20])
        for m in messages:
            assert "<script" not in m.get("text", "")


def test_long_message_is_cut_with_a_notice(chat):
    reply = chat.say("how do i find a flat in berlin " + "please " * 2000)
    assert "1000" in reply


def test_first_short_message_sets_a_first_guess(chat):
    reply = chat.say("je vis en France")
    assert detect_language(reply)[0] == "fr"


def test_ciao_opening_a_conversation_is_a_greeting(chat):
    """ "ciao" says hello and goodbye; as a first message it must not get "Arrivederci"."""
    from bot.nlg.catalog import t

    first = chat.send("ciao")
    assert first[0]["text"].startswith(t("it", "greet").split("!")[0])
    assert any(b.get("payload") == "/ask_healthcare" for m in first for b in m.get("buttons", []))


def test_one_word_topic_questions_in_turkish(chat):
    """Newcomers often type just the topic; the fallback must not ask them to rephrase."""
    chat.say("Almanya'da yaşıyorum")
    assert_answer(chat.say("ev"), "DE", "housing", "tr")
    assert_answer(chat.say("okul"), "DE", "schooling", "tr")
