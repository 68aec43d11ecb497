"""Shared plumbing of our messaging connectors (Telegram, Twilio, WhatsApp Cloud API).

Each connector verifies that a webhook really comes from its platform (403 otherwise),
turns the platform's payload into a UserMessage and sends replies with the platform's
API through aiohttp, within a timeout.
"""

from __future__ import annotations

import logging
import os
from typing import Any, Awaitable, Callable, Mapping

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage

from bot.channels.guard import guarded
from bot.channels.limits import from_env
from bot.channels.text_only import Options, numbered, split

logger = logging.getLogger(__name__)
TIMEOUT = aiohttp.ClientTimeout(total=float(os.environ.get("WAYFINDER_PLATFORM_TIMEOUT", "10")))


class PlatformOutput(OutputChannel):
    """Sends text, with buttons where the platform has them, else numbered options."""

    limit = 4096
    has_buttons = False

    def __init__(self, options: Options) -> None:
        self.options = options

    async def post(self, recipient_id: str, text: str, buttons: list[dict[str, Any]] | None = None) -> None:
        raise NotImplementedError

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in split(text, self.limit):
            await self.post(recipient_id, part)

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any) -> None:
        if self.has_buttons and self.buttons_fit(text, buttons):
            *head, last = split(text, self.limit) or [""]
            for part in head:
                await self.post(recipient_id, part)
            await self.post(recipient_id, last, buttons)
            return
        self.options.offer(str(recipient_id), buttons)
        await self.send_text_message(recipient_id, numbered(text, buttons))

    def buttons_fit(self, text: str, buttons: list[dict[str, Any]]) -> bool:
        return True


async def send_json(method: str, url: str, **kwargs: Any) -> Mapping[str, Any]:
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
        async with session.request(method, url, **kwargs) as resp:
            if resp.status >= 400:
                logger.error("%s %s answered %s", method, url.split("?")[0], resp.status)
            try:
                return await resp.json(content_type=None)
            except ValueError:
                return {}


class PlatformInput(InputChannel):
    """Base for our connectors: rate limits, numbered replies, metadata hygiene."""

    def __init__(self) -> None:
        self.options = Options()
        self.per_sender, self.per_client = from_env()

    def handler(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Callable[[UserMessage], Awaitable[Any]]:
        return guarded(on_new_message, self.per_sender, self.per_client)

    def user_message(self, text: str, sender: str, output: OutputChannel, metadata: dict[str, Any] | None = None) -> UserMessage:
        return UserMessage(self.options.resolve(sender, text), output, sender, input_channel=self.name(), metadata=metadata or {})
