"""What to answer to a question or to new information, given the conversation state.

Pure logic on plain data, shared by the action server; returns replies and the slot
values to remember (topic and subtopic of the question being answered).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.conversation import State
from bot.knowledge.model import TOPICS, KnowledgeBase
from bot.nlg.catalog import t
from bot.places.gazetteer import gazetteer
from bot.replies import Reply, reply
from bot.replies.answer import answer_replies, select
from bot.replies.menus import country_buttons, topic_buttons
from bot.replies.services import services_reply

TOPIC_INTENTS = {f"ask_{topic}": topic for topic in TOPICS}


@dataclass
class Outcome:
    replies: list[Reply] = field(default_factory=list)
    slots: dict[str, object] = field(default_factory=dict)


def _subtopic_for(topic: str, state: State) -> str | None:
    for value in reversed(state.entities("subtopic")):
        if isinstance(value, str) and value.startswith(f"{topic}."):
            return value.split(".", 1)[1]
    return None


def _country(state: State, outcome: Outcome) -> str | None:
    """The slot, or (when none is known) a country adjective from this message."""
    if state.country:
        return state.country
    hint = state.entity("country_hint")
    if isinstance(hint, str):
        outcome.slots["country"] = hint
        return hint
    return None


def not_covered(kb: KnowledgeBase, country: str, lang: str) -> Reply:
    text = t(lang, "not_covered", country=gazetteer().country_name(country, lang))
    info = kb.countries.get(country)
    if info and info.portal:
        text += "\n" + t(lang, "not_covered_portal", title=info.portal.title, url=info.portal.url)
    return reply(text, topic_buttons(lang))


def answer_topic(kb: KnowledgeBase, state: State, topic: str, subtopic: str | None) -> Outcome:
    lang = state.language
    outcome = Outcome(slots={"topic": topic, "subtopic": subtopic})
    country = _country(state, outcome)
    if country is None:
        outcome.replies.append(reply(t(lang, "ask_country"), country_buttons(lang)))
        return outcome
    if not kb.covers(country):
        outcome.replies.append(not_covered(kb, country, lang))
        return outcome
    selection = select(kb, country, topic, subtopic, state.status, state.region_in(country))
    if selection is None:
        outcome.replies.append(not_covered(kb, country, lang))
        return outcome
    outcome.replies.extend(answer_replies(kb, selection, lang))
    outcome.slots["last_entry"] = selection.entry.id
    return outcome


def respond(kb: KnowledgeBase, state: State) -> Outcome:
    """Reply to a topic question, or to a message that only gives country or status."""
    lang = state.language
    intent = state.intent or ""
    if intent in TOPIC_INTENTS:
        topic = TOPIC_INTENTS[intent]
        return answer_topic(kb, state, topic, _subtopic_for(topic, state))

    # A message without a topic question: continue the last question, if any.
    topic = state.slots.get("topic")
    if topic == "human" and state.entity("country"):
        return talk_to_human(kb, state)
    subtopics = [s for s in state.entities("subtopic") if isinstance(s, str)]
    if subtopics and not (isinstance(topic, str) and subtopics[-1].startswith(f"{topic}.")):
        topic = subtopics[-1].split(".", 1)[0]
    if isinstance(topic, str) and topic in TOPICS:
        sub = _subtopic_for(topic, state) or state.slots.get("subtopic")
        return answer_topic(kb, state, topic, sub if isinstance(sub, str) else None)

    outcome = Outcome()
    country = _country(state, outcome)
    if state.entity("country") or state.entity("country_hint"):
        if country and not kb.covers(country):
            outcome.replies.append(not_covered(kb, country, lang))
        else:
            name = gazetteer().country_name(country or "", lang)
            outcome.replies.append(reply(t(lang, "country_set", country=name), topic_buttons(lang)))
    elif state.entity("status") and state.status:
        text = t(lang, "status_set", status=t(lang, f"status.{state.status}"))
        outcome.replies.append(reply(f"{text}\n{t(lang, 'choose_topic')}", topic_buttons(lang)))
    else:
        outcome.replies.append({"response": "utter_rephrase"})  # rendered by the NLG endpoint
    return outcome


def talk_to_human(kb: KnowledgeBase, state: State) -> Outcome:
    lang = state.language
    outcome = Outcome()
    country = _country(state, outcome)
    if country is None:
        outcome.replies.append(reply(t(lang, "human_unknown_country"), country_buttons(lang)))
        outcome.slots["topic"] = "human"
        return outcome
    services = kb.services_for(country, state.region_in(country))
    if not services:
        name = gazetteer().country_name(country, lang)
        outcome.replies.append(reply(t(lang, "human_none", country=name)))
        return outcome
    outcome.replies.append(services_reply(services, lang))
    return outcome
