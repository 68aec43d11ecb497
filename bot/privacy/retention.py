"""Delete conversations older than the retention period; run daily by cron or a timer.

Usage: python -m bot.privacy.retention [--endpoints endpoints.yml]
"""

from __future__ import annotations

import argparse
import sys

from rasa.core.tracker_store import TrackerStore
from rasa.utils.endpoints import read_endpoint_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--endpoints", default="endpoints.yml")
    args = parser.parse_args(argv)
    config = read_endpoint_config(args.endpoints, "tracker_store")
    store = TrackerStore.create(config)
    inner = getattr(store, "_tracker_store", store)
    if not hasattr(inner, "purge_expired"):
        print(f"the tracker store in {args.endpoints} is not bot.privacy.tracker_store.PrivateSQLTrackerStore")
        return 1
    n = inner.purge_expired()
    print(f"deleted {n} events older than {inner.retention_days} days")
    return 0


if __name__ == "__main__":
    sys.exit(main())
