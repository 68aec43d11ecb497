"""Twilio (SMS and WhatsApp via Twilio) connector that checks X-Twilio-Signature.

Env: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NUMBER (the From address, e.g.
+4915... or whatsapp:+4915...), TWILIO_WEBHOOK_URL (the public URL configured at
Twilio, used in the signature), TWILIO_API_URL (default https://api.twilio.com).
Webhook: POST /webhooks/twilio/webhook. SMS has no buttons: options are numbered.
"""

from __future__ import annotations

import os
from typing import Any, Awaitable, Callable

import aiohttp
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from twilio.request_validator import RequestValidator

from bot.channels.platform import PlatformInput, PlatformOutput, send_json

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


class TwilioOutput(PlatformOutput):
    limit = 1600  # Twilio's maximum body length

    def __init__(self, options, sid: str, token: str, sender: str, api: str) -> None:
        super().__init__(options)
        self.url = f"{api.rstrip('/')}/2010-04-01/Accounts/{sid}/Messages.json"
        self.auth = aiohttp.BasicAuth(sid, token)
        self.sender = sender

    @classmethod
    def name(cls) -> str:
        return "twilio"

    async def post(self, recipient_id: str, text: str, buttons: list[dict[str, Any]] | None = None) -> None:
        await send_json("POST", self.url, data={"To": recipient_id, "From": self.sender, "Body": text}, auth=self.auth)


class TwilioInput(PlatformInput):
    @classmethod
    def name(cls) -> str:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TwilioInput:
        return cls()

    def __init__(self) -> None:
        super().__init__()
        self.sid = os.environ["TWILIO_ACCOUNT_SID"]
        self.token = os.environ["TWILIO_AUTH_TOKEN"]
        self.sender = os.environ["TWILIO_NUMBER"]
        self.public_url = os.environ["TWILIO_WEBHOOK_URL"]
        self.api = os.environ.get("TWILIO_API_URL", "https://api.twilio.com")
        self.validator = RequestValidator(self.token)

    def get_output_channel(self) -> TwilioOutput:
        return TwilioOutput(self.options, self.sid, self.token, self.sender, self.api)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("wayfinder_twilio", __name__)
        handle = self.handler(on_new_message)

        @bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> Any:
            params = {k: v[0] if isinstance(v, list) else v for k, v in (request.form or {}).items()}
            signature = request.headers.get("X-Twilio-Signature", "")
            if not signature or not self.validator.validate(self.public_url, params, signature):
                return response.text("forbidden", status=403)
            sender, text = params.get("From"), params.get("Body")
            if sender and isinstance(text, str):
                await handle(self.user_message(text, sender, self.get_output_channel()))
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return bp
