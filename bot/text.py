"""Text normalisation and keyword matching shared by the rule components.

Terms follow the rules in bot/lexicon/README.md: whole words, a trailing `*` on a word
matches any ending, Arabic-script letters are normalised and clitic prefixes allowed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, Iterable, Iterator, TypeVar

T = TypeVar("T")

_WORD = re.compile(r"\w+", re.UNICODE)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")  # harakat, dagger alef, tatweel
_ARABIC_MAP = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك", "ۀ": "ه", "ؤ": "و", "ئ": "ي"}
)
# Proclitics written together with the next word: wa-, fa-, bi-, li-, ka- and the article.
# Levantine "ʿa-l-" (عالدكتور, to the doctor) too.
_CLITIC_PREFIXES = ("وال", "فال", "بال", "كال", "عال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_CONTROL = re.compile(r"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]")


def strip_control(text: str) -> str:
    """Remove control and invisible characters that break logs and rendering."""
    return _CONTROL.sub("", text)


def normalise_word(word: str) -> str:
    """Case-fold a word; for Arabic script also unify letter variants and drop marks."""
    # casefold turns Turkish "İ" into i + combining dot: drop the dot
    word = unicodedata.normalize("NFC", word).casefold().replace("\u0307", "")
    if _ARABIC_LETTER.search(word):
        word = _ARABIC_MARKS.sub("", word).translate(_ARABIC_MAP)
    return word


_LATIN_MARK_BASE = re.compile(r"[A-Za-z]")
_LATIN_EXTRA = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d"})


def fold_word(word: str) -> str:
    """A word as people type it in a hurry: normalised, and Latin accents dropped
    ("düğün", "dugun" and "DÜĞÜN" become one word; "é" and "e" too). Cyrillic keeps
    its letters except ё, which many write as е; Arabic script is normalised above."""
    word = normalise_word(word).replace("ё", "е")
    kept, base = [], ""
    for ch in unicodedata.normalize("NFD", word):
        if not unicodedata.combining(ch):
            base = ch
        elif _LATIN_MARK_BASE.match(base):
            continue  # a mark goes only when it sits on a Latin letter
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)).translate(_LATIN_EXTRA)


def words(text: str) -> list[str]:
    """Normalised words of a text, in order."""
    return [normalise_word(w) for w in _WORD.findall(text)]


def word_variants(word: str) -> list[str]:
    """The word itself and, for Arabic script, the word without clitic prefixes."""
    variants = [word]
    if _ARABIC_LETTER.match(word):
        for prefix in _CLITIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                variants.append(word[len(prefix) :])
    return variants


@dataclass(frozen=True)
class Pattern:
    """One term: a sequence of words, each exact or a prefix stem."""

    parts: tuple[tuple[str, bool], ...]  # (normalised word or stem, is_prefix)
    text: str

    @classmethod
    def parse(cls, term: str) -> Pattern:
        parts = []
        for raw in term.split():
            prefix = raw.endswith("*")
            body = raw.rstrip("*")
            normed = words(body)
            if not normed:
                continue
            # A written word may hold punctuation ("d'asile"): it becomes several words.
            for i, w in enumerate(normed):
                parts.append((w, prefix and i == len(normed) - 1))
        return cls(tuple(parts), term)

    def matches_word(self, index: int, word: str) -> bool:
        stem, prefix = self.parts[index]
        return any((v.startswith(stem) if prefix else v == stem) for v in word_variants(word))


@dataclass(frozen=True)
class Match(Generic[T]):
    value: T
    start: int  # word index
    end: int  # exclusive word index
    term: str


class TermMatcher(Generic[T]):
    """Finds terms in text; each term carries a value (e.g. a status id)."""

    PREFIX_KEY = 3

    def __init__(self, terms: Iterable[tuple[str, T]] = ()) -> None:
        self._exact: dict[str, list[tuple[Pattern, T]]] = {}
        self._prefix: dict[str, list[tuple[Pattern, T]]] = {}
        self.size = 0
        for term, value in terms:
            self.add(term, value)

    def add(self, term: str, value: T) -> None:
        pattern = Pattern.parse(term)
        if not pattern.parts:
            return
        first, prefix = pattern.parts[0]
        if prefix:
            self._prefix.setdefault(first[: self.PREFIX_KEY], []).append((pattern, value))
        else:
            self._exact.setdefault(first, []).append((pattern, value))
        self.size += 1

    def _candidates(self, word: str) -> Iterator[tuple[Pattern, T]]:
        for variant in word_variants(word):
            yield from self._exact.get(variant, ())
            yield from self._prefix.get(variant[: self.PREFIX_KEY], ())

    def find(self, tokens: list[str]) -> list[Match[T]]:
        """All matches over normalised words, longest first at each position."""
        found: list[Match[T]] = []
        for i, word in enumerate(tokens):
            for pattern, value in self._candidates(word):
                n = len(pattern.parts)
                if i + n > len(tokens):
                    continue
                if all(pattern.matches_word(k, tokens[i + k]) for k in range(n)):
                    found.append(Match(value, i, i + n, pattern.text))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return found

    def find_in(self, text: str) -> list[Match[T]]:
        return self.find(words(text))


DEFAULT_MAX_CHARS = 1000


def clean(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> tuple[str, list[str]]:
    """Return the cleaned text and the notices it earned (empty, truncated)."""
    notices = []
    text = strip_control(text or "").strip()
    if len(text) > max_chars:
        text = text[:max_chars]
        notices.append("truncated")
    if not text:
        notices.append("empty")
    return text, notices
