"""Read queries for deciding series: suggestions side by side, a series' wordings and joins.

These pages are for officers, so values from packs still in review count too (a suggestion is
raised while the pack is a draft); dropped values never do.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from indicators.models import Indicator, Observation, SeriesJoin, SeriesSuggestion
from indicators.periods import period_label
from indicators.status import format_value

LIVE = ~Q(review=Observation.Review.DROPPED) & ~Q(pack__status__in=["discarded", "superseded"])


@dataclass
class Summary:
    """One side of a pair: what an officer needs to tell two series apart."""

    indicator: Indicator
    first: str = ""
    last: str = ""
    count: int = 0
    last_value: str = "–"
    packs: str = ""

    @property
    def periods(self) -> str:
        if not self.count:
            return "no values"
        span = self.first if self.first == self.last else f"{self.first} – {self.last}"
        return f"{span} ({self.count} value{'s' if self.count != 1 else ''})"


def summaries(indicators) -> dict[int, Summary]:
    """Summaries of several series in one query."""
    found = {i.pk: Summary(i) for i in indicators}
    rows = (
        Observation.objects.filter(LIVE, indicator_id__in=found)
        .exclude(period_start=None)
        .select_related("pack__meeting")
        .order_by("period_start", "reported_on", "id")
        .only("indicator_id", "period", "value", "pack__meeting__date", "period_start")
    )
    packs: dict[int, list] = {pk: [] for pk in found}
    for obs in rows:
        summary = found[obs.indicator_id]
        summary.first = summary.first or period_label(obs.period)
        if summary.last != period_label(obs.period):
            summary.count += 1
        summary.last = period_label(obs.period)
        summary.last_value = format_value(obs.value, summary.indicator.unit)
        meeting = obs.pack.meeting.date if obs.pack_id and obs.pack.meeting_id else None
        if meeting and meeting not in packs[obs.indicator_id]:
            packs[obs.indicator_id].append(meeting)
    for pk, dates in packs.items():
        found[pk].packs = ", ".join(d.strftime("%b %Y") for d in dates)
    return found


@dataclass
class Pair:
    suggestion: SeriesSuggestion
    new: Summary
    existing: Summary


def pairs(suggestions) -> list[Pair]:
    suggestions = list(suggestions.select_related("indicator", "candidate"))
    seen = summaries({s.indicator for s in suggestions} | {s.candidate for s in suggestions})
    return [Pair(s, seen[s.indicator_id], seen[s.candidate_id]) for s in suggestions]


def open_suggestions(committee):
    return SeriesSuggestion.objects.filter(indicator__committee=committee).order_by(
        "-pack__meeting__date", "-score", "id"
    )


def suggestions_for(indicator):
    return pairs(SeriesSuggestion.objects.filter(Q(indicator=indicator) | Q(candidate=indicator)))


def joins_of(committee, limit=50):
    return list(
        SeriesJoin.objects.filter(committee=committee)
        .select_related("series", "pack__meeting", "joined_by", "split_by", "split_into")
        .order_by("-joined_at", "-id")[:limit]
    )


@dataclass
class Wording:
    name: str
    first: str
    last: str
    count: int


def wordings_of(indicator) -> list[Wording]:
    """Which wording each period was printed under, in the order they were first used."""
    found: dict[str, Wording] = {}
    rows = (
        Observation.objects.filter(LIVE, indicator=indicator)
        .exclude(period_start=None)
        .order_by("period_start", "reported_on", "id")
        .values_list("printed_as", "period")
    )
    for printed, period in rows:
        name = printed or indicator.name
        wording = found.get(name)
        if wording is None:
            found[name] = Wording(name, period_label(period), period_label(period), 1)
        else:
            wording.last = period_label(period)
            wording.count += 1
    return list(found.values())
