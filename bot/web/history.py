"""What the assistant said in a widget session, for a widget that was offline.

Socket.io cannot replay replies emitted while the browser was disconnected; the widget
asks here after every (re)connection and adds what it missed. The session id is a
random 128-bit value known only to that browser; it is the only key accepted.
"""

from __future__ import annotations

import json
import logging
import os
import re
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from aiohttp import web

logger = logging.getLogger(__name__)
SESSION_ID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$|^[0-9a-f]{32}$")


@lru_cache(maxsize=1)
def _engine() -> sa.engine.Engine:
    from bot.trackerdb import db_url_from_endpoints

    return sa.create_engine(db_url_from_endpoints(os.environ.get("WAYFINDER_ENDPOINTS", "endpoints.yml")))


def socket_messages(event: dict[str, Any]) -> list[dict[str, Any]]:
    """One bot event as the socket.io channel sent it: split at blank lines, buttons last."""
    text = (event.get("text") or "").strip()
    buttons = (event.get("data") or {}).get("buttons") or []
    parts = [{"text": p, "buttons": []} for p in (text.split("\n\n") if text else [""])]
    parts[-1]["buttons"] = [{"title": b.get("title"), "payload": b.get("payload")} for b in buttons]
    return parts


def bot_messages(session_id: str) -> list[dict[str, Any]]:
    table = sa.Table("events", sa.MetaData(), autoload_with=_engine())
    query = sa.select(table.c.data).where(table.c.sender_id == session_id, table.c.type_name == "bot").order_by(table.c.id)
    with _engine().connect() as conn:
        rows = conn.execute(query).fetchall()
    out: list[dict[str, Any]] = []
    for (data,) in rows:
        out += socket_messages(json.loads(data))
    return out


async def history(request: web.Request) -> web.Response:
    session_id = request.match_info["session_id"].lower()
    if not SESSION_ID.match(session_id):
        raise web.HTTPNotFound()
    try:
        messages = bot_messages(session_id)
    except sa.exc.SQLAlchemyError:
        logger.exception("Could not read the widget history")
        raise web.HTTPServiceUnavailable() from None
    return web.json_response({"bot": messages}, headers={"Cache-Control": "no-store"})
