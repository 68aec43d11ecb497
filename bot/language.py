"""Language identification tuned for short chat messages in our ten languages.

Script rules settle what the alphabet already tells (Ukrainian vs Russian letters,
Persian vs Arabic letters); lingua, restricted to the candidates left, is far better
than langdetect on one- and two-word messages; langdetect (seeded) is blended in on
longer Latin-script text where both are reliable. A small table of everyday words
that only one of our Latin-script languages uses (bot.language_words) then fixes
short messages like "hello" or "i am in" that the models get wrong.
`make eval` measures the result.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import cache

from bot.language_words import WORD_LANGUAGE
from bot.languages import CORE_LANGUAGES

UNDETERMINED = "und"

_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
_URLISH = re.compile(r"(https?://\S+|www\.\S+|\S+@\S+)")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # keeps "i'm", "c'est" whole
# Score factor per table word: it outweighs the models' doubt on a short message, less so on a
# long one, where they are reliable and a borrowed "the" or "of" should not decide.
_WORD_BOOST = 8.0
_FULL_BOOST_WORDS = 4

_UK_ONLY = set("іїєґІЇЄҐ")
_RU_ONLY = set("ыэъёЫЭЪЁ")
_FA_ONLY = set("پچژگکی")  # Persian letters and Persian forms of kaf and yeh
_AR_ONLY = set("ةيكىإأؤ")  # Arabic forms of yeh and kaf, taa marbuta, hamza seats
_TR_ONLY = set("ğışĞİŞ")

# script -> the two languages it may be, each with the letters only it uses
_SCRIPT_PAIRS = {
    "cyrillic": (("uk", _UK_ONLY, 0.99), ("ru", _RU_ONLY, 0.99)),
    "arabic": (("fa", _FA_ONLY, 0.99), ("ar", _AR_ONLY, 0.97)),
}

_lock = threading.Lock()


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
        return "arabic"
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    if ch.isascii() or 0x00C0 <= o <= 0x024F:
        return "latin"
    return "other"


@cache
def _lingua(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()


@cache
def _langdetect_factory():
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def _lingua_scores(text: str, codes: tuple[str, ...]) -> dict[str, float]:
    detector = _lingua(codes)
    return {cv.language.iso_code_639_1.name.lower(): cv.value for cv in detector.compute_language_confidence_values(text)}


def _langdetect_scores(text: str, codes: tuple[str, ...]) -> dict[str, float]:
    from langdetect.lang_detect_exception import LangDetectException

    factory = _langdetect_factory()
    with _lock:  # langdetect's factory is not thread-safe
        try:
            detector = factory.create()
            detector.append(text)
            probs = detector.get_probabilities()
        except LangDetectException:
            return {}
    scores = {p.lang: p.prob for p in probs if p.lang in codes}
    total = sum(scores.values())
    return {k: v / total for k, v in scores.items()} if total else {}


def _word_votes(text: str) -> dict[str, float]:
    """Table words and two-word phrases per language in `text`, weighted down in long texts."""
    words = [w.replace("’", "'") for w in _WORDS.findall(text.lower())]
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    hits = Counter(WORD_LANGUAGE[g] for g in grams if g in WORD_LANGUAGE)
    weight = min(1.0, _FULL_BOOST_WORDS / max(1, len(words)))
    return {lang: n * weight for lang, n in hits.items()}


def _boost(scores: dict[str, float], votes: dict[str, float]) -> dict[str, float]:
    boosted = {c: (s + 0.01) * _WORD_BOOST ** votes.get(c, 0.0) for c, s in scores.items()}
    total = sum(boosted.values())
    return {c: s / total for c, s in boosted.items()}


def _best(scores: dict[str, float]) -> tuple[str, float]:
    if not scores:
        return UNDETERMINED, 0.0
    code = max(scores, key=scores.__getitem__)
    return code, float(scores[code])


def detect_language(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code, confidence 0..1) among our core languages.

    ("und", 0.0) when the text has no letters of a supported script.
    """
    cleaned = _URLISH.sub(" ", text or "")
    letter_runs = _LETTERS.findall(cleaned)
    letters = "".join(letter_runs)
    if not letters:
        return UNDETERMINED, 0.0
    counts: dict[str, int] = {}
    for ch in letters:
        s = _script(ch)
        counts[s] = counts.get(s, 0) + 1
    script = max(counts, key=counts.__getitem__)
    if script == "other":
        return UNDETERMINED, 0.0
    sample = " ".join(letter_runs)
    chars = set(letters)

    pair = _SCRIPT_PAIRS.get(script)
    if pair:
        (a, a_only, a_conf), (b, b_only, b_conf) = pair
        has_a, has_b = bool(chars & a_only), bool(chars & b_only)
        if has_a != has_b:  # letters only one of the two languages uses settle it
            return (a, a_conf) if has_a else (b, b_conf)
        return _best(_lingua_scores(sample, (a, b)))

    latin = ("en", "fr", "de", "es", "it", "tr")
    if chars & _TR_ONLY:
        return "tr", 0.97
    scores = _lingua_scores(sample, latin)
    if len(letter_runs) >= 4:
        ld = _langdetect_scores(sample, latin)
        if ld:
            scores = {c: 0.5 * scores.get(c, 0.0) + 0.5 * ld.get(c, 0.0) for c in latin}
    votes = _word_votes(cleaned)
    return _best(_boost(scores, votes) if votes else scores)


def warm_up() -> None:
    """Load every model now, so the first user does not wait for it."""
    for text in ("hello how are you", "привіт", "سلام علیکم"):
        detect_language(text)


assert set(("en", "fr", "de", "es", "it", "tr", "ar", "fa", "ru", "uk")) == set(CORE_LANGUAGES)
