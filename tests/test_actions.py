"""The rasa-sdk actions, run on tracker fixtures like the action server runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswer
from actions.human import ActionTalkToHuman
from bot.knowledge.store import default_store

FIXTURES = Path(__file__).parent / "fixtures" / "trackers"


def tracker(name: str) -> Tracker:
    return Tracker.from_dict(json.loads((FIXTURES / name).read_text(encoding="utf-8")))


async def run(action, name: str) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker(name), {})
    return dispatcher.messages, events


async def test_answer_in_arabic_from_german_schooling_enrolment():
    messages, events = await run(ActionAnswer(), "ar_schooling_de.json")
    kb = default_store().get()
    enrol = [e for e in kb.entries_for("DE", "schooling") if e.subtopic == "enrol" and e.general]
    assert enrol and enrol[0].answer["ar"] in messages[0]["text"]
    assert all(s.url in messages[0]["text"] for s in enrol[0].sources)
    assert {"event": "slot", "name": "topic", "value": "schooling", "timestamp": None} in events


async def test_question_without_country_asks_for_it_with_buttons():
    messages, events = await run(ActionAnswer(), "en_housing_no_country.json")
    assert "country" in messages[0]["text"].lower()
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert '/inform{"country": "DE"}' in payloads and '/inform{"country": "FR"}' in payloads
    assert {"event": "slot", "name": "topic", "value": "housing", "timestamp": None} in events


async def test_country_given_later_answers_the_pending_topic():
    messages, _ = await run(ActionAnswer(), "uk_inform_country_pending_topic.json")
    general = [e for e in default_store().get().entries_for("FR", "healthcare") if e.subtopic is None and e.general]
    assert general[0].answer["uk"] in messages[0]["text"]


async def test_status_specific_entry_is_preferred():
    messages, _ = await run(ActionAnswer(), "tr_asylum_health_de.json")
    kb = default_store().get()
    specific = [e for e in kb.entries_for("DE", "healthcare") if "asylum_seeker" in e.statuses]
    assert specific, "DE healthcare should have an asylum seeker entry"
    assert any(e.answer["tr"] in messages[0]["text"] for e in specific)


@pytest.mark.parametrize("fixture", ["ar_schooling_de.json", "tr_asylum_health_de.json"])
async def test_talk_to_human_lists_official_services(fixture):
    messages, _ = await run(ActionTalkToHuman(), fixture)
    for service in default_store().get().countries["DE"].advice_services:
        assert service.name in messages[0]["text"] and service.url in messages[0]["text"]


async def test_talk_to_human_in_vienna_lists_city_services_first():
    from bot.conversation import State
    from bot.dialogue import talk_to_human

    kb = default_store().get()
    state = State(slots={"language": "uk", "country": "AT", "region": "AT-9"}, latest={"entities": []})
    text = talk_to_human(kb, state).replies[0]["text"]
    city = kb.regional_services[("AT", "AT-9")]
    national = kb.countries["AT"].advice_services
    assert city and text.index(city[0].name) < text.index(national[0].name)
    assert city[0].helps_with["uk"] in text
