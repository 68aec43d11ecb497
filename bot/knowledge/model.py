"""The knowledge base as plain data, after validation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

TOPICS: dict[str, tuple[str, ...]] = {
    "healthcare": ("insurance", "doctor", "pregnancy"),
    "schooling": ("enrol", "kindergarten", "adult_language"),
    "recognition": ("academic", "regulated", "no_documents"),
    "housing": ("social", "renting", "discrimination", "asylum_accommodation"),
}
STATUSES: tuple[str, ...] = (
    "asylum_seeker",
    "refugee",
    "temporary_protection",
    "eu_citizen",
    "worker_family",
    "undocumented",
)
TRANSLATION_STATES = ("original", "machine-assisted", "reviewed")
DEFAULT_REVIEW_DAYS = 180


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Entry:
    id: str
    country: str
    topic: str
    subtopic: str | None
    statuses: frozenset[str]  # empty = for everyone
    terms: tuple[str, ...]
    sources: tuple[Source, ...]
    reviewed: dt.date
    review_due: dt.date
    answer: dict[str, str]
    translation: dict[str, str]
    region: str | None = None
    file: str = ""
    line: int = 0

    @property
    def general(self) -> bool:
        return not self.statuses


@dataclass(frozen=True)
class Phone:
    number: str
    service: dict[str, str]


@dataclass(frozen=True)
class CrisisLine:
    number: str
    name: str
    service: dict[str, str]
    url: str | None = None


@dataclass(frozen=True)
class AdviceService:
    name: str
    helps_with: dict[str, str]
    url: str
    phone: str | None = None
    languages: tuple[str, ...] = ()
    hours: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Country:
    code: str
    host_languages: tuple[str, ...]
    emergency: tuple[Phone, ...]
    advice_services: tuple[AdviceService, ...]
    sources: tuple[Source, ...]
    reviewed: dt.date
    portal: Source | None = None
    crisis_line: CrisisLine | None = None


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    regional_services: dict[tuple[str, str], tuple[AdviceService, ...]] = field(default_factory=dict)

    def services_for(self, country: str, region: str | None = None) -> tuple[AdviceService, ...]:
        """Advice services of the user's region or city first, then national ones."""
        national = self.countries[country].advice_services if country in self.countries else ()
        return self.regional_services.get((country, region or ""), ()) + tuple(national)

    def covers(self, country: str | None) -> bool:
        return bool(country) and any(e.country == country for e in self.entries)

    def entries_for(self, country: str, topic: str) -> list[Entry]:
        return [e for e in self.entries if e.country == country and e.topic == topic]
