"""Wraps Rasa's on_new_message: clean metadata, enforce rate limits politely."""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage

from bot.channels.limits import RateLimiter
from bot.language import detect_language
from bot.languages import DEFAULT_LANGUAGE, is_core
from bot.nlg.catalog import t

CLIENT_KEY = "_client"  # set by the channel from the request, removed before Rasa sees it
ALLOWED_METADATA = ("language", "language_hint")


def clean_metadata(metadata: Any) -> dict[str, Any]:
    """Keep only the metadata we use, as short strings: nothing else gets stored."""
    if not isinstance(metadata, dict):
        return {}
    out: dict[str, Any] = {}
    for key in ALLOWED_METADATA:
        value = metadata.get(key)
        if isinstance(value, str) and len(value) <= 10:
            out[key] = value.lower().split("-")[0]
    if isinstance(metadata.get(CLIENT_KEY), str):
        out[CLIENT_KEY] = metadata[CLIENT_KEY]
    return out


def _language(message: UserMessage) -> str:
    chosen = (message.metadata or {}).get("language")
    if is_core(chosen):
        return chosen
    code, confidence = detect_language(message.text or "")
    return code if is_core(code) and confidence >= 0.5 else DEFAULT_LANGUAGE


def guarded(
    on_new_message: Callable[[UserMessage], Awaitable[Any]], per_sender: RateLimiter, per_client: RateLimiter
) -> Callable[[UserMessage], Awaitable[Any]]:
    async def handle(message: UserMessage) -> Any:
        metadata = clean_metadata(message.metadata)
        client = metadata.pop(CLIENT_KEY, None)
        message.metadata = metadata
        if not (per_sender.allow(message.sender_id) and per_client.allow(client)):
            await message.output_channel.send_text_message(message.sender_id, t(_language(message), "rate_limited"))
            return None
        return await on_new_message(message)

    return handle
