"""The aiohttp application: NLG endpoint and health check.

Run: python -m bot.web.app  (port from WAYFINDER_WEB_PORT, default 8080)
"""

from __future__ import annotations

import logging
import os

from aiohttp import web

from bot.knowledge.store import default_store
from bot.nlg.catalog import catalogs
from bot.privacy import logs
from bot.web.nlg import handle_nlg
from bot.web.security import security_headers
from bot.web.widget import add_routes as add_widget_routes

MAX_BODY = 1024 * 1024  # Rasa's tracker state grows with the conversation


async def health(request: web.Request) -> web.Response:
    kb = default_store().get()
    return web.json_response({"status": "ok", "countries": sorted(kb.countries), "entries": len(kb.entries)})


def create_app() -> web.Application:
    catalogs()
    default_store()
    app = web.Application(client_max_size=MAX_BODY, middlewares=[security_headers])
    app.router.add_post("/nlg", handle_nlg)
    app.router.add_get("/health", health)
    add_widget_routes(app)
    return app


def main() -> None:
    logging.basicConfig(
        level=os.environ.get("WAYFINDER_LOG_LEVEL", "INFO"), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logs.install()
    web.run_app(
        create_app(),
        host=os.environ.get("WAYFINDER_WEB_HOST", "127.0.0.1"),
        port=int(os.environ.get("WAYFINDER_WEB_PORT", "8080")),
        access_log_format='"%r" %s %Tfs',  # no client address or user agent in the logs
    )


if __name__ == "__main__":
    main()
