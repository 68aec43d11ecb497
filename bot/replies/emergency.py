"""Emergency replies: the numbers first, in the same message."""

from __future__ import annotations

from bot.knowledge.model import KnowledgeBase
from bot.nlg.catalog import t

from . import Reply, reply


def _localised(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("en") or ""


def emergency_reply(kb: KnowledgeBase, country: str | None, lang: str, suicide: bool = False) -> Reply:
    info = kb.countries.get(country or "")
    if info is None:
        lines = [t(lang, "emergency_unknown_country")]
    else:
        lines = [t(lang, "emergency_intro")]
        lines += [f"☎ {p.number}: {_localised(p.service, lang)}" for p in info.emergency]
    if suicide and info is not None and info.crisis_line is not None:
        cl = info.crisis_line
        lines += ["", t(lang, "crisis_line"), f"☎ {cl.number}: {cl.name}. {_localised(cl.service, lang)}"]
    return reply("\n".join(lines))
