"""Write data/lexicon_regexes.yml from bot/lexicon: one regex feature per status,
topic, subtopic and emergency class, so DIET sees "this message names a doctor" in every
language, plus a feature "place" from the gazetteer names in knowledge/places (country
and city names, all languages), so a bare "i'm in graz" looks like a place to DIET,
which runs before the PlaceExtractor. Run by `make train`; tests check the file is up
to date.

Usage: python scripts/lexicon_regex.py [--check]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.language_words import WORD_LANGUAGE  # noqa: E402
from bot.languages import ALL_LANGUAGES  # noqa: E402

OUT = ROOT / "data" / "lexicon_regexes.yml"
PLACES = ROOT / "knowledge" / "places"
LANGS = ("en", "fr", "de", "es", "it", "ar", "uk", "ru", "fa", "tr")
# Place names that are also everyday words in one of our languages (besides the
# everyday chat words in bot.language_words and cities marked `ambiguous`): German
# "essen", English "nice" and "island", Spanish "haga", French "vienne", Turkish
# "bari", Italian "porto". The PlaceExtractor still finds them; only the DIET
# feature leaves them out.
PLACE_STOPWORDS = {"nice", "essen", "island", "haga", "vienne", "bari", "porto", "gent", "franca", "posen", "cork"}
PLACE_MIN_LEN = 4
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_CLITICS = "(?:[وفبلك]|ال|لل)*"  # clitic prefixes before an Arabic-script word
# Arabic-script letters are normalised as in bot.text before the classes below apply.
_ARABIC_NORMAL = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك", "ـ": None})
_ARABIC_CLASSES = {"ا": "[اأإآ]", "ي": "[يىی]", "ى": "[يىی]", "ی": "[يىی]", "ه": "[هة]", "ة": "[هة]", "ك": "[كک]", "ک": "[كک]"}


def word_regex(word: str) -> str:
    prefix = word.endswith("*")
    body = word.rstrip("*")
    if _ARABIC.search(body):
        body = re.sub("[\u064b-\u0652]", "", body.translate(_ARABIC_NORMAL))
        core = "".join(_ARABIC_CLASSES.get(ch, re.escape(ch)) for ch in body)
        return _CLITICS + core + (r"\w*" if prefix else "")
    return re.escape(body) + (r"\w*" if prefix else "")


def term_regex(term: str) -> str:
    words = term.split()
    return r"(?<!\w)" + r"\s+".join(word_regex(w) for w in words) + ("" if words[-1].endswith("*") else r"(?!\w)")


def _plain(name: str) -> str:
    return name.rstrip("*").lower()


def place_names() -> list[str]:
    """Country and city names from knowledge/places/<lang>.yml, loaded like
    bot.places.gazetteer: without adjectives, short names or everyday words."""
    cities = (yaml.safe_load((PLACES / "cities.yml").read_text(encoding="utf-8")) or {}).get("cities", {})
    names: set[str] = set()
    skip: set[str] = set(PLACE_STOPWORDS) | set(WORD_LANGUAGE)
    for lang in ALL_LANGUAGES:
        path = PLACES / f"{lang}.yml"
        if not path.exists():
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for info in (doc.get("countries") or {}).values():
            names.update(str(n) for n in (info or {}).get("names") or [])
        for city_id, city_names in (doc.get("cities") or {}).items():
            meta = cities.get(city_id) or {}
            for name in city_names or []:
                if meta.get("ambiguous"):
                    skip.add(_plain(str(name)))
                else:
                    names.add(str(name))
    keep = {n.strip() for n in names if n.strip() and len(_plain(n).replace(" ", "")) >= PLACE_MIN_LEN}
    return sorted((n for n in keep if _plain(n) not in skip), key=lambda n: (-len(n), n.lower(), n))


def place_regex() -> str:
    """One alternation; Arabic-script names share one clitic prefix group."""
    arabic, other = [], []
    for name in place_names():
        words = name.split()
        if _ARABIC.search(name):
            first = word_regex(words[0]).removeprefix(_CLITICS)
            arabic.append(r"\s+".join([first] + [word_regex(w) for w in words[1:]]))
        else:
            other.append(r"\s+".join(word_regex(w) for w in words))
    parts = [f"(?:{'|'.join(dict.fromkeys(other))})"]
    if arabic:
        parts.append(f"{_CLITICS}(?:{'|'.join(dict.fromkeys(arabic))})")
    return r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"


def build() -> str:
    groups: dict[str, set[str]] = {}
    for lang in LANGS:
        doc = yaml.safe_load((ROOT / "bot" / "lexicon" / f"{lang}.yml").read_text(encoding="utf-8")) or {}
        for section, prefix in (("statuses", "status_"), ("topics", "topic_"), ("subtopics", "")):
            for name, terms in (doc.get(section) or {}).items():
                groups.setdefault(prefix + name.replace(".", "_"), set()).update(map(str, terms or []))
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
    lines += ["- regex: place", "  examples: |", f"    - (?i:{place_regex()})"]
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
