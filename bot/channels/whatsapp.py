"""WhatsApp Cloud API connector: Meta's verification handshake, X-Hub-Signature-256,
replies through the Graph API messages endpoint.

Env: WHATSAPP_TOKEN (access token), WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN,
WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_API_URL (default https://graph.facebook.com/v19.0).
Webhook: GET/POST /webhooks/whatsapp/webhook
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels.platform import PlatformInput, PlatformOutput, send_json

MAX_BUTTONS, MAX_TITLE, MAX_BODY_WITH_BUTTONS = 3, 20, 1024


def signature_ok(secret: str, body: bytes, header: str) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), (header or "").encode())


class WhatsAppOutput(PlatformOutput):
    limit = 4096
    has_buttons = True

    def __init__(self, options, token: str, phone_number_id: str, api: str) -> None:
        super().__init__(options)
        self.url = f"{api.rstrip('/')}/{phone_number_id}/messages"
        self.headers = {"Authorization": f"Bearer {token}"}

    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    def buttons_fit(self, text: str, buttons: list[dict[str, Any]]) -> bool:
        return (
            len(buttons) <= MAX_BUTTONS
            and len(text) <= MAX_BODY_WITH_BUTTONS
            and all(len(b["title"]) <= MAX_TITLE for b in buttons)
        )

    async def post(self, recipient_id: str, text: str, buttons: list[dict[str, Any]] | None = None) -> None:
        body: dict[str, Any] = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": recipient_id}
        if buttons:
            body["type"] = "interactive"
            body["interactive"] = {
                "type": "button",
                "body": {"text": text},
                "action": {"buttons": [{"type": "reply", "reply": {"id": b["payload"], "title": b["title"]}} for b in buttons]},
            }
        else:
            body["type"] = "text"
            body["text"] = {"preview_url": False, "body": text}
        await send_json("POST", self.url, json=body, headers=self.headers)


class WhatsAppInput(PlatformInput):
    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WhatsAppInput:
        return cls()

    def __init__(self) -> None:
        super().__init__()
        self.token = os.environ["WHATSAPP_TOKEN"]
        self.secret = os.environ["WHATSAPP_APP_SECRET"]
        self.verify_token = os.environ["WHATSAPP_VERIFY_TOKEN"]
        self.phone_number_id = os.environ["WHATSAPP_PHONE_NUMBER_ID"]
        self.api = os.environ.get("WHATSAPP_API_URL", "https://graph.facebook.com/v19.0")

    def get_output_channel(self) -> WhatsAppOutput:
        return WhatsAppOutput(self.options, self.token, self.phone_number_id, self.api)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("wayfinder_whatsapp", __name__)
        handle = self.handler(on_new_message)

        @bp.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> Any:
            args = request.args
            if args.get("hub.mode") == "subscribe" and hmac.compare_digest(
                (args.get("hub.verify_token") or "").encode(), self.verify_token.encode()
            ):
                return response.text(args.get("hub.challenge") or "")
            return response.text("forbidden", status=403)

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Any:
            if not signature_ok(self.secret, request.body or b"", request.headers.get("X-Hub-Signature-256", "")):
                return response.text("forbidden", status=403)
            try:
                payload = json.loads(request.body)
            except ValueError:
                return response.text("bad request", status=400)
            for entry in payload.get("entry") or [] if isinstance(payload, dict) else []:
                for change in entry.get("changes") or []:
                    for message in (change.get("value") or {}).get("messages") or []:
                        text = _text_of(message)
                        if text is not None and message.get("from"):
                            await handle(self.user_message(text, str(message["from"]), self.get_output_channel()))
            return response.text("ok")

        return bp


def _text_of(message: dict[str, Any]) -> str | None:
    if message.get("type") == "text":
        return (message.get("text") or {}).get("body")
    if message.get("type") == "interactive":
        reply = (
            (message.get("interactive") or {}).get("button_reply") or (message.get("interactive") or {}).get("list_reply") or {}
        )
        return reply.get("id")
    if message.get("type") == "button":
        return (message.get("button") or {}).get("payload")
    return None
