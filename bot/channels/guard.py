"""Wraps Rasa's on_new_message: clean metadata, enforce rate limits politely, and make
sure every message gets a reply: when storage, the lock store, the action server or the
NLG endpoint fails, the user is told in their language to try again (never silence)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot import serving, speedups
from bot.channels.limits import RateLimiter
from bot.language import detect_language
from bot.languages import DEFAULT_LANGUAGE, is_core
from bot.nlg.catalog import t

logger = logging.getLogger(__name__)

CLIENT_KEY = "_client"  # set by the channel from the request, removed before Rasa sees it
ALLOWED_METADATA = ("language", "language_hint")
LANGUAGE_LOOKUP_SECONDS = 2.0


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


async def _conversation_language(agent: Any, message: UserMessage) -> str:
    """The language slot of the stored conversation, else the message's own language."""
    if agent is not None and not is_core((message.metadata or {}).get("language")):
        try:
            tracker = await asyncio.wait_for(agent.tracker_store.retrieve(message.sender_id), LANGUAGE_LOOKUP_SECONDS)
            slot = tracker.get_slot("language") if tracker else None
            if is_core(slot):
                return slot
        except Exception:  # noqa: BLE001 - storage may be the very thing that failed
            logger.debug("No stored language for an unavailable reply")
    return _language(message)


def _count_replies(channel: OutputChannel) -> list[int]:
    """Count what Rasa sends through this message's output channel."""
    count = [0]
    send = channel.send_response

    async def counted(recipient_id: str, message: dict) -> None:
        count[0] += 1
        await send(recipient_id, message)

    channel.send_response = counted  # type: ignore[method-assign]
    return count


def guarded(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    per_sender: RateLimiter,
    per_client: RateLimiter,
    agent_of: Callable[[], Any] = serving.current_agent,
) -> Callable[[UserMessage], Awaitable[Any]]:
    speedups.install()

    async def handle(message: UserMessage) -> Any:
        metadata = clean_metadata(message.metadata)
        client = metadata.pop(CLIENT_KEY, None)
        message.metadata = metadata
        out = message.output_channel
        if not (per_sender.allow(message.sender_id) and per_client.allow(client)):
            await out.send_text_message(message.sender_id, t(_language(message), "rate_limited"))
            return None
        agent = agent_of()
        if agent is not None:
            reason = serving.refusal(agent)
            if reason:
                logger.error("Not serving a message: %s", reason)
                await out.send_text_message(message.sender_id, t(_language(message), "unavailable"))
                return None
            serving.fail_closed(agent)
        replies = _count_replies(out)
        failed = False
        try:
            await on_new_message(message)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - whatever broke, the user gets an answer
            failed = True
            logger.error("Could not handle a message (%s)", type(error).__name__)  # the text may hold user data
        if failed or replies[0] == 0:
            if not failed:
                logger.error("A message got no reply (action server or NLG endpoint down?)")
            await out.send_text_message(message.sender_id, t(await _conversation_language(agent, message), "unavailable"))
        return None

    return handle
