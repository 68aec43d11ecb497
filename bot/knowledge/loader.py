"""Read and validate knowledge/<cc>/*.yml; every problem names file and line.

Errors make a file unusable; warnings (a review date that has passed) do not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.languages import ALL_LANGUAGES, CORE_LANGUAGES
from bot.yamlfile import LineDict, LineList, YamlError, load

from .model import (
    DEFAULT_REVIEW_DAYS,
    STATUSES,
    TOPICS,
    TRANSLATION_STATES,
    AdviceService,
    Country,
    CrisisLine,
    Entry,
    KnowledgeBase,
    Phone,
    Source,
)

ISO_COUNTRIES = frozenset(
    "AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK".split()
)
_URL = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/[^\s<>\"]*)?$")
_ID = re.compile(r"^[a-z]{2}-[a-z0-9_-]+$")
_MARKUP = re.compile(r"[<>]|javascript:", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[0-9][0-9 ]{1,18}[0-9]$|^[0-9]{2,6}$")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    level: str = "error"  # error | warning

    def __str__(self) -> str:
        return f"{self.level.upper()} {self.file}:{self.line}: {self.message}"


class _Checker:
    """Collects problems for one file while building its objects."""

    def __init__(self, path: Path, root: Path) -> None:
        self.path = path
        try:
            self.name = str(path.relative_to(root.parent))
        except ValueError:
            self.name = str(path)
        self.problems: list[Problem] = []

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.name, line, message))

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.name, line, message, "warning"))

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)

    # --- field helpers -------------------------------------------------------------
    def mapping(self, node: Any, where: str, line: int) -> LineDict | None:
        if isinstance(node, LineDict):
            return node
        self.error(line, f"{where} must be a set of 'key: value' lines")
        return None

    def text(self, d: LineDict, key: str, where: str, required: bool = True) -> str | None:
        value = d.get(key)
        if value is None:
            if required:
                self.error(d.line, f"{where} is missing '{key}:'. Add it.")
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
            self.error(d.line_of(key), f"'{key}' in {where} must be a non-empty text")
            return None
        return str(value).strip()

    def date(self, d: LineDict, key: str, where: str, required: bool = True) -> dt.date | None:
        value = d.get(key)
        if value is None:
            if required:
                self.error(d.line, f"{where} is missing '{key}:' (a date like 2026-11-26)")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.error(d.line_of(key), f"'{key}: {value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-26")
            return None

    def url(self, value: Any, line: int, where: str) -> str | None:
        if not isinstance(value, str) or not _URL.match(value.strip()):
            self.error(line, f"{where}: '{value}' is not a valid https:// web address")
            return None
        return value.strip()

    def mappings(self, d: LineDict, key: str, missing: str, what: str) -> list[LineDict]:
        """The non-empty list under `key`, each item a mapping; `missing` if absent."""
        raw = d.get(key)
        if not isinstance(raw, LineList) or not raw:
            self.error(d.line_of(key), missing)
            return []
        return [m for i, item in enumerate(raw) if (m := self.mapping(item, f"{what} {i + 1}", raw.line_of(i))) is not None]

    def sources(self, d: LineDict, where: str) -> tuple[Source, ...]:
        raw = d.get("sources")
        if not isinstance(raw, LineList) or not raw:
            self.error(d.line_of("sources"), f"{where} needs 'sources:' with at least one official source (title and url)")
            return ()
        out = []
        for i, item in enumerate(raw):
            s = self.mapping(item, f"source {i + 1} of {where}", raw.line_of(i))
            if s is None:
                continue
            title = self.text(s, "title", f"source {i + 1} of {where}")
            url = self.url(s.get("url"), s.line_of("url"), f"source {i + 1} of {where}")
            if title and url:
                out.append(Source(title, url))
        return tuple(out)

    def languages_map(self, d: LineDict, key: str, where: str, required: tuple[str, ...] = ("en",)) -> dict[str, str]:
        raw = d.get(key)
        if raw is None:
            self.error(d.line, f"{where} is missing '{key}:' (one text per language, at least en)")
            return {}
        m = self.mapping(raw, f"'{key}' in {where}", d.line_of(key))
        if m is None:
            return {}
        out: dict[str, str] = {}
        for lang, value in m.items():
            line = m.line_of(lang)
            if lang not in ALL_LANGUAGES:
                self.error(line, f"'{lang}' in {where} is not a known language code; use one of {', '.join(ALL_LANGUAGES)}")
                continue
            if not isinstance(value, str) or not value.strip():
                self.error(line, f"the '{lang}' text in {where} is empty; write the translation or remove the line")
                continue
            if _MARKUP.search(value):
                self.error(line, f"the '{lang}' text in {where} contains '<', '>' or a script link; answers must be plain text")
                continue
            out[lang] = value.strip()
        for lang in required:
            if lang not in out and lang not in m:
                self.error(m.line, f"{where} has no '{lang}' text under '{key}:'")
        return out


def _parse_entry(c: _Checker, raw: Any, line: int, country: str, topic: str, today: dt.date) -> Entry | None:
    e = c.mapping(raw, "an entry", line)
    if e is None:
        return None
    before = len(c.problems)
    entry_id = c.text(e, "id", "an entry")
    where = f"entry '{entry_id}'" if entry_id else f"the entry at line {e.line}"
    if entry_id and not _ID.match(entry_id):
        c.error(e.line_of("id"), f"id '{entry_id}' must look like '{country.lower()}-{topic}-what' (lower case, digits, - and _)")
    entry_topic = e.get("topic", topic)
    if entry_topic != topic:
        c.error(e.line_of("topic"), f"{where} has topic '{entry_topic}' but the file is for '{topic}'")
    subtopic = e.get("subtopic")
    if subtopic is not None and subtopic not in TOPICS.get(topic, ()):
        c.error(
            e.line_of("subtopic"), f"unknown subtopic '{subtopic}' for {topic}; use one of {', '.join(TOPICS.get(topic, ()))}"
        )
    statuses_raw = e.get("statuses")
    statuses: set[str] = set()
    if not isinstance(statuses_raw, list) or not statuses_raw:
        c.error(e.line_of("statuses"), f"{where} needs 'statuses:' as a list, e.g. [all] or [asylum_seeker]")
    else:
        for s in statuses_raw:
            if s == "all":
                continue
            if s not in STATUSES:
                c.error(e.line_of("statuses"), f"unknown status '{s}' in {where}; use all or {', '.join(STATUSES)}")
            statuses.add(str(s))
        if "all" in statuses_raw and statuses:
            c.error(e.line_of("statuses"), f"{where}: use either [all] or a list of statuses, not both")
    terms_raw = e.get("terms", [])
    if not isinstance(terms_raw, list) or not all(isinstance(t, str) and t.strip() for t in terms_raw):
        c.error(e.line_of("terms"), f"'terms' in {where} must be a list of official terms, e.g. [Krankenkasse]")
        terms_raw = []
    sources = c.sources(e, where)
    reviewed = c.date(e, "reviewed", where)
    review_due = c.date(e, "review_due", where, required=False)
    if reviewed and reviewed > today:
        c.error(e.line_of("reviewed"), f"{where}: 'reviewed: {reviewed}' is in the future")
    if reviewed and not review_due:
        review_due = reviewed + dt.timedelta(days=DEFAULT_REVIEW_DAYS)
    if review_due and review_due < today:
        c.warn(e.line_of("reviewed"), f"{where} was due for review on {review_due}: check the sources and update 'reviewed'")
    answer = c.languages_map(e, "answer", where)
    translation_raw = e.get("translation")
    translation: dict[str, str] = {}
    tmap = (
        c.mapping(translation_raw, f"'translation' in {where}", e.line_of("translation")) if translation_raw is not None else None
    )
    if translation_raw is None:
        c.error(e.line, f"{where} is missing 'translation:' (per language: original, machine-assisted or reviewed)")
    elif tmap is not None:
        for lang, state in tmap.items():
            if state not in TRANSLATION_STATES:
                c.error(
                    tmap.line_of(lang), f"translation state '{state}' for '{lang}' must be one of {', '.join(TRANSLATION_STATES)}"
                )
            translation[lang] = str(state)
        for lang in answer:
            if lang not in tmap:
                c.error(tmap.line, f"{where}: add '{lang}: machine-assisted' (or reviewed/original) under 'translation:'")
        for lang in tmap:
            if lang not in answer and lang in ALL_LANGUAGES:
                c.error(tmap.line_of(lang), f"{where}: 'translation' lists '{lang}' but there is no '{lang}' answer")
    amap = e.get("answer")
    for term in terms_raw:
        for lang, text in answer.items():
            if term not in text:
                line = amap.line_of(lang) if isinstance(amap, LineDict) else e.line
                c.error(
                    line, f"{where}: the '{lang}' answer must contain the official term '{term}' exactly as written in 'terms'"
                )
    if len(c.problems) != before and any(p.level == "error" for p in c.problems[before:]):
        return None
    assert entry_id and reviewed and review_due
    return Entry(
        id=entry_id,
        country=country,
        topic=topic,
        subtopic=subtopic,
        statuses=frozenset(statuses),
        terms=tuple(terms_raw),
        sources=sources,
        reviewed=reviewed,
        review_due=review_due,
        answer=answer,
        translation=translation,
        file=c.name,
        line=e.line,
    )


def _parse_topic_file(c: _Checker, doc: Any, folder_country: str, today: dt.date, region: str | None = None) -> list[Entry]:
    d = c.mapping(doc, "the file", 1)
    if d is None:
        return []
    if region is not None and d.get("region") != region:
        c.error(d.line_of("region"), f"a regional file needs 'region: {region}' (the folder's name in upper case)")
    country = d.get("country")
    if country != folder_country:
        c.error(d.line_of("country"), f"'country: {country}' must be '{folder_country}' (the folder's name in upper case)")
    topic = d.get("topic")
    expected = c.path.stem
    if topic not in TOPICS:
        c.error(d.line_of("topic"), f"unknown topic '{topic}'; use one of {', '.join(TOPICS)}")
        return []
    if topic != expected:
        c.error(d.line_of("topic"), f"'topic: {topic}' does not match the file name '{c.path.name}'")
    raw = d.get("entries")
    if not isinstance(raw, LineList) or not raw:
        c.error(d.line_of("entries"), "the file needs 'entries:' with at least one entry")
        return []
    entries = [x for i, item in enumerate(raw) if (x := _parse_entry(c, item, raw.line_of(i), folder_country, topic, today))]
    if region is not None:
        return [dataclasses.replace(x, region=region) for x in entries]
    generals = [x for x in entries if x.subtopic is None and x.general]
    if c.ok and len(generals) != 1:
        c.error(
            d.line_of("entries"),
            f"a topic file needs exactly one general entry (no subtopic, statuses [all]); found {len(generals)}",
        )
    return entries


def _service_texts(c: _Checker, d: LineDict, key: str, where: str) -> dict[str, str]:
    return c.languages_map(d, key, where)


def _parse_services(c: _Checker, d: LineDict) -> list[AdviceService]:
    services = []
    missing = "the file needs 'advice_services:' with one or two official advice services"
    for i, s in enumerate(c.mappings(d, "advice_services", missing, "advice service")):
        name = c.text(s, "name", f"advice service {i + 1}")
        helps = _service_texts(c, s, "helps_with", f"advice service '{name}'")
        url = c.url(s.get("url"), s.line_of("url"), f"advice service '{name}'")
        phone = c.text(s, "phone", f"advice service '{name}'", required=False)
        langs = s.get("languages", [])
        hours = c.languages_map(s, "hours", f"advice service '{name}'") if s.get("hours") is not None else {}
        if name and helps and url:
            services.append(AdviceService(name, helps, url, phone, tuple(langs or ()), hours))
    return services


def _parse_regional_services(c: _Checker, doc: Any, cc: str, region: str) -> list[AdviceService]:
    """regions/<region>/services.yml: advice services of a region or city."""
    d = c.mapping(doc, "the file", 1)
    if d is None:
        return []
    if d.get("country") != cc or d.get("region") != region:
        c.error(d.line, f"a regional services file needs 'country: {cc}' and 'region: {region}'")
    services = _parse_services(c, d)
    c.sources(d, "services.yml")
    c.date(d, "reviewed", "services.yml")
    return services if c.ok else []


def _parse_country(c: _Checker, doc: Any, folder_country: str, today: dt.date) -> Country | None:
    d = c.mapping(doc, "the file", 1)
    if d is None:
        return None
    if d.get("country") != folder_country:
        c.error(
            d.line_of("country"), f"'country: {d.get('country')}' must be '{folder_country}' (the folder's name in upper case)"
        )
    hosts = d.get("host_languages", [])
    if not isinstance(hosts, list) or any(h not in ALL_LANGUAGES for h in hosts):
        c.error(d.line_of("host_languages"), f"'host_languages' must be a list of language codes from {', '.join(ALL_LANGUAGES)}")
        hosts = []
    phones = []
    missing = "country.yml needs 'emergency:' with at least the number 112"
    for i, p in enumerate(c.mappings(d, "emergency", missing, "emergency number")):
        number = c.text(p, "number", f"emergency number {i + 1}")
        if number and not _PHONE.match(number):
            c.error(p.line_of("number"), f"'{number}' is not a phone number (digits and spaces only)")
        service = _service_texts(c, p, "service", f"emergency number {number}")
        if number and service:
            phones.append(Phone(number, service))
    if phones and "112" not in {p.number for p in phones}:
        c.error(d.line_of("emergency"), "the emergency numbers must include 112")
    crisis = None
    if d.get("crisis_line") is not None:
        cl = c.mapping(d["crisis_line"], "crisis_line", d.line_of("crisis_line"))
        if cl is not None:
            number = c.text(cl, "number", "crisis_line")
            name = c.text(cl, "name", "crisis_line")
            service = _service_texts(c, cl, "service", "crisis_line")
            url = c.url(cl["url"], cl.line_of("url"), "crisis_line url") if cl.get("url") else None
            if number and name and service:
                crisis = CrisisLine(number, name, service, url)
    services = _parse_services(c, d)
    portal = None
    if d.get("portal") is not None:
        p = c.mapping(d["portal"], "portal", d.line_of("portal"))
        if p is not None:
            title = c.text(p, "title", "portal")
            url = c.url(p.get("url"), p.line_of("url"), "portal")
            if title and url:
                portal = Source(title, url)
    sources = c.sources(d, "country.yml")
    reviewed = c.date(d, "reviewed", "country.yml")
    if not c.ok or reviewed is None:
        return None
    return Country(folder_country, tuple(hosts), tuple(phones), tuple(services), sources, reviewed, portal, crisis)


def load_knowledge(root: Path, today: dt.date | None = None) -> tuple[KnowledgeBase, list[Problem]]:
    """Load every country folder under root. Invalid files are left out and reported."""
    today = today or dt.date.today()
    kb = KnowledgeBase()
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    if not root.is_dir():
        return kb, [Problem(str(root), 0, "the knowledge folder does not exist")]
    for folder in sorted(
        p for p in root.iterdir() if p.is_dir() and p.name not in ("places",) and not p.name.startswith((".", "_"))
    ):
        cc = folder.name.upper()
        if cc not in ISO_COUNTRIES or folder.name != folder.name.lower():
            problems.append(
                Problem(
                    str(folder.relative_to(root.parent)),
                    0,
                    f"folder '{folder.name}' is not a lower-case ISO country code (e.g. de, fr)",
                )
            )
            continue
        files = [(p, None) for p in sorted(folder.glob("*.y*ml"))]
        regions = folder / "regions"
        if regions.is_dir():
            files += [(p, p.parent.name.upper()) for p in sorted(regions.glob("*/*.y*ml"))]
        for path, region in files:
            c = _Checker(path, root)
            try:
                doc = load(path)
            except YamlError as exc:
                c.error(exc.line, exc.message)
                problems.extend(c.problems)
                continue
            if path.stem == "services" and region is not None:
                services = _parse_regional_services(c, doc, cc, region)
                if services:
                    kb.regional_services[(cc, region)] = tuple(services)
            elif path.stem == "country" and region is None:
                country = _parse_country(c, doc, cc, today)
                if country and c.ok:
                    kb.countries[cc] = country
            elif path.stem in TOPICS:
                if region is not None and not region.startswith(f"{cc}-"):
                    c.error(1, f"regional folder '{path.parent.name}' must be an ISO 3166-2 code of {cc}, e.g. {cc.lower()}-be")
                entries = _parse_topic_file(c, doc, cc, today, region)
                for entry in entries:
                    if entry.id in seen_ids:
                        c.error(entry.line, f"id '{entry.id}' is already used in {seen_ids[entry.id]}; ids must be unique")
                    seen_ids.setdefault(entry.id, f"{c.name}:{entry.line}")
                if c.ok:
                    kb.entries.extend(entries)
            else:
                c.error(1, f"unknown file name '{path.name}': use country.yml or one of {', '.join(t + '.yml' for t in TOPICS)}")
            problems.extend(c.problems)
        if any(e.country == cc for e in kb.entries) and cc not in kb.countries:
            problems.append(
                Problem(
                    str(folder.relative_to(root.parent)),
                    0,
                    f"{cc} has answers but no valid country.yml (emergency numbers, advice services)",
                )
            )
    return kb, problems


def missing_languages(entry: Entry) -> list[str]:
    return [lang for lang in CORE_LANGUAGES if lang not in entry.answer]
