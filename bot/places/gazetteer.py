"""The gazetteer in knowledge/places/, matched over a blank spaCy pipeline.

Exact names and `*` stems come from bot.text.TermMatcher; names of 6 letters or more
also match with one typo (rapidfuzz), since spaCy < 3.5 has no fuzzy matcher.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Span

from bot.languages import ALL_LANGUAGES
from bot.paths import places_dir
from bot.text import TermMatcher, normalise_word
from bot.yamlfile import load_plain

logger = logging.getLogger(__name__)

# One-typo tolerance only for long names: shorter ones collide with ordinary words
# ("desde" ~ Dresde, "viene" ~ Vienne, "pais" ~ Paris).
FUZZY_MIN_LEN = {"country": 6, "city": 7}
_ARABIC = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True)
class Place:
    kind: str  # country | adjective | city
    country: str
    city: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class PlaceMatch:
    place: Place
    start_char: int
    end_char: int
    text: str


class Gazetteer:
    def __init__(self, folder: Path | None = None) -> None:
        folder = folder or places_dir()
        cities = (load_plain(folder / "cities.yml") or {}).get("cities", {})
        self.nlp = spacy.blank("xx")
        self.matcher: TermMatcher[Place] = TermMatcher()
        self._fuzzy: dict[str, dict[str, Place]] = {}  # first letter -> name -> place
        self.display: dict[str, dict[str, str]] = {}  # lang -> country -> name
        self.ambiguous: set[str] = set()
        for lang in ALL_LANGUAGES:
            path = folder / f"{lang}.yml"
            if not path.exists():
                continue
            doc = load_plain(path) or {}
            for key, info in (doc.get("countries") or {}).items():
                cc = "NO" if key is False else str(key)  # YAML 1.1 reads a bare NO as false
                names = [str(n) for n in info.get("names") or []]
                if names:
                    self.display.setdefault(lang, {})[cc] = names[0].rstrip("*")
                for name in names:
                    self._add(name, Place("country", cc))
                for adj in info.get("adjectives") or []:
                    self._add(str(adj), Place("adjective", cc))
            for city_id, names in (doc.get("cities") or {}).items():
                meta = cities.get(city_id)
                if not meta:
                    logger.warning("%s: unknown city id '%s' (add it to cities.yml)", path, city_id)
                    continue
                place = Place("city", meta["country"], city_id, meta.get("region"))
                for name in names or []:
                    if meta.get("ambiguous"):
                        self.ambiguous.add(normalise_word(str(name)))
                    self._add(str(name), place)

    def _add(self, name: str, place: Place) -> None:
        self.matcher.add(name, place)
        plain = name.rstrip("*")
        # No typo tolerance in Arabic script: with clitics and short roots, one letter
        # apart is often another common word (النمسا / النسا).
        if " " not in plain and len(plain) >= FUZZY_MIN_LEN.get(place.kind, 99) and not _ARABIC.search(plain):
            key = normalise_word(plain)
            self._fuzzy.setdefault(key[0], {}).setdefault(key, place)

    def doc(self, text: str) -> Doc:
        return self.nlp.make_doc(text)

    def find(self, text: str) -> list[PlaceMatch]:
        """Places named in the text, in order of appearance."""
        doc = self.doc(text)
        tokens = [t for t in doc if any(ch.isalnum() for ch in t.text)]
        # bot.text words split on punctuation inside tokens too; keep alignment by
        # matching spaCy's tokens one word each, normalised the same way.
        norm = [normalise_word(_core(t.text)) for t in tokens]
        out: list[PlaceMatch] = []
        covered: set[int] = set()
        for m in self.matcher.find(norm):
            if covered & set(range(m.start, m.end)):
                continue
            first, last = tokens[m.start], tokens[m.end - 1]
            if m.end - m.start == 1 and norm[m.start] in self.ambiguous and not first.text[:1].isupper():
                continue  # "nice", "essen": only a city when written as a name
            covered.update(range(m.start, m.end))
            out.append(PlaceMatch(m.value, first.idx, last.idx + len(last.text), doc.text[first.idx : last.idx + len(last.text)]))
        for i, word in enumerate(norm):
            if i in covered or len(word) < FUZZY_MIN_LEN["country"] - 1:
                continue
            place = self._fuzzy_lookup(word)
            if place:
                tok = tokens[i]
                out.append(PlaceMatch(place, tok.idx, tok.idx + len(tok.text), tok.text))
        out.sort(key=lambda p: p.start_char)
        spans = [_token_span(doc, p) for p in out]
        doc.ents = [Span(doc, s, e, label="GPE") for s, e in filter(None, spans)]
        return out

    def _fuzzy_lookup(self, word: str) -> Place | None:
        best = None
        for name, place in self._fuzzy.get(word[0], {}).items():
            if abs(len(name) - len(word)) > 1:
                continue
            if Levenshtein.distance(word, name, score_cutoff=1) <= 1:
                if best is not None and best.country != place.country:
                    return None  # two countries one typo away: do not guess
                best = place
        return best

    def country_name(self, cc: str, lang: str) -> str:
        return self.display.get(lang, {}).get(cc) or self.display.get("en", {}).get(cc) or cc


def _core(token: str) -> str:
    """The name part of a token: "d'Italie" -> Italie, "Almanya'da" -> Almanya."""
    token = token.strip("'’.,!?;:()\"")
    for apostrophe in ("'", "’"):
        if apostrophe in token:
            before, _, after = token.partition(apostrophe)
            token = after if len(before) <= 2 else before
    return token


def _token_span(doc: Doc, p: PlaceMatch) -> tuple[int, int] | None:
    span = doc.char_span(p.start_char, p.end_char)
    return (span.start, span.end) if span is not None else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
