"""Choosing and rendering the knowledge answer for country, topic, subtopic, status."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.model import Entry, KnowledgeBase
from bot.languages import DEFAULT_LANGUAGE, ENDONYMS
from bot.nlg.catalog import t

from . import Reply, reply
from .menus import feedback_buttons, status_buttons, subtopic_buttons


@dataclass(frozen=True)
class Selection:
    entry: Entry
    # statuses with their own entry here, offered when the user's status is unknown
    narrower_statuses: list[str]
    other_subtopics: list[str]


def select(
    kb: KnowledgeBase, country: str, topic: str, subtopic: str | None, status: str | None, region: str | None = None
) -> Selection | None:
    """The best entry: regional over national, then subtopic, then status."""
    entries = [e for e in kb.entries_for(country, topic) if e.region in (None, region)]
    if not entries:
        return None

    def rank(e: Entry) -> int | None:
        """Subtopic match first, then a regional entry, then one for the user's status."""
        if not e.general and status not in e.statuses:
            return None
        if subtopic is not None and e.subtopic not in (subtopic, None):
            return None
        if subtopic is None and e.subtopic is not None and e.general:
            return None  # a question without subtopic: the general answer, or the status's own
        return 4 * (subtopic is not None and e.subtopic == subtopic) + 2 * (e.region is not None) + (not e.general)

    ranked = [(r, e) for e in entries if (r := rank(e)) is not None]
    if not ranked:
        return None
    best = max(ranked, key=lambda pair: pair[0])[1]  # first in file order among equals
    narrower: list[str] = []
    if status is None:
        for e in entries:
            if e.subtopic == best.subtopic and not e.general and e.region == best.region:
                narrower += [s for s in sorted(e.statuses) if s not in narrower]
    subs = sorted({e.subtopic for e in entries if e.subtopic and e.subtopic != best.subtopic})
    return Selection(best, narrower, subs)


def render_entry(entry: Entry, lang: str) -> str:
    parts = []
    text = entry.answer.get(lang)
    if text is None:
        parts.append(t(lang, "translation_missing", language=ENDONYMS.get(lang, lang)))
        text = entry.answer[DEFAULT_LANGUAGE]
    parts.append(text)
    sources = "\n".join(f"• {s.title}: {s.url}" for s in entry.sources)
    parts.append(f"{t(lang, 'sources')}\n{sources}\n{t(lang, 'checked', date=entry.reviewed.isoformat())}")
    return "\n\n".join(parts)


def answer_replies(kb: KnowledgeBase, selection: Selection, lang: str) -> list[Reply]:
    entry = selection.entry
    replies = [reply(render_entry(entry, lang))]
    if selection.narrower_statuses:
        replies.append(reply(t(lang, "ask_status"), status_buttons(lang, selection.narrower_statuses)))
    elif selection.other_subtopics:
        replies.append(reply(t(lang, "more_on_topic"), subtopic_buttons(lang, entry.topic, selection.other_subtopics)))
    replies.append(reply(t(lang, "feedback_question"), feedback_buttons(lang)))
    return replies
