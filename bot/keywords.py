"""The keyword lexicons in bot/lexicon/<lang>.yml: statuses, subtopics, emergencies."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from bot.knowledge.model import STATUSES, TOPICS
from bot.languages import CORE_LANGUAGES
from bot.paths import lexicon_dir
from bot.text import TermMatcher, words
from bot.yamlfile import load_plain

logger = logging.getLogger(__name__)

SUBTOPICS = tuple(f"{topic}.{sub}" for topic, subs in TOPICS.items() for sub in subs)


@dataclass(frozen=True)
class Findings:
    statuses: list[str]
    subtopics: list[str]
    emergency: bool
    suicide: bool


class Lexicon:
    def __init__(self) -> None:
        self.status: TermMatcher[str] = TermMatcher()
        self.subtopic: TermMatcher[str] = TermMatcher()
        self.emergency: TermMatcher[str] = TermMatcher()
        for lang in CORE_LANGUAGES:
            path = lexicon_dir() / f"{lang}.yml"
            if not path.exists():
                logger.warning("No keyword lexicon for '%s' (%s)", lang, path)
                continue
            doc = load_plain(path) or {}
            for status, terms in (doc.get("statuses") or {}).items():
                if status not in STATUSES:
                    logger.warning("%s: unknown status '%s'", path, status)
                    continue
                for term in terms or []:
                    self.status.add(str(term), status)
            for sub, terms in (doc.get("subtopics") or {}).items():
                if sub not in SUBTOPICS:
                    logger.warning("%s: unknown subtopic '%s'", path, sub)
                    continue
                for term in terms or []:
                    self.subtopic.add(str(term), sub)
            for term in doc.get("emergency") or []:
                self.emergency.add(str(term), "general")
            for term in doc.get("suicide") or []:
                self.emergency.add(str(term), "suicide")

    def scan(self, text: str) -> Findings:
        tokens = words(text)
        emergencies = {m.value for m in self.emergency.find(tokens)}
        return Findings(
            statuses=_unique(m.value for m in self.status.find(tokens)),
            subtopics=_unique(m.value for m in self.subtopic.find(tokens)),
            emergency=bool(emergencies),
            suicide="suicide" in emergencies,
        )


def _unique(values) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return list(seen)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
