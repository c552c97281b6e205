"""Import and export of indicator values in one template (CSV or XLSX).

For performance teams whose packs show only images: a row per indicator and period, with the
value and, optionally, the target and benchmark values as at that period.

    indicator, code, unit, section, period, value, target, statistical_neighbours, region, england

Every row is checked first; the officer sees what will be added and which rows were rejected
and why; nothing is written until they confirm, and then all in one transaction.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import time
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from openpyxl import load_workbook

from indicators.cache import figures_changed
from indicators.models import (
    Benchmark,
    Indicator,
    IndicatorAlias,
    Observation,
    Source,
    Target,
    Unit,
)
from indicators.periods import period_bounds, period_fields
from indicators.selectors import PUBLISHED, current_revisions, published_observations
from meetings.ingest.indicators.periods import parse_period as read_period
from meetings.ingest.indicators.values import NO_VALUE  # the PDF reader's own "no value"
from meetings.services.text_match import normalised
from scrutiny.exports import export_file

from .values import renumber_revisions

COLUMNS = [
    "indicator",
    "code",
    "unit",
    "section",
    "period",
    "value",
    "target",
    "statistical_neighbours",
    "region",
    "england",
]
BENCHMARK_COLUMNS = ["statistical_neighbours", "region", "england"]
UNIT_WORDS = {
    "percentage": Unit.PERCENT,
    "%": Unit.PERCENT,
    "number": Unit.COUNT,
    "rate": Unit.RATE,
    "rate per 10,000": Unit.RATE_PER_10K,
}


class UnreadableFile(ValueError):
    """The file as a whole cannot be read."""


@dataclass
class ImportRow:
    line: int
    indicator: str
    unit: str
    period: str
    value: float | None
    code: str = ""
    section: str = ""
    target: float | None = None
    benchmarks: dict = field(default_factory=dict)
    existing: Indicator | None = None


@dataclass
class ImportPlan:
    rows: list[ImportRow]
    rejected: list[tuple[int, str, str]]  # (line, what was there, why)

    @property
    def new_indicators(self):
        return sorted({r.indicator for r in self.rows if r.existing is None})


def max_rows() -> int:
    return int(getattr(settings, "IMPORT_MAX_ROWS", 20_000))


def max_bytes() -> int:
    return int(getattr(settings, "IMPORT_MAX_BYTES", 5 * 1024 * 1024))


def preview_seconds() -> int:
    """An unconfirmed preview's file is kept this long, then removed."""
    return int(getattr(settings, "IMPORT_PREVIEW_SECONDS", 3600))


def check_size(size: int) -> None:
    if size > max_bytes():
        raise UnreadableFile(
            f"The file is {size / 2**20:.1f} MB; an import can be at most "
            f"{max_bytes() / 2**20:.0f} MB. Split it into smaller files."
        )


def too_many_rows() -> UnreadableFile:
    return UnreadableFile(
        f"The file has more than {max_rows():,} rows; an import can have at most "
        f"{max_rows():,}. Split it into smaller files (one per year, say)."
    )


def read_table(content: bytes, filename: str) -> list[dict]:
    """The rows as {column: value}, read as a stream and refused past the size and row limits.

    Read with csv/openpyxl rather than tablib: tablib loads the whole sheet before we can count
    it, and drops blank lines (the officer is told "line 12", which must be line 12 of the file).
    """
    check_size(len(content))
    if filename.lower().endswith(".xlsx"):
        rows = xlsx_rows(content)
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252")
        rows = csv.reader(io.StringIO(text))
    header = None
    table = []
    for row in rows:
        if header is None:
            header = [str(h or "").strip().lower() for h in row]
            continue
        if len(table) >= max_rows():
            raise too_many_rows()
        table.append(dict(zip(header, row, strict=False)))
    return table


def xlsx_rows(content: bytes):
    """The active sheet's rows, streamed (openpyxl read-only), its first columns only."""

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(
            "The spreadsheet could not be opened; save it as .xlsx or .csv and try again."
        ) from exc
    if unpacked > 40 * max_bytes():  # a zip bomb: 5 MB that unpacks to gigabytes
        raise UnreadableFile(
            f"The spreadsheet unpacks to {unpacked / 2**20:,.0f} MB, too large to import; "
            "save it as .csv and try again."
        )
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = book.active
    except Exception as exc:
        raise UnreadableFile(
            "The spreadsheet could not be opened; save it as .xlsx or .csv and try again."
        ) from exc
    try:
        yield from sheet.iter_rows(values_only=True, max_col=len(COLUMNS) + 10)
    finally:
        book.close()


def parse_period(raw) -> str | None:
    """'2021-04', a spreadsheet date, or anything the PDF reader takes as a period ('Apr-21',
    'April 2021', '2020-21', '20/21') -> PACK_SCHEMA label: one reading of periods, the ingest's."""
    if isinstance(raw, datetime.datetime | datetime.date):
        return f"{raw.year:04d}-{raw.month:02d}"
    text = str(raw or "").strip().replace("’", "'")
    if re.fullmatch(r"\d{4}-\d{2}", text) and period_bounds(text)[1] is not None:
        return text
    return read_period(text)


def parse_number(raw):
    """A number, None for no value (TBC, N/A, blank), or raises ValueError."""
    if raw is None or isinstance(raw, int | float):
        return None if raw is None else float(raw)
    text = str(raw).strip().lower().replace(",", "").replace("%", "").replace("£", "")
    if text in NO_VALUE:
        return None
    return float(text)


def plan_import(committee, table: list[dict]) -> ImportPlan:
    if table and "indicator" not in table[0]:
        raise UnreadableFile("The file has no 'indicator' column: start from the template.")
    indicators = {}
    for indicator in Indicator.objects.filter(committee=committee).prefetch_related("aliases"):
        for key in {normalised(indicator.name), *(a.key for a in indicator.aliases.all())}:
            indicators[(key, indicator.unit)] = indicator
    by_name = {}
    for (key, _unit), indicator in indicators.items():
        by_name.setdefault(key, []).append(indicator)
    rows, rejected = [], []
    for line, raw in enumerate(table, start=2):
        name = " ".join(str(raw.get("indicator") or "").split())
        if not name and not any(raw.values()):
            continue
        shown = ", ".join(str(v) for v in raw.values() if v not in (None, ""))[:120]
        if not name:
            rejected.append((line, shown, "No indicator name."))
            continue
        unit_text = str(raw.get("unit") or "").strip().lower()
        unit = unit_text if unit_text in Unit.values else UNIT_WORDS.get(unit_text)
        known = by_name.get(normalised(name), [])
        if unit is None and len(known) == 1 and not unit_text:
            unit = known[0].unit
        if unit is None:
            rejected.append(
                (
                    line,
                    shown,
                    f"Unknown unit “{raw.get('unit') or ''}”: use one of {', '.join(Unit.values)}.",
                )
            )
            continue
        existing = indicators.get((normalised(name), unit))
        if existing is None and known:
            rejected.append(
                (
                    line,
                    shown,
                    f"“{name}” exists as a {known[0].get_unit_display().lower()}, not {unit}: series are never joined across units.",
                )
            )
            continue
        period = parse_period(raw.get("period"))
        if period is None:
            rejected.append(
                (
                    line,
                    shown,
                    f"Period “{raw.get('period') or ''}” is not a month (2021-04, Apr-21) or financial year (2020-21).",
                )
            )
            continue
        try:
            value = parse_number(raw.get("value"))
            target = parse_number(raw.get("target"))
            benchmarks = {kind: parse_number(raw.get(kind)) for kind in BENCHMARK_COLUMNS}
        except ValueError:
            rejected.append((line, shown, "A value, target or benchmark is not a number."))
            continue
        if value is None and target is None and not any(v is not None for v in benchmarks.values()):
            rejected.append((line, shown, "No value (blank, TBC or N/A): nothing to import."))
            continue
        rows.append(
            ImportRow(
                line=line,
                indicator=name,
                unit=unit,
                period=period,
                value=value,
                code=str(raw.get("code") or "").strip()[:30],
                section=str(raw.get("section") or "").strip()[:200],
                target=target,
                benchmarks={k: v for k, v in benchmarks.items() if v is not None},
                existing=existing,
            )
        )
    return ImportPlan(rows, rejected)


@transaction.atomic
def apply_import(committee, plan: ImportPlan, on: datetime.date | None = None) -> int:
    on = on or timezone.localdate()
    created: dict[tuple[str, str], Indicator] = {}
    touched = set()
    for row in plan.rows:
        indicator = row.existing or created.get((normalised(row.indicator), row.unit))
        if indicator is None:
            indicator = Indicator.objects.create(
                committee=committee,
                name=row.indicator[:400],
                unit=row.unit,
                code=row.code,
                section=row.section,
            )
            IndicatorAlias.objects.create(
                indicator=indicator, name=row.indicator[:400], key=normalised(row.indicator)[:400]
            )
            created[(normalised(row.indicator), row.unit)] = indicator
        common = {
            "indicator": indicator,
            "source": Source.IMPORT,
            "reported_on": on,
            **period_fields(row.period),
        }
        if row.value is not None:
            Observation.objects.create(
                **common,
                value=row.value,
                review=Observation.Review.CONFIRMED,
            )
        if row.target is not None:
            Target.objects.create(**common, value=row.target)
        for bench_kind, value in row.benchmarks.items():
            Benchmark.objects.create(
                **common,
                kind=bench_kind,
                value=value,
            )
        touched.add(indicator.pk)
    renumber_revisions(touched)
    figures_changed(committee.pk)
    return len(plan.rows)


def export_rows(indicators) -> list[list]:
    """The current value of every period of these indicators, in the import template's columns."""

    out = []
    indicators = list(indicators)
    targets = {}
    for target in Target.objects.filter(PUBLISHED, indicator__in=indicators).order_by(
        "reported_on"
    ):
        targets[(target.indicator_id, target.period)] = target.value
    benches = {}
    for bench in (
        Benchmark.objects.filter(PUBLISHED, indicator__in=indicators, kind__in=BENCHMARK_COLUMNS)
        .exclude(period="")
        .order_by("reported_on")
    ):
        benches[(bench.indicator_id, bench.period, bench.kind)] = bench.value
    names = {i.pk: i for i in indicators}
    for obs in current_revisions(
        published_observations().filter(indicator__in=indicators)
    ).order_by("indicator__name", "period_start"):
        ind = names[obs.indicator_id]
        out.append(
            [
                ind.name,
                ind.code,
                ind.unit,
                ind.section,
                obs.period,
                obs.value,
                targets.get((ind.pk, obs.period)),
            ]
            + [benches.get((ind.pk, obs.period, kind)) for kind in BENCHMARK_COLUMNS]
        )
    return out


# --- the two steps the officer takes, and the template file --------------------------------


def kept_uploads() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def remove_expired_previews(now: float | None = None) -> int:
    """Files of previews nobody confirmed, older than IMPORT_PREVIEW_SECONDS, are removed."""
    now = time.time() if now is None else now
    removed = 0
    for kept in kept_uploads().iterdir():
        if now - kept.stat().st_mtime > preview_seconds():
            kept.unlink(missing_ok=True)
            removed += 1
    return removed


def preview_import(committee, content: bytes, filename: str) -> tuple[ImportPlan, str]:
    """Check a file and keep it until the officer confirms: -> (what would happen, a token).

    The token is this panel's: confirming it on another panel's page finds nothing.
    """
    remove_expired_previews()
    try:
        plan = plan_import(committee, read_table(content, filename))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UnreadableFile(
            "The file could not be read as CSV; save it as .csv (UTF-8) or .xlsx."
        ) from exc
    token = str(uuid.uuid4())
    suffix = ".xlsx" if filename.lower().endswith(".xlsx") else ".csv"
    (kept_uploads() / f"{committee.pk}-{token}{suffix}").write_bytes(content)
    return plan, token


class PreviewGone(UnreadableFile):
    """The preview's token is unknown, expired, or belongs to another panel."""


def confirm_import(committee, token: str) -> int:
    """Import the file kept under `token` (checked again: the series may have changed since)."""
    try:
        key = uuid.UUID(str(token))
    except ValueError:
        key = None
    stored = next(kept_uploads().glob(f"{committee.pk}-{key}.*"), None) if key else None
    if stored is not None and time.time() - stored.stat().st_mtime > preview_seconds():
        stored.unlink(missing_ok=True)
        stored = None
    if stored is None:
        raise PreviewGone(
            "That preview has expired or was made for another panel; choose the file again."
        )
    count = apply_import(
        committee, plan_import(committee, read_table(stored.read_bytes(), stored.name))
    )
    stored.unlink(missing_ok=True)
    return count


def template_file(indicators, fmt: str) -> tuple[bytes, str]:
    """The indicators' values in the import template, as CSV or XLSX bytes and a content type."""
    return export_file(COLUMNS, export_rows(indicators), fmt, "values")
