"""The NLG endpoint renders every response in the conversation's language."""

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.web.app import create_app


@pytest.fixture
async def client():
    async with TestClient(TestServer(create_app())) as c:
        yield c


def tracker(language="en", country=None, entities=(), events=None):
    return {
        "slots": {"language": language, "country": country},
        "latest_message": {"text": "x", "entities": list(entities)},
        "events": events if events is not None else [{"event": "bot", "text": "earlier"}],
    }


async def nlg(client, response, **kw):
    r = await client.post("/nlg", json={"response": response, "tracker": tracker(**kw), "channel": {"name": "rest"}})
    assert r.status == 200
    return await r.json()


async def test_emergency_in_arabic_lists_german_numbers_first(client):
    body = await nlg(client, "utter_emergency", language="ar", country="DE")
    first_line, *rest = body["text"].splitlines()
    assert any("\u0600" <= ch <= "\u06ff" for ch in first_line)
    assert "112" in body["text"] and "110" in body["text"]


async def test_emergency_without_country_gives_112(client):
    body = await nlg(client, "utter_emergency", language="uk")
    assert "112" in body["text"] and "110" not in body["text"]


async def test_suicide_adds_the_crisis_line(client):
    entities = [{"entity": "emergency_kind", "value": "suicide"}]
    body = await nlg(client, "utter_emergency", language="fr", country="FR", entities=entities)
    assert "3114" in body["text"]


async def test_first_reply_carries_the_privacy_notice(client):
    first = await nlg(client, "utter_greet", language="de", events=[])
    later = await nlg(client, "utter_greet", language="de")
    assert "30" in first["text"] and first["text"] != later["text"]
    assert [b["payload"] for b in first["buttons"]] == ["/ask_healthcare", "/ask_schooling", "/ask_recognition", "/ask_housing"]


async def test_out_of_scope_offers_topics_and_a_person(client):
    body = await nlg(client, "utter_out_of_scope", language="tr")
    payloads = [b["payload"] for b in body["buttons"]]
    assert payloads == ["/ask_healthcare", "/ask_schooling", "/ask_recognition", "/ask_housing", "/talk_to_human"]
    assert "https://" not in body["text"]


async def test_second_miss_in_a_row_offers_official_services(client):
    events = [
        {"event": "user"},
        {"event": "bot", "metadata": {"utter_action": "utter_rephrase"}},
        {"event": "user"},
    ]
    body = await nlg(client, "utter_out_of_scope", language="de", country="DE", events=events)
    assert "https://" in body["text"] and body["buttons"]


async def test_unknown_response_still_answers(client):
    body = await nlg(client, "utter_does_not_exist", language="ru")
    assert body["text"]


async def test_broken_request_is_rejected_not_crashed(client):
    r = await client.post("/nlg", data=b"\x00\xff not json")
    assert r.status == 400


async def test_security_headers_and_size_limit(client):
    r = await client.get("/health")
    assert r.status == 200
    csp = r.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "no-referrer"
    big = await client.post("/nlg", data=b"x" * (3 * 1024 * 1024))
    assert big.status == 413
    assert (await client.get("/nope")).headers["X-Content-Type-Options"] == "nosniff"


def test_history_splits_like_the_socket_channel():
    from bot.web.history import socket_messages

    event = {"text": "Answer\n\nSources:\n• x: https://example.org", "data": {"buttons": [{"title": "A", "payload": "/a"}]}}
    assert socket_messages(event) == [
        {"text": "Answer", "buttons": []},
        {"text": "Sources:\n• x: https://example.org", "buttons": [{"title": "A", "payload": "/a"}]},
    ]


async def test_history_rejects_guessable_ids(client):
    assert (await client.get("/widget/history/alice")).status == 404
