"""Language detection on chat-like text and the switching rules."""

import pytest

from bot.components.language_detector import explicit_choice, switch_decision
from bot.language import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("كيف أسجل ابنتي في المدرسة في ألمانيا؟", "ar"),
        ("hw do i get doctor in germny im refugee", "en"),
        ("у мене тимчасовий захист", "uk"),
        ("мне нужен врач в германии", "ru"),
        ("چطور می‌توانم دکتر پیدا کنم", "fa"),
        ("Almanya'da doktora nasıl giderim", "tr"),
        ("comment inscrire mon fils à l'école", "fr"),
        ("wie finde ich eine wohnung", "de"),
        ("como puedo reconocer mi titulo", "es"),
        ("come posso trovare una casa", "it"),
    ],
)
def test_detects_the_language_of_typical_messages(text, code):
    assert detect_language(text)[0] == code


@pytest.mark.parametrize("text", ["", "112", "🙂🙂", "   ", "!!!"])
def test_no_letters_means_undetermined(text):
    assert detect_language(text) == ("und", 0.0)


@pytest.mark.parametrize("text", ["ok", "112", "🙂", "Deutschland", "Germany", "Lyon", "Мюнхен"])
def test_short_or_place_only_messages_never_switch(text):
    assert switch_decision(text)[2] is False


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("كيف أسجل ابنتي في المدرسة", "ar"),
        ("how do i find a flat in berlin", "en"),
        ("wie bekomme ich einen Termin beim Arzt", "de"),
    ],
)
def test_full_sentences_switch(text, code):
    detected, _, confident = switch_decision(text)
    assert (detected, confident) == (code, True)


def test_explicit_choice_from_command_and_metadata():
    assert explicit_choice("/language ar", {}) == "ar"
    assert explicit_choice("hello", {"language": "uk"}) == "uk"
    assert explicit_choice("/language xx", {}) is None
    assert explicit_choice("hello", {"language": "<script>"}) is None
