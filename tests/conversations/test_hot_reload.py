"""A knowledge edit reaches the running assistant without restart; a broken edit is
refused and the last valid knowledge keeps serving."""

from __future__ import annotations

import time

from tests.conversations.conftest import Chat

MARKER = "Hot-reload check sentence."


def ask_until(predicate, question: str, seconds: float = 15) -> str:
    deadline = time.monotonic() + seconds
    reply = ""
    while time.monotonic() < deadline:
        reply = Chat().say(question)
        if predicate(reply):
            return reply
        time.sleep(1)
    return reply


def test_edit_then_break_then_restore(stack):
    path = stack["knowledge"] / "fr" / "housing.yml"
    original = path.read_text(encoding="utf-8")
    question = "how do i find a flat in france"
    try:
        edited = original.replace("      en: |\n", f"      en: |\n        {MARKER}\n")
        assert edited != original
        path.write_text(edited, encoding="utf-8")
        assert MARKER in ask_until(lambda r: MARKER in r, question)

        path.write_text(edited.replace("entries:", "entries: [broken", 1), encoding="utf-8")
        time.sleep(3)
        assert MARKER in Chat().say(question)  # last valid version still served
        assert "housing.yml" in stack["log"].read_text(errors="replace")  # error names the file
    finally:
        path.write_text(original, encoding="utf-8")
    assert MARKER not in ask_until(lambda r: MARKER not in r, question)
