"""`make run-scaled REPLICAS=2`: the production shape on one machine, in the foreground.

PostgreSQL (tracker store), Redis (lock store), N action servers, N Rasa replicas, our
web app, and nginx on port 5005 (WAYFINDER_RASA_PORT) with the URLs of `make run`.
Ctrl-C stops everything. WAYFINDER_DB_URL / WAYFINDER_REDIS_URL use external servers.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy.scaled import Ports, ScaledStack  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replicas", type=int, default=int(os.environ.get("REPLICAS", "2")))
    parser.add_argument("--model", default="models")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    if args.replicas < 1:
        parser.error("--replicas must be at least 1")
    ports = Ports(front=int(os.environ.get("WAYFINDER_RASA_PORT", "5005")))
    stack = ScaledStack(args.replicas, ports=ports, model=args.model)
    stack.sup.on_signals()
    try:
        stack.start(args.timeout)
        print(
            f"Wayfinder (scaled, {args.replicas} replicas) is ready: http://localhost:{ports.front}/webhooks/rest/webhook",
            flush=True,
        )
        return stack.sup.watch(restart=True)  # a crashed process comes back
    except RuntimeError as error:
        print(f"Wayfinder (scaled) cannot start: {error}", flush=True)
        return 1
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
