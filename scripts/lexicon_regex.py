"""Write data/lexicon_regexes.yml from bot/lexicon: one regex feature per status,
subtopic and emergency class, so DIET sees "this message names a doctor" in every
language. Run by `make train`; tests check the file is up to date.

Usage: python scripts/lexicon_regex.py [--check]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "lexicon_regexes.yml"
LANGS = ("en", "fr", "de", "es", "it", "ar", "uk", "ru", "fa", "tr")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_ARABIC_CLASSES = {"ا": "[اأإآ]", "ي": "[يىی]", "ى": "[يىی]", "ی": "[يىی]", "ه": "[هة]", "ة": "[هة]", "ك": "[كک]", "ک": "[كک]"}


def word_regex(word: str) -> str:
    prefix = word.endswith("*")
    body = word.rstrip("*")
    if _ARABIC.search(body):
        core = "".join(_ARABIC_CLASSES.get(ch, re.escape(ch)) for ch in body)
        return "(?:[وفبلك]|ال|لل)*" + core + (r"\w*" if prefix else "")
    return re.escape(body) + (r"\w*" if prefix else "")


def term_regex(term: str) -> str:
    words = term.split()
    return r"(?<!\w)" + r"\s+".join(word_regex(w) for w in words) + ("" if words[-1].endswith("*") else r"(?!\w)")


def build() -> str:
    groups: dict[str, set[str]] = {}
    for lang in LANGS:
        doc = yaml.safe_load((ROOT / "bot" / "lexicon" / f"{lang}.yml").read_text(encoding="utf-8")) or {}
        for status, terms in (doc.get("statuses") or {}).items():
            groups.setdefault(f"status_{status}", set()).update(map(str, terms or []))
        for sub, terms in (doc.get("subtopics") or {}).items():
            groups.setdefault(sub.replace(".", "_"), set()).update(map(str, terms or []))
        groups.setdefault("emergency", set()).update(map(str, doc.get("emergency") or []))
        groups.setdefault("suicide", set()).update(map(str, doc.get("suicide") or []))
    lines = [
        "# Generated from bot/lexicon by scripts/lexicon_regex.py (make train). Do not edit.",
        'version: "3.1"',
        "nlu:",
    ]
    for name in sorted(groups):
        pattern = "|".join(term_regex(t) for t in sorted(groups[name]) if t.strip())
        lines += [f"- regex: {name}", "  examples: |", f"    - (?i:{pattern})"]
    return "\n".join(lines) + "\n"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    a = p.parse_args()
    text = build()
    for line in text.splitlines():
        if line.startswith("    - "):
            re.compile(line[6:])
    if a.check:
        return 0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
