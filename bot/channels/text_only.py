"""Rendering for messaging platforms: numbered options where there are no buttons,
long texts split within the platform's limit without breaking links."""

from __future__ import annotations

import re
from typing import Any

_OPTION = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


def numbered(text: str, buttons: list[dict[str, Any]]) -> str:
    lines = [f"{i}. {b.get('title', '')}" for i, b in enumerate(buttons, 1)]
    return "\n".join([text, *lines]) if text else "\n".join(lines)


def split(text: str, limit: int) -> list[str]:
    """Split at paragraph, then line, then word boundaries; never inside a word or link."""
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = max(rest.rfind("\n\n", 0, limit), rest.rfind("\n", 0, limit), rest.rfind(" ", 0, limit))
        if cut <= 0:
            cut = limit  # one unbreakable run longer than the limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


class Options:
    """The numbered options last offered to each user, so "2" means the second one."""

    def __init__(self) -> None:
        self._by_user: dict[str, list[str]] = {}

    def offer(self, user: str, buttons: list[dict[str, Any]]) -> None:
        self._by_user[user] = [str(b.get("payload", "")) for b in buttons]

    def resolve(self, user: str, text: str) -> str:
        m = _OPTION.match(text or "")
        options = self._by_user.get(user) or []
        if m and 1 <= int(m.group(1)) <= len(options):
            return options[int(m.group(1)) - 1]
        return text
