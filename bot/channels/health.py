"""GET /webhooks/health: 200 when this replica can serve, 503 with the reasons if not.

For the load balancer, the run scripts and Kubernetes probes. It says what is wrong
(in-memory tracker store, database or Redis unreachable), never any conversation data.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import serving


class HealthInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "health"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        health = Blueprint("wayfinder_health", __name__)

        @health.route("/", methods=["GET"])
        async def check(request: Request) -> HTTPResponse:
            agent = getattr(request.app.ctx, "agent", None)
            found = serving.problems(agent)
            if found:
                return response.json({"status": "unavailable", "problems": found}, status=503)
            serving.fail_closed(agent)
            store = serving.primary_store(agent)
            engine = getattr(store, "engine", None)
            return response.json(
                {
                    "status": "ok",
                    "tracker_store": type(store).__name__ + (f" ({engine.dialect.name})" if engine is not None else ""),
                    "lock_store": type(agent.lock_store).__name__,
                }
            )

        return health
