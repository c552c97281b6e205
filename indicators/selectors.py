"""Read queries for the indicator pages, in a constant number of queries.

Dashboards show published values only (drafts are seen on the pack's review screen). Of several
revisions of one period the current one is the latest reported; earlier ones are history.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Max, Q, Window
from django.db.models.functions import RowNumber

from indicators import series_selectors
from indicators import status as st
from indicators.matching import section_key
from indicators.models import (
    Benchmark,
    Commentary,
    Indicator,
    Observation,
    PeriodType,
    SeriesSuggestion,
    Target,
)
from indicators.periods import period_label
from meetings.models import GlossaryTerm, Meeting, Pack, published_rows
from meetings.services.text_match import normalised

PUBLISHED = published_rows()
RECENT_DAYS = 400  # enough for the previous period and the same month last year


def published_observations():
    return Observation.objects.filter(PUBLISHED).exclude(review=Observation.Review.DROPPED)


def current_revisions(observations):
    """One row per indicator and period: the one reported last."""
    ranked = observations.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("indicator_id"), F("period")],
            order_by=[F("reported_on").desc(nulls_last=True), F("id").desc()],
        )
    )
    return ranked.filter(rank=1)


def latest_per(queryset, *keys):
    ranked = queryset.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F(k) for k in keys],
            order_by=[F("reported_on").desc(nulls_last=True), F("id").desc()],
        )
    )
    return ranked.filter(rank=1)


@dataclass(repr=False)  # django-tables2 reprs records; keep that free of queries
class Row:
    indicator: Indicator
    latest: Observation | None = None
    previous: Observation | None = None
    year_ago: Observation | None = None
    target: float | None = None
    benchmarks: dict = field(default_factory=dict)
    last_meeting: datetime.date | None = None
    stale: bool = False  # not reported in the panel's latest pack: shown apart, not counted

    def __repr__(self):
        return f"Row({self.indicator.name!r})"

    @property
    def section_key(self):
        """Sections in order, indicators without one last."""
        return self.indicator.section or "\uffff"

    @property
    def unit(self):
        return self.indicator.unit

    @property
    def value(self):
        return self.latest.value if self.latest else None

    @property
    def period(self):
        return period_label(self.latest.period) if self.latest else ""

    @property
    def rag(self) -> st.Status:
        return st.rag(self.value, self.target, self.indicator.polarity, self.unit)

    @property
    def rag_rank(self) -> int:
        """Worst first when sorting by status."""
        return {"red": 0, "amber": 1, "green": 2}.get(self.rag.key, 3)

    @property
    def direction(self) -> st.Direction:
        return st.direction(
            self.value, self.previous.value if self.previous else None, self.indicator.polarity
        )

    @property
    def change(self):
        return st.change(self.value, self.previous.value if self.previous else None)

    @property
    def year_change(self):
        return st.change(self.value, self.year_ago.value if self.year_ago else None)

    def benchmark(self, kind):
        found = self.benchmarks.get(kind)
        return found.value if found else None

    @property
    def worse_than_neighbours(self):
        return st.worse_than(
            self.value, self.benchmark("statistical_neighbours"), self.indicator.polarity
        )

    @property
    def last_reported(self) -> str:
        """'last reported Feb 2022': the period of its latest value."""
        return f"last reported {self.period}" if self.latest else "never reported"

    @property
    def changed_since_last_meeting(self):
        return bool(
            self.latest and self.last_meeting and self.latest.reported_on == self.last_meeting
        )


def dashboard_rows(committee, indicators=None) -> list[Row]:
    """Rows for the given indicators (a filtered queryset) of a panel; all of them by default."""
    if indicators is None:
        indicators = Indicator.objects.filter(committee=committee)
    indicators = list(indicators.select_related("committee").order_by("section", "name"))
    ids = [i.pk for i in indicators]
    rows = {i.pk: Row(i) for i in indicators}

    for pk, series in recent_series(ids).items():
        place(rows[pk], series)

    for target in latest_per(
        Target.objects.filter(PUBLISHED, indicator_id__in=ids), "indicator_id"
    ):
        rows[target.indicator_id].target = target.value
    for bench in latest_per(
        Benchmark.objects.filter(PUBLISHED, indicator_id__in=ids), "indicator_id", "kind"
    ):
        rows[bench.indicator_id].benchmarks[bench.kind] = bench
    last_meeting = last_published_meeting(committee)
    latest_pack, reported = reported_in_latest_pack(committee, ids)
    names = section_names(committee)
    for row in rows.values():
        row.last_meeting = last_meeting
        row.stale = latest_pack is not None and row.indicator.pk not in reported
        # One priority area worded differently in two packs is one section (in memory only).
        row.indicator.section = names.get(row.indicator.section, row.indicator.section)
    found = [rows[i.pk] for i in indicators if rows[i.pk].latest is not None]
    return sorted(found, key=lambda r: (r.section_key, r.indicator.name))


def split_stale(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """(rows reported in the latest pack, rows it no longer reports)."""
    return [r for r in rows if not r.stale], [r for r in rows if r.stale]


def reported_in_latest_pack(committee, ids) -> tuple[datetime.date | None, set[int]]:
    """The date of the panel's latest published pack with figures, and which indicators have a
    value reported then or since (an import after it counts as current too)."""
    latest = (
        Observation.objects.filter(
            indicator__committee=committee, pack__status=Pack.Status.PUBLISHED
        )
        .aggregate(last=Max("reported_on"))
        .get("last")
    )
    if latest is None:
        return None, set()
    current = published_observations().filter(
        Q(reported_on__gte=latest) | Q(pack=None, reported_on=None), indicator_id__in=ids
    )
    return latest, set(current.values_list("indicator_id", flat=True).distinct())


def section_names(committee) -> dict[str, str]:
    """Every printed wording of a section → the one wording shown: the latest pack's. Kept on the
    panel object, so the filters, the table and the headline of one page ask once."""
    known = getattr(committee, "_section_names", None)
    if known is not None:
        return known
    last_used = (
        Indicator.objects.filter(committee=committee)
        .exclude(section="")
        .values_list("section")
        .annotate(last=Max("observations__reported_on"))
        .values_list("section", "last")
    )
    by_key: dict[str, list[tuple[datetime.date, str]]] = defaultdict(list)
    for wording, last in last_used:
        by_key[section_key(wording)].append((last or datetime.date.min, wording))
    names = {}
    for wordings in by_key.values():
        shown = max(wordings)[1]
        for _, wording in wordings:
            names[wording] = shown
    if hasattr(committee, "pk"):
        committee._section_names = names
    return names


def wordings_of_section(committee, section) -> list[str]:
    names = section_names(committee)
    shown = names.get(section, section)
    return [w for w, display in names.items() if display == shown] or [section]


def recent_series(ids) -> dict[int, list[Observation]]:
    """Each indicator's current values over the last ~13 months it reported, oldest first.

    Two queries: each indicator's last period, then the values since its cutoff (indicators
    reporting to the same month share a cutoff, so the filter stays short). Of several revisions
    of a period the one reported last wins.
    """
    last = dict(
        published_observations()
        .filter(indicator_id__in=ids)
        .values_list("indicator_id")
        .annotate(last=Max("period_start"))
        .values_list("indicator_id", "last")
    )
    by_cutoff = defaultdict(list)
    for pk, last_start in last.items():
        if last_start:
            by_cutoff[last_start - datetime.timedelta(days=RECENT_DAYS)].append(pk)
    if not by_cutoff:
        return {}
    recent = Q()
    for cutoff, members in by_cutoff.items():
        recent |= Q(indicator_id__in=members, period_start__gte=cutoff)
    current: dict[tuple[int, str], Observation] = {}
    rows = published_observations().filter(recent).order_by("reported_on", "id")
    for obs in rows.only(
        "id",
        "indicator_id",
        "period",
        "period_type",
        "period_start",
        "value",
        "reported_on",
        "pack_id",
        "pdf_page",
        "source",
    ):
        current[(obs.indicator_id, obs.period)] = obs
    series = defaultdict(list)
    for obs in sorted(current.values(), key=lambda o: o.period_start):
        series[obs.indicator_id].append(obs)
    return series


def place(row: Row, series: list[Observation]):
    """The latest value, the one before it of the same kind, and the same period a year earlier."""
    series = [o for o in series if o.period_start]
    if not series:
        return
    latest = series[-1]
    same_kind = [o for o in series if o.period_type == latest.period_type]
    row.latest = latest
    row.previous = same_kind[-2] if len(same_kind) > 1 else None
    if latest.period_type in (PeriodType.MONTH, PeriodType.QUARTER):
        start = latest.period_start
        year_ago = start.replace(year=start.year - 1)
        row.year_ago = next((o for o in same_kind if o.period_start == year_ago), None)


def last_published_meeting(committee):
    return (
        Meeting.objects.filter(committee=committee, packs__status=Pack.Status.PUBLISHED)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )


def sections_of(committee) -> list[str]:
    return sorted(set(section_names(committee).values()))


# --- one indicator ------------------------------------------------------------------------


def indicator_page(indicator) -> dict:
    observations = list(
        published_observations()
        .filter(indicator=indicator)
        .select_related("pack__meeting")
        .order_by("period_start", "reported_on", "id")
    )
    current, history = {}, defaultdict(list)
    for obs in observations:
        history[obs.period].append(obs)
        current[obs.period] = obs  # ordered by report date: the last one is current
    benchmarks = list(
        Benchmark.objects.filter(PUBLISHED, indicator=indicator)
        .select_related("pack")
        .order_by("kind", "period_start", "reported_on")
    )
    targets = list(Target.objects.filter(PUBLISHED, indicator=indicator).order_by("reported_on"))
    commentary = list(
        Commentary.objects.filter(PUBLISHED, committee=indicator.committee)
        .filter(
            Q(indicator=indicator)
            | Q(
                indicator=None,
                section__in=wordings_of_section(indicator.committee, indicator.section),
            )
            if indicator.section
            else Q(indicator=indicator)
        )
        .select_related("pack")
        .order_by("-reported_on", "pdf_page")
    )
    return {
        "indicator": indicator,
        "committee": indicator.committee,
        "series": sorted(current.values(), key=lambda o: o.period_start or datetime.date.min),
        "revised": {period: obs for period, obs in history.items() if len(obs) > 1},
        "benchmarks": benchmarks,
        "targets": targets,
        "target": targets[-1].value if targets else None,
        "commentary": commentary,
        "definition": definition_of(indicator),
        "aliases": list(
            indicator.aliases.exclude(name=indicator.name).values_list("name", flat=True)
        ),
        "wordings": series_selectors.wordings_of(indicator),
        "series_open": SeriesSuggestion.objects.filter(
            Q(indicator=indicator) | Q(candidate=indicator)
        ).exists(),
    }


def definition_of(indicator):
    """The indicator's own definition, else the glossary's entry for a term its name uses."""
    if indicator.definition:
        return {"term": None, "text": indicator.definition}
    name = f" {normalised(indicator.name)} "
    terms = GlossaryTerm.objects.filter(PUBLISHED, committee=indicator.committee).only(
        "term", "definition"
    )
    matches = [t for t in terms if len(t.term) > 2 and f" {normalised(t.term)} " in name]
    if not matches:
        return None
    best = max(matches, key=lambda t: len(t.term))
    return {"term": best.term, "text": best.definition}


def section_page(committee, section) -> list[tuple[Indicator, list[Observation]]]:
    indicators = list(
        Indicator.objects.filter(
            committee=committee, section__in=wordings_of_section(committee, section)
        ).order_by("name")
    )
    series = defaultdict(list)
    for obs in current_revisions(
        published_observations().filter(indicator__in=indicators)
    ).order_by("period_start"):
        series[obs.indicator_id].append(obs)
    targets = {
        t.indicator_id: t.value
        for t in latest_per(
            Target.objects.filter(PUBLISHED, indicator__in=indicators), "indicator_id"
        )
    }
    return [(i, series[i.pk], targets.get(i.pk)) for i in indicators if series[i.pk]]


def filter_rows(rows: list[Row], rag=None, worse_than_neighbours=None, changed=None) -> list[Row]:
    """The filters that depend on computed status rather than stored fields."""
    if rag:
        rows = [r for r in rows if r.rag.key == rag]
    if worse_than_neighbours:
        rows = [r for r in rows if r.worse_than_neighbours]
    if changed:
        rows = [r for r in rows if r.changed_since_last_meeting]
    return rows
