"""The socket.io channel (web widget) with metadata hygiene and per-sender rate limits."""

from __future__ import annotations

from typing import Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from sanic import Blueprint

from bot.channels.guard import guarded
from bot.channels.limits import from_env


class SocketIOInput(RasaSocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        per_sender, per_client = from_env()
        return super().blueprint(guarded(on_new_message, per_sender, per_client))
