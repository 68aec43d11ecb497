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


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("hello", "en"),
        ("hi", "en"),
        ("thanks", "en"),
        ("hello i am in", "en"),
        ("i am in", "en"),
        ("hi im in germany", "en"),
        ("i'm in", "en"),
        ("bonjour", "fr"),
        ("merci", "fr"),
        ("salut", "fr"),
        ("je suis en", "fr"),
        ("danke", "de"),
        ("hallo", "de"),
        ("guten tag", "de"),
        ("ich bin in", "de"),
        ("hola", "es"),
        ("gracias", "es"),
        ("estoy en", "es"),
        ("ciao", "it"),
        ("grazie", "it"),
        ("sono in", "it"),
        ("merhaba", "tr"),
        ("tesekkurler", "tr"),
        ("ben almanyada", "tr"),
    ],
)
def test_detects_everyday_short_messages(text, code):
    assert detect_language(text)[0] == code


def test_table_words_barely_move_a_long_sentence():
    # an English title inside a Spanish sentence: "of" and "the" are English words, the rest is not
    code, confidence = detect_language("Estreno del documental Queen of the Desert en el cine municipal la próxima semana")
    assert code == "es" and confidence > 0.9


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
        ("hello i am in germany", "en"),
        ("hi im in germany", "en"),
        ("bonjour je suis en france", "fr"),
        ("ich bin in deutschland", "de"),
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
