"""Button menus: topics, subtopics, countries, statuses, languages."""

from __future__ import annotations

import json

from bot.knowledge.model import STATUSES, TOPICS
from bot.languages import CORE_LANGUAGES, ENDONYMS
from bot.nlg.catalog import t
from bot.places.gazetteer import gazetteer

# The countries offered as buttons: those the project means to cover.
MENU_COUNTRIES = ("DE", "FR", "IT", "ES", "NL", "SE", "BE", "AT", "PL", "PT", "IE", "GR")


def payload(intent: str, **entities: str) -> str:
    return f"/{intent}{json.dumps(entities, ensure_ascii=False)}" if entities else f"/{intent}"


def topic_buttons(lang: str, with_person: bool = False) -> list[dict[str, str]]:
    buttons = [{"title": t(lang, f"topic.{topic}"), "payload": payload(f"ask_{topic}")} for topic in TOPICS]
    if with_person:
        buttons.append(person_button(lang))
    return buttons


def person_button(lang: str) -> dict[str, str]:
    return {"title": t(lang, "talk_to_person"), "payload": payload("talk_to_human")}


def feedback_buttons(lang: str) -> list[dict[str, str]]:
    return [
        {"title": t(lang, "feedback_helpful"), "payload": payload("feedback_helpful")},
        {"title": t(lang, "feedback_not_helpful"), "payload": payload("feedback_not_helpful")},
    ]


def subtopic_buttons(lang: str, topic: str, available: list[str]) -> list[dict[str, str]]:
    return [
        {"title": t(lang, f"subtopic.{topic}.{sub}"), "payload": payload(f"ask_{topic}", subtopic=f"{topic}.{sub}")}
        for sub in TOPICS[topic]
        if sub in available
    ]


def country_buttons(lang: str) -> list[dict[str, str]]:
    g = gazetteer()
    return [{"title": g.country_name(cc, lang), "payload": payload("inform", country=cc)} for cc in MENU_COUNTRIES]


def status_buttons(lang: str, only: list[str] | None = None) -> list[dict[str, str]]:
    return [
        {"title": t(lang, f"status.{s}"), "payload": payload("inform", status=s)} for s in STATUSES if only is None or s in only
    ]


def language_buttons() -> list[dict[str, str]]:
    return [{"title": ENDONYMS[code], "payload": payload("set_language", language_explicit=code)} for code in CORE_LANGUAGES]
