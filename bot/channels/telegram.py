"""Telegram connector that checks Telegram's secret-token header (Rasa 3.6's does not).

Env: TELEGRAM_TOKEN, TELEGRAM_SECRET_TOKEN (set the same value with setWebhook's
secret_token), TELEGRAM_API_URL (default https://api.telegram.org).
Webhook: POST /webhooks/telegram/webhook
"""

from __future__ import annotations

import hmac
import json
import os
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels.platform import PlatformInput, PlatformOutput, send_json

CALLBACK_DATA_MAX = 64  # bytes, Telegram's limit for button data


class TelegramOutput(PlatformOutput):
    limit = 4096
    has_buttons = True

    def __init__(self, options, token: str, api: str) -> None:
        super().__init__(options)
        self.url = f"{api.rstrip('/')}/bot{token}/sendMessage"

    @classmethod
    def name(cls) -> str:
        return "telegram"

    def buttons_fit(self, text: str, buttons: list[dict[str, Any]]) -> bool:
        return all(len(str(b.get("payload", "")).encode()) <= CALLBACK_DATA_MAX for b in buttons)

    async def post(self, recipient_id: str, text: str, buttons: list[dict[str, Any]] | None = None) -> None:
        body: dict[str, Any] = {"chat_id": recipient_id, "text": text, "disable_web_page_preview": True}
        if buttons:
            body["reply_markup"] = {"inline_keyboard": [[{"text": b["title"], "callback_data": b["payload"]}] for b in buttons]}
        await send_json("POST", self.url, json=body)


class TelegramInput(PlatformInput):
    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TelegramInput:
        return cls()

    def __init__(self) -> None:
        super().__init__()
        self.token = os.environ["TELEGRAM_TOKEN"]
        self.secret = os.environ["TELEGRAM_SECRET_TOKEN"]
        self.api = os.environ.get("TELEGRAM_API_URL", "https://api.telegram.org")

    def get_output_channel(self) -> TelegramOutput:
        return TelegramOutput(self.options, self.token, self.api)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("wayfinder_telegram", __name__)
        handle = self.handler(on_new_message)

        @bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> Any:
            header = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
            if not hmac.compare_digest(header.encode(), self.secret.encode()):
                return response.text("forbidden", status=403)
            try:
                update = json.loads(request.body or b"{}")
            except ValueError:
                return response.text("bad request", status=400)
            if not isinstance(update, dict):
                return response.text("bad request", status=400)
            callback = update.get("callback_query") or {}
            message = update.get("message") or update.get("edited_message") or callback.get("message") or {}
            text = callback.get("data") if callback else message.get("text")
            chat = (message.get("chat") or {}).get("id")
            if not isinstance(text, str) or chat is None:
                return response.text("ok")  # stickers, photos, joins: nothing to answer
            sender = callback.get("from") or message.get("from") or {}
            metadata = {"language_hint": sender.get("language_code")} if sender.get("language_code") else {}
            await handle(self.user_message(text, str(chat), self.get_output_channel(), metadata))
            return response.text("ok")

        return bp
