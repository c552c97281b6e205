"""The extraction contract (../shared/PACK_SCHEMA.md) as typed dicts: what `extract()` returns.

One module says what every parser hands back, so a reader sees the output's shape without
running the pipeline, and `warning(page, message)` is the one way a parser says it is unsure.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

SCHEMA_VERSION = "scrutiny-pack/1"

Unit = Literal[
    "percent", "count", "rate_per_10k", "rate", "average", "ratio", "currency", "days", "weeks",
    "other",
]  # fmt: skip
BenchmarkKind = Literal[
    "statistical_neighbours", "region", "england", "own_outturn", "core_cities", "other"
]
ValueSource = Literal["table", "narrative", "ocr"]
TrackerStatus = Literal[
    "complete", "partially_complete", "in_progress", "not_complete", "not_due", "rejected",
    "unknown",
]  # fmt: skip


class ParseWarning(TypedDict):
    page: int | None
    message: str


def warning(page: int | None, message: str) -> ParseWarning:
    """What a parser was unsure of, with the 1-based page it is on (None: the whole pack)."""
    return {"page": page, "message": message}


def sort_warnings(warnings: list[ParseWarning]) -> list[ParseWarning]:
    return sorted(warnings, key=lambda w: (w.get("page") or 0, w.get("message", "")))


class Source(TypedDict):
    filename: str
    sha256: str
    pages: int


class Member(TypedDict):
    name: str
    role: str | None


class AppointedMember(TypedDict):
    name: str | None
    capacity: str | None
    vacancy: NotRequired[bool]


class Contact(TypedDict):
    role: str | None
    name: str | None
    phone: str | None
    email: str | None


class Meeting(TypedDict):
    committee: str | None
    date: str | None
    time: str | None
    venue: str | None
    members: list[Member]
    appointed_members: list[AppointedMember]
    contacts: list[Contact]
    municipal_year_dates: list[str]


class AgendaItem(TypedDict):
    number: int
    title: str
    pages: list[int] | None
    description: str | None
    exempt: bool
    page: int
    pdf_pages: NotRequired[list[int] | None]  # beside the contract: PDF pages of its papers


class MinuteItem(TypedDict):
    number: int | None
    title: str
    resolutions: list[str]
    page: int


class Minutes(TypedDict):
    meeting_date: str | None
    present: list[str]
    apologies: list[str]
    items: list[MinuteItem]


class Report(TypedDict):
    agenda_number: int | None
    subject: str | None
    decision_maker: str | None
    date_of_decision: str | None
    report_of: str | None
    confidential: bool
    summary: NotRequired[str | None]  # the cover sheet's BRIEF SUMMARY (beside the contract)
    recommendations: list[str]
    appendices: list[str]
    page: int


class TrackerRow(TypedDict):
    date: str | None
    title: str | None
    number: int | None
    action_proposed: str | None
    action_taken: str | None
    status: TrackerStatus | None
    status_text: str | None
    page: int


class Value(TypedDict):
    period: str
    value: float | None


class Benchmark(TypedDict):
    label: str
    kind: BenchmarkKind
    period: str | None
    value: float | None


class Indicator(TypedDict):
    name: str
    ref: str | None
    unit: Unit | None
    section: str | None
    values: list[Value]
    target: float | None
    benchmarks: list[Benchmark]
    source: ValueSource
    page: int


class Commentary(TypedDict):
    section: str | None
    heading: str | None
    text: str
    page: int


class GlossaryTerm(TypedDict):
    term: str
    definition: str
    page: NotRequired[int]


class Extraction(TypedDict):
    schema: str
    source: Source
    meeting: Meeting
    agenda: list[AgendaItem]
    minutes: list[Minutes]
    reports: list[Report]
    tracker: list[TrackerRow]
    indicators: list[Indicator]
    commentary: list[Commentary]
    glossary: list[GlossaryTerm]
    warnings: list[ParseWarning]
