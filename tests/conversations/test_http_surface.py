"""What the running stack exposes: no open Rasa API, polite rate limits."""

from __future__ import annotations

import requests

from bot.nlg.catalog import t


def test_rasa_http_api_is_off(stack):
    for path in ("/model/parse", "/conversations/x/tracker", "/status"):
        r = requests.get(f"http://localhost:5005{path}", timeout=10)
        assert r.status_code in (401, 403, 404, 405), path
    r = requests.post("http://localhost:5005/model/parse", json={"text": "hi"}, timeout=10)
    assert r.status_code in (401, 403, 404, 405)


def test_sender_over_the_limit_is_asked_to_wait(chat):
    replies = [chat.say(f"wie finde ich eine Wohnung in Berlin {i}") for i in range(22)]
    assert t("de", "rate_limited") not in replies[0]
    assert replies[-1] == t("de", "rate_limited")


def test_web_app_sends_security_headers(stack):
    r = requests.get("http://localhost:8080/health", timeout=10)
    assert r.status_code == 200 and "unsafe-inline" not in r.headers["Content-Security-Policy"]
