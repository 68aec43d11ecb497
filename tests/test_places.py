"""Country and city recognition from the multilingual gazetteer."""

import pytest

from bot.places.gazetteer import gazetteer


def countries(text):
    return [(m.place.kind, m.place.country) for m in gazetteer().find(text)]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("I live in Lyon", "FR"),
        ("я живу в Мюнхене", "DE"),
        ("Мюнхен", "DE"),
        ("انا في ستوكهولم", "SE"),
        ("hw do i get doctor in germny", "DE"),
        ("and in Italy?", "IT"),
        ("كيف أسجل ابنتي في المدرسة في ألمانيا؟", "DE"),
        ("بالمانيا", "DE"),
        ("Almanya'da ev", "DE"),
        ("je suis en France", "FR"),
        ("у Німеччині", "DE"),
        ("من در آلمان هستم", "DE"),
    ],
)
def test_finds_the_country(text, country):
    found = [c for kind, c in countries(text) if kind in ("country", "city")]
    assert found and found[-1] == country


def test_city_carries_its_region():
    (match,) = [m for m in gazetteer().find("flat in Berlin") if m.place.kind == "city"]
    assert (match.place.city, match.place.region) == ("berlin", "DE-BE")


@pytest.mark.parametrize("text", ["hello", "i need a doctor", "thanks a lot", "my parts are broken"])
def test_no_place_in_ordinary_words(text):
    assert [c for kind, c in countries(text) if kind in ("country", "city")] == []


def test_adjective_is_only_a_hint():
    kinds = countries("where can i take a german course")
    assert kinds and all(kind == "adjective" for kind, _ in kinds)


def test_display_names_per_language():
    g = gazetteer()
    assert g.country_name("DE", "en") == "Germany"
    assert g.country_name("DE", "de") == "Deutschland"


def test_italian_thanks_is_not_the_city_of_graz():
    assert gazetteer().find("grazie mille") == []
    assert [p.place.city for p in gazetteer().find("Grazda ev arıyorum")] == ["graz"]
