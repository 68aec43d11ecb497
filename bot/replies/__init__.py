"""Building the assistant's replies (text and buttons) in the user's language."""

from __future__ import annotations

from typing import Any

Reply = dict[str, Any]


def reply(text: str, buttons: list[dict[str, str]] | None = None) -> Reply:
    return {"text": text, "buttons": buttons or []}
