"""python -m bot.insights [--endpoints endpoints.yml | --db-url URL] [--out reports]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.trackerdb import db_url_from_endpoints

from .collect import aggregate, read_events
from .report import write


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Write the maintainers' insights report.")
    p.add_argument("--endpoints", default="endpoints.yml")
    p.add_argument("--db-url", default=None, help="SQLAlchemy URL of the tracker store (overrides --endpoints)")
    p.add_argument("--out", type=Path, default=Path("reports"))
    a = p.parse_args(argv)
    url = a.db_url or db_url_from_endpoints(a.endpoints)
    written = write(aggregate(read_events(url).values()), a.out)
    print("wrote " + ", ".join(str(w) for w in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
