"""Local stand-ins for the Telegram, Twilio and WhatsApp Cloud APIs.

They check the request shapes the platforms document and record what they receive.
"""

from __future__ import annotations

import asyncio
import base64
import threading
import time
from typing import Any

from aiohttp import web

PORT = 18090
TELEGRAM = {"token": "test-telegram-token", "secret": "tg-secret-for-tests"}
TWILIO = {"sid": "ACtest", "token": "twilio-auth-for-tests", "number": "+4930123456"}
WHATSAPP = {"token": "wa-access-for-tests", "secret": "wa-app-secret-for-tests", "verify": "wa-verify", "phone_id": "1234567"}


def env() -> dict[str, str]:
    base = f"http://127.0.0.1:{PORT}"
    return {
        "TELEGRAM_TOKEN": TELEGRAM["token"],
        "TELEGRAM_SECRET_TOKEN": TELEGRAM["secret"],
        "TELEGRAM_API_URL": f"{base}/tg",
        "TWILIO_ACCOUNT_SID": TWILIO["sid"],
        "TWILIO_AUTH_TOKEN": TWILIO["token"],
        "TWILIO_NUMBER": TWILIO["number"],
        "TWILIO_WEBHOOK_URL": "http://localhost:5005/webhooks/twilio/webhook",
        "TWILIO_API_URL": f"{base}/twilio",
        "WHATSAPP_TOKEN": WHATSAPP["token"],
        "WHATSAPP_APP_SECRET": WHATSAPP["secret"],
        "WHATSAPP_VERIFY_TOKEN": WHATSAPP["verify"],
        "WHATSAPP_PHONE_NUMBER_ID": WHATSAPP["phone_id"],
        "WHATSAPP_API_URL": f"{base}/wa",
        "FACEBOOK_VERIFY": "fb-verify-for-tests",
        "FACEBOOK_SECRET": "fb-app-secret-for-tests",
        "FACEBOOK_PAGE_ACCESS_TOKEN": "fb-page-token-for-tests",
    }


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.calls: list[dict[str, Any]] = []

    def add(self, call: dict[str, Any]) -> None:
        with self.lock:
            self.calls.append(call)

    def wait(self, predicate, count: int = 1, timeout: float = 30) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                found = [c for c in self.calls if predicate(c)]
            if len(found) >= count:
                time.sleep(0.5)  # let the rest of the turn arrive
                with self.lock:
                    return [c for c in self.calls if predicate(c)]
            time.sleep(0.2)
        with self.lock:
            return [c for c in self.calls if predicate(c)]


def app(rec: Recorder) -> web.Application:
    async def telegram(request: web.Request) -> web.Response:
        assert request.match_info["token"] == TELEGRAM["token"]
        body = await request.json()
        assert isinstance(body.get("chat_id"), (str, int)) and isinstance(body.get("text"), str)
        for row in (body.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                assert set(button) == {"text", "callback_data"} and len(button["callback_data"].encode()) <= 64
        rec.add({"platform": "telegram", "to": str(body["chat_id"]), "body": body})
        return web.json_response({"ok": True, "result": {"message_id": len(rec.calls)}})

    async def twilio(request: web.Request) -> web.Response:
        assert request.match_info["sid"] == TWILIO["sid"]
        auth = request.headers.get("Authorization", "")
        assert auth == "Basic " + base64.b64encode(f"{TWILIO['sid']}:{TWILIO['token']}".encode()).decode()
        form = await request.post()
        assert set(form) == {"To", "From", "Body"} and form["From"] == TWILIO["number"]
        assert len(form["Body"]) <= 1600
        rec.add({"platform": "twilio", "to": form["To"], "body": dict(form)})
        return web.json_response({"sid": "SMfake", "status": "queued"}, status=201)

    async def whatsapp(request: web.Request) -> web.Response:
        assert request.match_info["phone_id"] == WHATSAPP["phone_id"]
        assert request.headers.get("Authorization") == f"Bearer {WHATSAPP['token']}"
        body = await request.json()
        assert body["messaging_product"] == "whatsapp" and body["type"] in ("text", "interactive")
        if body["type"] == "text":
            assert len(body["text"]["body"]) <= 4096
        else:
            buttons = body["interactive"]["action"]["buttons"]
            assert 1 <= len(buttons) <= 3 and all(len(b["reply"]["title"]) <= 20 for b in buttons)
        rec.add({"platform": "whatsapp", "to": body["to"], "body": body})
        return web.json_response({"messaging_product": "whatsapp", "messages": [{"id": "wamid.fake"}]})

    application = web.Application()
    application.router.add_post("/tg/bot{token}/sendMessage", telegram)
    application.router.add_post("/twilio/2010-04-01/Accounts/{sid}/Messages.json", twilio)
    application.router.add_post("/wa/{phone_id}/messages", whatsapp)
    return application


def start() -> Recorder:
    rec = Recorder()
    ready = threading.Event()

    def run() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        runner = web.AppRunner(app(rec))
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", PORT).start())
        ready.set()
        loop.run_forever()

    threading.Thread(target=run, daemon=True).start()
    ready.wait(10)
    return rec
