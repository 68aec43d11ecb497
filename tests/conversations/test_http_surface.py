"""What the running stack exposes: no open Rasa API, polite rate limits."""

from __future__ import annotations

import requests

from bot.nlg.catalog import t
from tests.conversations.conftest import API_TOKEN, REST, WEB_ORIGIN


def test_rasa_http_api_needs_the_token(stack):
    for path in ("/conversations/x/tracker", "/status"):
        assert requests.get(f"http://localhost:5005{path}", timeout=10).status_code in (401, 403), path
        wrong = requests.get(f"http://localhost:5005{path}?token=wrong", timeout=10)
        assert wrong.status_code in (401, 403), path
    r = requests.post("http://localhost:5005/model/parse", json={"text": "hi"}, timeout=10)
    assert r.status_code in (401, 403)
    assert requests.get(f"http://localhost:5005/status?token={API_TOKEN}", timeout=10).status_code == 200


def test_only_the_allowed_origin_gets_cors(stack):
    body = {"sender": "cors-check", "message": "hello"}
    good = requests.post(REST, json=body, headers={"Origin": WEB_ORIGIN}, timeout=30)
    evil = requests.post(REST, json=body, headers={"Origin": "https://evil.example"}, timeout=30)
    assert good.headers.get("Access-Control-Allow-Origin") == WEB_ORIGIN
    assert "Access-Control-Allow-Origin" not in evil.headers
    poll = requests.get(
        "http://localhost:5005/socket.io/?EIO=4&transport=polling", headers={"Origin": "https://evil.example"}, timeout=10
    )
    assert poll.headers.get("Access-Control-Allow-Origin") in (None, WEB_ORIGIN)


def test_sender_over_the_limit_is_asked_to_wait(chat):
    replies = [chat.say(f"wie finde ich eine Wohnung in Berlin {i}") for i in range(22)]
    assert t("de", "rate_limited") not in replies[0]
    assert replies[-1] == t("de", "rate_limited")


def test_web_app_sends_security_headers(stack):
    r = requests.get("http://localhost:8080/health", timeout=10)
    assert r.status_code == 200 and "unsafe-inline" not in r.headers["Content-Security-Policy"]


def test_delete_my_data_leaves_nothing_in_the_database(chat, stack):
    import sqlite3

    marker = "where can i find a flat in berlin, my note unique-marker-question-7f3c"
    chat.say(marker, metadata={"language": "en"})
    confirm = chat.send("delete my data", metadata={"language": "en"})
    assert any(b["payload"] == "/confirm_delete" for m in confirm for b in m.get("buttons", []))
    done = chat.say("/confirm_delete", metadata={"language": "en"})
    assert done == t("en", "delete_done")
    con = sqlite3.connect(stack["db"])
    assert con.execute("select count(*) from events where sender_id = ?", (chat.sender,)).fetchone()[0] == 0
    con.close()
    assert b"unique-marker-question-7f3c" not in stack["db"].read_bytes()
