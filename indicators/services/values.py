"""Indicator values read from a pack: into Observation / Benchmark / Target / Commentary.

Which series a printed indicator continues is decided by `series.series_for` (the same wording
or an alias continues it; a wording `indicators.matching` is certain of joins it; a possible match
starts a new series with suggestions for an officer); series never join across units.
"""

from __future__ import annotations

import re

from indicators.models import (
    Benchmark,
    Commentary,
    Indicator,
    Observation,
    Polarity,
    Source,
    Target,
)
from indicators.periods import period_fields
from meetings.models import published_rows


def not_yet_stored(pack, indicator, observations):
    # series.py imports this module (infer_polarity): asked for when called, not at import
    from indicators.services.series import not_yet_stored  # noqa: PLC0415

    return not_yet_stored(pack, indicator, observations)


def store_indicator_values(pack, committee, meeting, extraction):
    reported_on = meeting.date
    for item in extraction.get("indicators") or []:
        if not (item.get("name") or "").strip():
            continue
        indicator = indicator_for(pack, committee, item)
        printed = " ".join(item["name"].split())[:400]
        source = item.get("source") if item.get("source") in Source.values else Source.TABLE
        observations = []
        for value in item.get("values") or []:
            if value.get("value") is None:
                continue
            observations.append(
                Observation(
                    indicator=indicator,
                    **period_fields(value.get("period")),
                    value=float(value["value"]),
                    pack=pack,
                    pdf_page=value.get("page") or item.get("page"),
                    bbox=value.get("bbox"),
                    source=source,
                    reported_on=reported_on,
                    printed_as=printed,
                )
            )
        Observation.objects.bulk_create(not_yet_stored(pack, indicator, observations))
        if item.get("target") is not None:
            Target.objects.create(
                indicator=indicator,
                value=float(item["target"]),
                pack=pack,
                pdf_page=item.get("page"),
                source=source,
                reported_on=reported_on,
                printed_as=printed,
            )
        Benchmark.objects.bulk_create(
            benchmark_row(indicator, pack, item, bench, source, reported_on)
            for bench in item.get("benchmarks") or []
            if bench.get("value") is not None
        )
    Commentary.objects.bulk_create(
        Commentary(
            committee=committee,
            section=(block.get("section") or "")[:200],
            heading=(block.get("heading") or "")[:200],
            text=block.get("text") or "",
            pack=pack,
            pdf_page=block.get("page"),
            source=Source.TABLE,
            reported_on=reported_on,
        )
        for block in extraction.get("commentary") or []
        if block.get("text")
    )


def benchmark_row(indicator, pack, item, bench, source, reported_on):
    return Benchmark(
        indicator=indicator,
        kind=bench.get("kind")
        if bench.get("kind") in Benchmark.Kind.values
        else Benchmark.Kind.OTHER,
        label=(bench.get("label") or "")[:200],
        **period_fields(bench.get("period")),
        value=float(bench["value"]),
        pack=pack,
        pdf_page=item.get("page"),
        source=source,
        reported_on=reported_on,
        printed_as=" ".join(item["name"].split())[:400],
    )


def indicator_for(pack, committee, item) -> Indicator:
    # series.py imports this module: asked for when called
    from indicators.services.series import series_for  # matching lives with the series  # noqa: PLC0415

    return series_for(pack, committee, item)


LOWER_IS_BETTER = re.compile(
    r"re-?referr|repeat|missing|exclusions?\b|excluded from|\bneet\b|not in education|3\s*\+?\s*(?:or more )?(?:placements|moves)|"
    r"placement moves|overdue|late\b|delay|out of (?:area|timescale)|agency (?:staff|social)|vacanc|turnover|"
    r"re-?offend|first time entrants|custody|complaints|waiting",
    re.IGNORECASE,
)
HIGHER_IS_BETTER = re.compile(
    r"\bwithin\b|in \d+ (?:working )?days|on time|in time|timel|up to date|visit|seen\b|"
    r"supervision|reviews? (?:held|completed)|health assessments|permanence|attendance|good or outstanding|"
    r"achiev|attain|participation|in education, employment|\beet\b|stability",
    re.IGNORECASE,
)


def infer_polarity(name: str) -> str:
    """A first guess at whether higher is better, from the wording; officers confirm or change it.
    Volumes (contacts, referrals, children in care) are neither: more is not better or worse."""
    if LOWER_IS_BETTER.search(name):
        return Polarity.LOWER_BETTER
    if HIGHER_IS_BETTER.search(name):
        return Polarity.HIGHER_BETTER
    return Polarity.NEITHER


def clear_indicator_values(pack):
    # series.py imports this module: asked for when called
    from indicators.services.series import forget_pack  # noqa: PLC0415

    forget_pack(pack)
    for model in (Observation, Benchmark, Target, Commentary):
        model.objects.filter(pack=pack).delete()
    orphans = Indicator.objects.filter(pack=pack, observations=None, benchmarks=None, targets=None)
    orphans.delete()


def renumber_revisions(indicator_ids):
    """Number each period's published values in the order their packs reported them."""
    rows = (
        Observation.objects.filter(indicator_id__in=indicator_ids)
        .filter(published_rows())
        .exclude(review=Observation.Review.DROPPED)
        .order_by("indicator_id", "period", "reported_on", "id")
    )
    changed, last_key, n = [], None, 0
    for obs in rows:
        key = (obs.indicator_id, obs.period)
        n = n + 1 if key == last_key else 1
        last_key = key
        if obs.revision != n:
            obs.revision = n
            changed.append(obs)
    Observation.objects.bulk_update(changed, ["revision"])
