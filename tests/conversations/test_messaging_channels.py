"""Telegram, Twilio (SMS/WhatsApp) and the WhatsApp Cloud API, end to end against
local fake platform APIs: real webhooks in, replies out; forged requests refused."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time

import requests
from twilio.request_validator import RequestValidator

from tests.conversations.fake_platforms import TELEGRAM, TWILIO, WHATSAPP

BASE = "http://localhost:5005/webhooks"
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def telegram_update(chat_id: int, text: str, language: str = "uk") -> dict:
    user = {"id": chat_id, "is_bot": False, "first_name": "T", "language_code": language}
    message = {"message_id": 1, "date": int(time.time()), "chat": {"id": chat_id, "type": "private"}, "from": user, "text": text}
    return {"update_id": chat_id, "message": message}


def test_telegram_reply_reaches_the_api(stack, platforms):
    headers = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM["secret"]}
    r = requests.post(
        f"{BASE}/telegram/webhook", json=telegram_update(4242, "як знайти житло в Німеччині?"), headers=headers, timeout=60
    )
    assert r.status_code == 200
    calls = platforms.wait(lambda c: c["platform"] == "telegram" and c["to"] == "4242")
    assert calls and CYRILLIC.search(calls[0]["body"]["text"])
    assert any("https://" in c["body"]["text"] for c in calls)  # the sourced answer
    assert any(c["body"].get("reply_markup") for c in calls)  # buttons as an inline keyboard


def test_telegram_language_code_is_a_hint_for_short_messages(stack, platforms):
    headers = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM["secret"]}
    requests.post(f"{BASE}/telegram/webhook", json=telegram_update(5151, "ok", language="tr"), headers=headers, timeout=60)
    calls = platforms.wait(lambda c: c["platform"] == "telegram" and c["to"] == "5151")
    assert calls and any(ch in calls[0]["body"]["text"] for ch in "ğışçöüİ")


def test_forged_telegram_update_is_refused(stack, platforms):
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
        r = requests.post(f"{BASE}/telegram/webhook", json=telegram_update(6666, "hello"), headers=headers, timeout=30)
        assert r.status_code == 403
    time.sleep(2)
    assert platforms.wait(lambda c: c["to"] == "6666", timeout=1) == []


def twilio_post(params: dict, signature: str | None = None) -> requests.Response:
    url = f"{BASE}/twilio/webhook"
    sig = signature if signature is not None else RequestValidator(TWILIO["token"]).compute_signature(url, params)
    return requests.post(url, data=params, headers={"X-Twilio-Signature": sig}, timeout=60)


def test_sms_numbered_options_and_answer_by_number(stack, platforms):
    user = "+491701234567"
    r = twilio_post({"From": user, "To": TWILIO["number"], "Body": "hello"})
    assert r.status_code == 200 and "<Response" in r.text
    menu = platforms.wait(lambda c: c["platform"] == "twilio" and c["to"] == user)
    assert any(re.search(r"^4\. Housing$", c["body"]["Body"], re.M) for c in menu)
    twilio_post({"From": user, "To": TWILIO["number"], "Body": "4"})  # "Housing"
    asked = platforms.wait(lambda c: c["platform"] == "twilio" and c["to"] == user, count=len(menu) + 1)
    assert any("country" in c["body"]["Body"].lower() and re.search(r"^1\. Germany$", c["body"]["Body"], re.M) for c in asked)
    twilio_post({"From": user, "To": TWILIO["number"], "Body": "1"})  # "Germany"
    answered = platforms.wait(lambda c: c["to"] == user and "https://" in c["body"]["Body"])
    assert answered and all(len(c["body"]["Body"]) <= 1600 for c in answered)


def test_whatsapp_via_twilio_uses_the_same_connector(stack, platforms):
    user = "whatsapp:+491709999999"
    assert twilio_post({"From": user, "To": "whatsapp:" + TWILIO["number"], "Body": "مرحبا"}).status_code == 200
    calls = platforms.wait(lambda c: c["platform"] == "twilio" and c["to"] == user)
    assert calls and re.search(r"[\u0600-\u06FF]", calls[0]["body"]["Body"])


def test_forged_twilio_request_is_refused(stack, platforms):
    user = "+491700000000"
    assert twilio_post({"From": user, "Body": "hello"}, signature="bm90LWEtc2lnbmF0dXJl").status_code == 403
    assert twilio_post({"From": user, "Body": "hello"}, signature="").status_code == 403
    assert platforms.wait(lambda c: c["to"] == user, timeout=2) == []


def whatsapp_post(payload: dict, secret: str = WHATSAPP["secret"]) -> requests.Response:
    body = json.dumps(payload).encode()
    sig = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return requests.post(
        f"{BASE}/whatsapp/webhook",
        data=body,
        headers={"X-Hub-Signature-256": sig, "Content-Type": "application/json"},
        timeout=60,
    )


def wa_text(wa_id: str, text: str) -> dict:
    message = {"from": wa_id, "id": "wamid.in", "timestamp": str(int(time.time())), "type": "text", "text": {"body": text}}
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": WHATSAPP["phone_id"]}, "messages": [message]}
    return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}]}


def test_whatsapp_cloud_verification_handshake(stack):
    ok = requests.get(
        f"{BASE}/whatsapp/webhook",
        params={"hub.mode": "subscribe", "hub.verify_token": WHATSAPP["verify"], "hub.challenge": "1158201444"},
        timeout=10,
    )
    assert ok.status_code == 200 and ok.text == "1158201444"
    bad = requests.get(
        f"{BASE}/whatsapp/webhook", params={"hub.mode": "subscribe", "hub.verify_token": "x", "hub.challenge": "1"}, timeout=10
    )
    assert bad.status_code == 403


def test_whatsapp_cloud_reply_through_graph_api(stack, platforms):
    wa_id = "4915112345678"
    assert whatsapp_post(wa_text(wa_id, "comment trouver un médecin en France ?")).status_code == 200
    calls = platforms.wait(lambda c: c["platform"] == "whatsapp" and c["to"] == wa_id and c["body"]["type"] == "text")
    assert any("https://" in c["body"]["text"]["body"] for c in calls)
    buttons = platforms.wait(lambda c: c["platform"] == "whatsapp" and c["to"] == wa_id and c["body"]["type"] == "interactive")
    assert buttons  # the feedback question, as reply buttons


def test_forged_whatsapp_post_is_refused(stack, platforms):
    wa_id = "4915100000000"
    assert whatsapp_post(wa_text(wa_id, "hello"), secret="wrong").status_code == 403
    assert platforms.wait(lambda c: c["to"] == wa_id, timeout=2) == []


def test_messenger_is_enabled_and_answers_the_handshake(stack):
    params = {"hub.mode": "subscribe", "hub.verify_token": "fb-verify-for-tests", "hub.challenge": "42424242"}
    r = requests.get(f"{BASE}/facebook/webhook", params=params, timeout=10)
    assert r.status_code == 200 and r.text == "42424242"
    bad = requests.get(f"{BASE}/facebook/webhook", params={**params, "hub.verify_token": "wrong"}, timeout=10)
    assert "42424242" not in bad.text
