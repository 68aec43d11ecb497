"""Start the action server, our aiohttp app and Rasa in the foreground; stop all on Ctrl-C.

Usage: python scripts/run_stack.py [--endpoints endpoints.yml] [--model models]
Prints "Wayfinder is ready" once Rasa can serve. Ports: actions 5055, web 8080, Rasa 5005.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy.commands import RASA_READY, actions_command, base_env, rasa_command, web_command, write_credentials  # noqa: E402
from deploy.supervisor import Supervisor, wait_http  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoints", default="endpoints.yml")
    parser.add_argument("--credentials", default="credentials.yml")
    parser.add_argument("--model", default="models")
    parser.add_argument("--timeout", type=float, default=240)
    return parser.parse_args(argv)


def main() -> int:
    args = parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    credentials = write_credentials(ROOT / "var" / "credentials.yml", args.credentials)
    rasa_port = os.environ.get("WAYFINDER_RASA_PORT", "5005")
    env = base_env(args.endpoints)
    sup = Supervisor()
    sup.on_signals()
    try:
        sup.start("actions", actions_command(os.environ.get("WAYFINDER_ACTIONS_PORT", "5055")), env)
        sup.start("web", web_command(), env)
        rasa = sup.start("rasa", rasa_command(args.model, args.endpoints, credentials, rasa_port, os.environ), env, RASA_READY)
        health = f"http://localhost:{rasa_port}/webhooks/health/"
        if not (rasa.ready.wait(args.timeout) and wait_http(health, 30, ok_only=True)):
            print(f"Wayfinder did not start in time or cannot serve ({health}); see the log above.", flush=True)
            return 1
        print(f"Wayfinder is ready: http://localhost:{rasa_port}/webhooks/rest/webhook", flush=True)
        return sup.watch()
    finally:
        sup.stop_all()


if __name__ == "__main__":
    sys.exit(main())
