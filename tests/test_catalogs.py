"""Every bot phrase exists in all ten languages, with the same placeholders."""

import pytest

from bot.languages import CORE_LANGUAGES
from bot.nlg.catalog import catalogs, placeholders, t
from bot.paths import catalog_dir
from bot.yamlfile import load_plain


@pytest.mark.parametrize("lang", CORE_LANGUAGES)
def test_catalog_is_complete(lang):
    cats = catalogs()
    assert lang in cats, f"missing bot/nlg/catalog/{lang}.yml"
    assert set(cats[lang]) == set(cats["en"])
    for key, text in cats["en"].items():
        assert placeholders(cats[lang][key]) == placeholders(text), f"{lang}/{key}"
        assert cats[lang][key].strip(), f"{lang}/{key} is empty"


@pytest.mark.parametrize("lang", [code for code in CORE_LANGUAGES if code != "en"])
def test_translations_are_marked_and_really_translated(lang):
    doc = load_plain(catalog_dir() / f"{lang}.yml")
    assert doc["language"] == lang
    assert doc["translation"] in ("machine-assisted", "reviewed")
    assert t(lang, "language_set") != t("en", "language_set")
    assert t(lang, "greet") != t("en", "greet")


def test_missing_key_falls_back_to_english():
    assert t("ar", "no.such.key") == "no.such.key"
    assert t("xx", "goodbye") == t("en", "goodbye")
