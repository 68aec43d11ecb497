"""Per-language catalogs of the assistant's own phrases (bot/nlg/catalog/<lang>.yml)."""

from __future__ import annotations

import logging
from functools import lru_cache
from string import Formatter

from bot.languages import CORE_LANGUAGES, DEFAULT_LANGUAGE
from bot.paths import catalog_dir
from bot.yamlfile import load_plain

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def catalogs() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for lang in CORE_LANGUAGES:
        path = catalog_dir() / f"{lang}.yml"
        if path.exists():
            out[lang] = {k: str(v) for k, v in (load_plain(path).get("texts") or {}).items()}
    if DEFAULT_LANGUAGE not in out:
        raise RuntimeError(f"the source catalog {catalog_dir() / 'en.yml'} is missing")
    return out


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def t(lang: str, key: str, **values: object) -> str:
    """The phrase `key` in `lang`, else English; placeholders filled from values."""
    cats = catalogs()
    text = cats.get(lang, {}).get(key)
    if text is None:
        text = cats[DEFAULT_LANGUAGE].get(key)
        if text is None:
            logger.error("Catalog key '%s' is missing in en.yml", key)
            return key
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        logger.error("Catalog text %s/%s has broken placeholders", lang, key)
        return cats[DEFAULT_LANGUAGE].get(key, key).format(**values)
