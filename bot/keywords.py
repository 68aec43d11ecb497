"""The keyword lexicons in bot/lexicon/<lang>.yml: statuses, topics, subtopics, emergencies."""

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
    # topics named by a topic word ("житло") or by a subtopic term ("landlord")
    topics: list[str]


class Lexicon:
    def __init__(self) -> None:
        self.status: TermMatcher[str] = TermMatcher()
        self.subtopic: TermMatcher[str] = TermMatcher()
        self.topic: TermMatcher[str] = TermMatcher()
        self.emergency: TermMatcher[str] = TermMatcher()
        for lang in CORE_LANGUAGES:
            path = lexicon_dir() / f"{lang}.yml"
            if not path.exists():
                logger.warning("No keyword lexicon for '%s' (%s)", lang, path)
                continue
            doc = load_plain(path) or {}
            _add_section(self.status, doc, "statuses", STATUSES, path)
            _add_section(self.topic, doc, "topics", TOPICS, path)
            _add_section(self.subtopic, doc, "subtopics", SUBTOPICS, path)
            for term in doc.get("emergency") or []:
                self.emergency.add(str(term), "general")
            for term in doc.get("suicide") or []:
                self.emergency.add(str(term), "suicide")

    def scan(self, text: str) -> Findings:
        tokens = words(text)
        emergencies = {m.value for m in self.emergency.find(tokens)}
        subtopics = _unique(m.value for m in self.subtopic.find(tokens))
        topics = [m.value for m in self.topic.find(tokens)] + [s.split(".", 1)[0] for s in subtopics]
        return Findings(
            statuses=_unique(m.value for m in self.status.find(tokens)),
            subtopics=subtopics,
            emergency=bool(emergencies),
            suicide="suicide" in emergencies,
            topics=_unique(topics),
        )


def _add_section(matcher: TermMatcher[str], doc: dict, section: str, known, path) -> None:
    for name, terms in (doc.get(section) or {}).items():
        if name not in known:
            logger.warning("%s: unknown %s entry '%s'", path, section, name)
            continue
        for term in terms or []:
            matcher.add(str(term), name)


def _unique(values) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return list(seen)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
