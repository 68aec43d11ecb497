"""The command lines of our own processes, shared by `make run` and `make run-scaled`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Mapping

from deploy.supervisor import ROOT

BIN = Path(sys.executable).parent
RASA_READY = "Rasa server is up and running"


def rasa_command(model: str, endpoints: str, credentials: str, port: int | str, env: Mapping[str, str]) -> list[str]:
    """`rasa run` with our channels; the HTTP API only with a token from the environment."""
    command = [
        str(BIN / "rasa"),
        "run",
        "--model",
        model,
        "--endpoints",
        endpoints,
        "--credentials",
        credentials,
        "--port",
        str(port),
        "--cors",
        env.get("WAYFINDER_CORS", "*"),
    ]
    token = env.get("WAYFINDER_RASA_API_TOKEN")
    if token:
        command += ["--enable-api", "--auth-token", token]
    return command


def actions_command(port: int | str) -> list[str]:
    return [str(BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)]


def web_command() -> list[str]:
    return [str(BIN / "python"), "-m", "bot.web.app"]


def base_env(endpoints: str, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "WAYFINDER_ENDPOINTS": endpoints,  # the web app reads widget history from the same store
        **(extra or {}),
    }


def write_credentials(out: Path, base: str = "credentials.yml") -> str:
    """REST, socket.io and the health check always; messaging channels when configured."""
    from bot.channels.enabled import write

    return str(write(ROOT / base, out, os.environ))
