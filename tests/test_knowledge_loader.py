"""The knowledge loader: the real files load cleanly; each kind of mistake is reported
with the file and the line a maintainer must fix."""

import datetime as dt

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from tests.knowledge_fixture import TOPIC, write_knowledge

TODAY = dt.date(2026, 11, 26)


def test_shipped_knowledge_has_no_errors():
    kb, problems = load_knowledge(knowledge_dir(), TODAY)
    assert [p for p in problems if p.level == "error"] == []
    assert {"DE", "FR"} <= set(kb.countries)
    for cc in ("DE", "FR"):
        for topic in ("healthcare", "schooling", "recognition", "housing"):
            entries = kb.entries_for(cc, topic)
            assert entries, f"{cc} {topic} has no entries"
            for e in entries:
                assert set(e.answer) >= {"en", "fr", "de", "es", "it", "ar", "uk", "ru", "fa", "tr"}, e.id


def test_valid_fixture_loads(tmp_path):
    kb, problems = load_knowledge(write_knowledge(tmp_path), TODAY)
    assert problems == []
    assert len(kb.entries) == 2 and "DE" in kb.countries


BROKEN = {
    "yaml syntax": (TOPIC.replace('      en: "1. Choose', "      en: 1. Choose: a"), 12, "YAML"),
    "missing sources": (
        TOPIC.replace('    sources:\n      - title: "Official page"\n        url: https://www.example.org/health\n', ""),
        4,
        "sources",
    ),
    "bad url": (TOPIC.replace("https://www.example.org/health", "www.example.org/health"), 9, "https://"),
    "bad date": (TOPIC.replace("reviewed: 2026-11-01", "reviewed: 1 Nov 2026", 1), 10, "YYYY-MM-DD"),
    "unknown status": (TOPIC.replace("[asylum_seeker]", "[asylum]"), 17, "unknown status"),
    "unknown subtopic": (TOPIC.replace("subtopic: insurance", "subtopic: dentist"), 16, "unknown subtopic"),
    "term missing in a translation": (TOPIC.replace("صحي (Krankenkasse)", "صحي"), 13, "Krankenkasse"),
    "html in answer": (TOPIC.replace("Choose a health", "Choose <script>alert(1)</script> a health"), 12, "plain text"),
    "empty translation": (TOPIC.replace('      ar: "1. اختر صندوق تأمين صحي (Krankenkasse)."', '      ar: ""'), 13, "empty"),
    "unknown language": (TOPIC.replace("      ar: ", "      xx: "), 13, "language code"),
    "duplicate id": (TOPIC.replace("de-healthcare-insurance-asylum_seeker", "de-healthcare-general"), 15, "already used"),
    "translation status": (TOPIC.replace("ar: machine-assisted", "ar: google"), 14, "translation state"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_is_reported_with_file_and_line(tmp_path, case):
    text, line, words = BROKEN[case]
    kb, problems = load_knowledge(write_knowledge(tmp_path, topic=text), TODAY)
    errors = [p for p in problems if p.level == "error"]
    assert errors, case
    first = errors[0]
    assert first.file.endswith("de/healthcare.yml")
    assert first.line == line, str(first)
    assert words.lower() in first.message.lower(), str(first)
    assert not any(e.topic == "healthcare" for e in kb.entries)  # the broken file is not served


def test_overdue_review_is_a_warning(tmp_path):
    kb, problems = load_knowledge(write_knowledge(tmp_path), dt.date(2027, 12, 1))
    assert problems and all(p.level == "warning" for p in problems)
    assert "due for review" in problems[0].message
    assert len(kb.entries) == 2


def test_country_without_112_is_an_error(tmp_path):
    from tests.knowledge_fixture import COUNTRY

    country = COUNTRY.replace('"112"', '"999"')
    _, problems = load_knowledge(write_knowledge(tmp_path, country=country), TODAY)
    assert any("112" in p.message and p.file.endswith("country.yml") for p in problems)


def test_unknown_topic_and_country_code_are_reported(tmp_path):
    root = write_knowledge(tmp_path / "k", topic=TOPIC.replace("topic: healthcare", "topic: banking"))
    (root / "xx").mkdir()
    (root / "xx" / "housing.yml").write_text("country: XX\n", encoding="utf-8")
    (root / "de" / "weather.yml").write_text("country: DE\ntopic: weather\n", encoding="utf-8")
    _, problems = load_knowledge(root, TODAY)
    messages = [str(p) for p in problems]
    assert any("healthcare.yml:2" in m and "unknown topic 'banking'" in m for m in messages)
    assert any("'xx' is not a lower-case ISO country code" in m for m in messages)
    assert any("weather.yml:1" in m and "unknown file name" in m for m in messages)
