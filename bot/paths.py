"""Where the project's data lives; overridable through environment variables."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def knowledge_dir() -> Path:
    return Path(os.environ.get("WAYFINDER_KNOWLEDGE", ROOT / "knowledge"))


def places_dir() -> Path:
    return knowledge_dir() / "places"


def lexicon_dir() -> Path:
    return Path(os.environ.get("WAYFINDER_LEXICON", ROOT / "bot" / "lexicon"))


def catalog_dir() -> Path:
    return Path(os.environ.get("WAYFINDER_CATALOG", ROOT / "bot" / "nlg" / "catalog"))
