"""Official advice services of a country: how to reach a person."""

from __future__ import annotations

from bot.knowledge.model import AdviceService
from bot.languages import ENDONYMS
from bot.nlg.catalog import t

from . import Reply, reply


def services_reply(services: tuple[AdviceService, ...], lang: str) -> Reply:
    blocks = [t(lang, "human_intro")]
    for s in services:
        lines = [f"• {s.name}", s.helps_with.get(lang) or s.helps_with.get("en", "")]
        if s.languages:
            names = ", ".join(ENDONYMS.get(code, code) for code in s.languages)
            lines.append(f"{t(lang, 'service_languages')}: {names}")
        if s.phone:
            lines.append(f"{t(lang, 'service_phone')}: {s.phone}")
        if s.hours:
            lines.append(f"{t(lang, 'service_hours')}: {s.hours.get(lang) or s.hours.get('en', '')}")
        lines.append(f"{t(lang, 'service_website')}: {s.url}")
        blocks.append("\n".join(lines))
    return reply("\n\n".join(blocks))
