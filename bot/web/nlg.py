"""Rasa's NLG endpoint: renders every `utter_*` in the conversation's language."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.conversation import State
from bot.knowledge.store import default_store
from bot.nlg.catalog import t
from bot.replies.fixed import render_response

logger = logging.getLogger(__name__)


def _rasa_format(text: str, buttons: list | None = None) -> dict:
    return {"text": text, "buttons": buttons or [], "image": None, "elements": [], "attachments": [], "custom": {}}


async def handle_nlg(request: web.Request) -> web.Response:
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="expected a JSON body") from None
    name = body.get("response") or ""
    state = State.from_tracker_dict(body.get("tracker") or {})
    try:
        rendered = render_response(name, default_store().get(), state)
    except Exception:  # a bug must not leave the user without a reply
        logger.exception("Rendering %s failed", name)
        rendered = {"text": t(state.language, "unavailable")}
    if rendered is None:
        logger.error("No renderer for response '%s'", name)
        rendered = {"text": t(state.language, "rephrase")}
    return web.json_response(_rasa_format(rendered["text"], rendered.get("buttons")))
