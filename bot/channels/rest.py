"""The REST channel (/webhooks/rest/webhook) with metadata hygiene and rate limits."""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint
from sanic.request import Request

from bot.channels.guard import CLIENT_KEY, guarded
from bot.channels.limits import client_key, from_env


class RestInput(RasaRestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self) -> None:
        self.per_sender, self.per_client = from_env()

    def get_metadata(self, request: Request) -> Dict[str, Any] | None:
        body = request.json if isinstance(request.json, dict) else {}
        metadata = body.get("metadata")
        metadata = dict(metadata) if isinstance(metadata, dict) else {}
        metadata[CLIENT_KEY] = client_key(request.remote_addr or request.ip)
        return metadata

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        return super().blueprint(guarded(on_new_message, self.per_sender, self.per_client))
