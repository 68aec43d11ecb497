"""Replies for the `utter_*` responses, rendered from the catalogs and the knowledge."""

from __future__ import annotations

from typing import Callable

from bot.conversation import State
from bot.knowledge.model import KnowledgeBase
from bot.nlg.catalog import t
from bot.privacy.settings import retention_days
from bot.text import DEFAULT_MAX_CHARS

from . import Reply, reply
from .emergency import emergency_reply
from .menus import person_button, topic_buttons
from .services import services_reply


def _greet(kb: KnowledgeBase, s: State) -> Reply:
    lang = s.language
    return reply(f"{t(lang, 'greet')}\n{t(lang, 'choose_topic')}", topic_buttons(lang))


def _plain(key: str) -> Callable[[KnowledgeBase, State], Reply]:
    return lambda kb, s: reply(t(s.language, key))


def _not_answered(key: str) -> Callable[[KnowledgeBase, State], Reply]:
    return lambda kb, s: _no_answer(kb, s, key)


def _no_answer(kb: KnowledgeBase, s: State, key: str) -> Reply:
    """Say what we can do; after two misses in a row, offer a person instead. Never a dead end."""
    lang = s.language
    if not s.failed_twice:
        return reply(t(lang, key), topic_buttons(lang, with_person=True))
    found = kb.services_for(s.country, s.region_in(s.country)) if s.country else ()
    if found:
        services = services_reply(found, lang)
        return reply(f"{t(lang, 'still_not_understood')}\n\n{services['text']}", topic_buttons(lang))
    return reply(t(lang, "still_not_understood"), [person_button(lang)])


def _emergency(kb: KnowledgeBase, s: State) -> Reply:
    return emergency_reply(kb, s.country, s.language, suicide=s.entity("emergency_kind") == "suicide")


RESPONSES: dict[str, Callable[[KnowledgeBase, State], Reply]] = {
    "utter_greet": _greet,
    "utter_restart": _greet,
    "utter_goodbye": _plain("goodbye"),
    "utter_you_are_welcome": _plain("you_are_welcome"),
    "utter_emergency": _emergency,
    "utter_out_of_scope": _not_answered("out_of_scope"),
    "utter_rephrase": _not_answered("rephrase"),
    "utter_ask_feedback_text": _plain("feedback_what_missing"),
    "utter_feedback_thanks": _plain("feedback_thanks"),
    "utter_empty_message": _plain("empty_message"),
    "utter_language_set": _plain("language_set"),
    "utter_delete_confirm": lambda kb, s: reply(
        t(s.language, "delete_confirm"),
        [
            {"title": t(s.language, "delete_yes"), "payload": "/confirm_delete"},
            {"title": t(s.language, "delete_no"), "payload": "/cancel_delete"},
        ],
    ),
    "utter_delete_cancelled": _plain("delete_cancelled"),
}


def with_notices(state: State, replies: list[Reply], urgent: bool = False) -> list[Reply]:
    """Say when the message was cut or held personal data (before the reply), and
    give the privacy notice with the first reply of a conversation (after it).
    An urgent reply (emergency numbers) always comes first."""
    before, after = [], []
    if "truncated" in state.entities("notice"):
        before.append(t(state.language, "message_cut", limit=DEFAULT_MAX_CHARS))
    if "personal_data" in state.entities("notice"):
        before.append(t(state.language, "personal_data_warning"))
    if state.first_turn:
        after.append(t(state.language, "privacy_notice", days=retention_days()))
    if urgent:
        before, after = [], before + after
    if not replies or not (before or after) or "text" not in replies[0]:
        return replies
    first = dict(replies[0])
    first["text"] = "\n\n".join([*before, first["text"], *after])
    return [first, *replies[1:]]


def render_response(name: str, kb: KnowledgeBase, state: State) -> Reply | None:
    builder = RESPONSES.get(name)
    if builder is None:
        return None
    return with_notices(state, [builder(kb, state)], urgent=name == "utter_emergency")[0]
