"""The languages Wayfinder speaks, and their names in their own script."""

from __future__ import annotations

CORE_LANGUAGES: tuple[str, ...] = ("en", "fr", "de", "es", "it", "ar", "uk", "ru", "fa", "tr")
# Languages of the host countries that are not core languages: knowledge and place
# names may use them, the assistant does not chat in them.
HOST_LANGUAGES: tuple[str, ...] = ("nl", "sv", "pl", "pt", "el")
ALL_LANGUAGES: tuple[str, ...] = CORE_LANGUAGES + HOST_LANGUAGES
RTL_LANGUAGES: frozenset[str] = frozenset({"ar", "fa"})
DEFAULT_LANGUAGE = "en"

ENDONYMS: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "de": "Deutsch",
    "es": "Español",
    "it": "Italiano",
    "ar": "العربية",
    "uk": "Українська",
    "ru": "Русский",
    "fa": "فارسی",
    "tr": "Türkçe",
}


def is_core(code: object) -> bool:
    """True for a language code the assistant can chat in."""
    return isinstance(code, str) and code in CORE_LANGUAGES
