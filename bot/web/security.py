"""Security headers for every response of our aiohttp app."""

from __future__ import annotations

import os
from typing import Awaitable, Callable

from aiohttp import web


def content_security_policy() -> str:
    """Only our own scripts and styles (no inline code); the widget may talk to Rasa."""
    rasa = os.environ.get("WAYFINDER_RASA_URL", "http://localhost:5005")
    ws = rasa.replace("http://", "ws://").replace("https://", "wss://")
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {rasa} {ws}; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"
    )


@web.middleware
async def security_headers(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc
    response.headers.setdefault("Content-Security-Policy", content_security_policy())
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if isinstance(response, web.HTTPException):
        raise response
    return response
