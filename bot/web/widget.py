"""Serves the web widget: the demo page, the script, its styles and texts."""

from __future__ import annotations

import os
from pathlib import Path

from aiohttp import web

from bot.languages import is_core
from bot.nlg.catalog import t
from bot.paths import ROOT
from bot.privacy.settings import retention_days
from bot.web.history import history

STATIC = Path(__file__).parent / "static"
SOCKET_IO = ROOT / "web" / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
WIDGET_KEYS = ("widget_title", "widget_placeholder", "widget_send", "widget_language", "widget_privacy", "widget_offline")
TYPES = {".js": "application/javascript", ".css": "text/css", ".html": "text/html"}


def _file(path: Path) -> web.Response:
    if not path.is_file():
        raise web.HTTPServiceUnavailable(text=f"{path.name} is missing: run `make setup` (npm ci in web/)")
    return web.Response(
        body=path.read_bytes(),
        content_type=TYPES.get(path.suffix, "application/octet-stream"),
        charset="utf-8",
        headers={"Cache-Control": "no-cache"},
    )


async def demo(request: web.Request) -> web.Response:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    rasa = os.environ.get("WAYFINDER_RASA_URL", "http://localhost:5005")
    return web.Response(text=html.replace("http://localhost:5005", rasa), content_type="text/html", charset="utf-8")


async def static(request: web.Request) -> web.Response:
    return _file(STATIC / request.match_info["name"])


async def socket_io(request: web.Request) -> web.Response:
    return _file(SOCKET_IO)


async def texts(request: web.Request) -> web.Response:
    lang = request.match_info["lang"]
    if not is_core(lang):
        raise web.HTTPNotFound()
    return web.json_response({key: t(lang, key, days=retention_days()) for key in WIDGET_KEYS})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", demo)
    app.router.add_get("/{name:(widget\\.js|widget\\.css|demo\\.css)}", static)
    app.router.add_get("/vendor/socket.io.min.js", socket_io)
    app.router.add_get("/widget/texts/{lang}.json", texts)
    app.router.add_get("/widget/history/{session_id}", history)
