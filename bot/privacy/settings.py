"""Privacy settings read from the environment (no Rasa import, for the web side)."""

from __future__ import annotations

import os

DEFAULT_RETENTION_DAYS = 30


def retention_days() -> int:
    return int(os.environ.get("WAYFINDER_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))
