"""One series per measure: settings and aliases, and which series a pack's indicator continues
(officers' joins, "different measures" and splits are in `decisions`).

`series_for()` is called for every indicator a pack prints. The same wording (or a recorded
alias) continues its series; a wording `matching` is certain of joins the series and the join
is recorded (so it can be split); a wording that may be the same measure starts a new series
with suggestions an officer answers on the review screen or the "series to check" page.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from indicators import matching
from indicators.cache import figures_changed
from indicators.models import (
    Benchmark,
    Commentary,
    Indicator,
    IndicatorAlias,
    Observation,
    PanelAcronym,
    SeriesDecision,
    SeriesJoin,
    SeriesSuggestion,
    Target,
    Unit,
)
from meetings.models import GlossaryTerm
from meetings.services.text_match import normalised

from .values import infer_polarity

SUGGESTIONS_PER_SERIES = 3
MOVED_KINDS = {
    "observations": Observation,
    "benchmarks": Benchmark,
    "targets": Target,
    "commentary": Commentary,
}


class CannotMerge(ValueError):
    pass


@transaction.atomic
def update_indicator(
    indicator: Indicator, *, aliases: list[str] | None = None, **fields
) -> Indicator:
    for name, value in fields.items():
        setattr(indicator, name, value)
    if "polarity" in fields:
        indicator.polarity_confirmed = True
    indicator.save()
    if aliases is not None:
        set_aliases(indicator, aliases)
    figures_changed(indicator.committee_id)
    return indicator


def set_aliases(indicator: Indicator, names: list[str]):
    wanted = {normalised(n): n.strip() for n in [indicator.name, *names] if n.strip()}
    # A wording some value was printed under stays: the page shows it beside its periods.
    wanted.update(printed_wordings(indicator))
    indicator.aliases.exclude(key__in=wanted).delete()
    existing = set(indicator.aliases.values_list("key", flat=True))
    IndicatorAlias.objects.bulk_create(
        IndicatorAlias(indicator=indicator, name=name[:400], key=key[:400])
        for key, name in wanted.items()
        if key not in existing
    )


def printed_wordings(indicator) -> dict[str, str]:
    names = Observation.objects.filter(indicator=indicator).exclude(printed_as="")
    return {normalised(n): n for n in names.values_list("printed_as", flat=True).distinct()}


# --- reading a pack: which series does this printed indicator continue? ----------------------


def series_for(pack, committee, item) -> Indicator:
    """The series a pack's indicator continues, joined or created (with suggestions)."""

    name = " ".join(item["name"].split())
    unit = item.get("unit") if item.get("unit") in Unit.values else Unit.OTHER
    key = normalised(name)
    same_unit = Indicator.objects.filter(committee=committee, unit=unit)
    found = same_unit.filter(aliases__key=key).first()
    acronyms = acronyms_for(pack, committee)
    me = matching.describe(name, unit, acronyms)
    if found is not None:
        fill_section(found, item)
        return found

    periods = {v.get("period"): v.get("value") for v in item.get("values") or []}
    certain, maybe = [], []
    for candidate in candidates(committee, unit, key, pack, periods):
        described = described_for(pack)
        result = same_code(item, candidate, best_match(me, candidate, acronyms, described))
        if result.verdict == matching.Verdict.SAME:
            certain.append((candidate, result))
        elif result.verdict == matching.Verdict.MAYBE:
            maybe.append((candidate, result))
    if len(certain) == 1:
        candidate, result = certain[0]
        join_printed_wording(candidate, pack, name, key, item, result.reason)
        return candidate

    indicator = Indicator.objects.create(
        committee=committee,
        polarity=infer_polarity(name),
        name=name[:400],
        code=(item.get("ref") or "")[:30],
        unit=unit,
        section=(item.get("section") or "")[:200],
        pack=pack,
    )
    IndicatorAlias.objects.create(indicator=indicator, name=name[:400], key=key[:400])
    # Two certain matches for one wording is not certain: both are offered.
    offered = sorted(certain + maybe, key=lambda pair: -pair[1].score)[:SUGGESTIONS_PER_SERIES]
    SeriesSuggestion.objects.bulk_create(
        SeriesSuggestion(
            indicator=indicator,
            candidate=candidate,
            score=result.score,
            reason=result.reason[:300],
            pack=pack,
        )
        for candidate, result in offered
    )
    if offered:
        indicator.suggested_match = offered[0][0]
        indicator.save(update_fields=["suggested_match"])
    return indicator


def candidates(committee, unit, key, pack, periods):
    """Series of the panel in this unit that this wording may continue.

    Not one the officer said is a different measure, and not one that already holds a value of
    one of these periods from this very pack: a pack printing two rows prints two measures (the
    same figures printed twice, as a sentence and a table, are one measure).
    """
    declined = set()
    for a, b in (
        SeriesDecision.objects.filter(committee=committee)
        .filter(Q(key_a=key) | Q(key_b=key))
        .values_list("key_a", "key_b")
    ):
        declined.add(b if a == key else a)
    series = (
        Indicator.objects.filter(committee=committee, unit__in=compatible_units(unit))
        .exclude(aliases__key__in=declined)
        .prefetch_related("aliases")
    )
    in_pack: dict[int, dict] = {}
    for indicator_id, period, value in Observation.objects.filter(
        indicator__in=series, pack=pack
    ).values_list("indicator_id", "period", "value"):
        in_pack.setdefault(indicator_id, {})[period] = value
    for indicator in series:
        printed = in_pack.get(indicator.pk)
        if printed is not None and not same_figures(printed, periods):
            continue
        yield indicator


def described_for(pack) -> dict:
    """Wordings described once per pack read (a panel of 200 series compares each once)."""
    if pack is None:
        return {}
    if not hasattr(pack, "_series_described"):
        pack._series_described = {}
    return pack._series_described


def same_code(item, candidate, result: matching.Match) -> matching.Match:
    """The pack's own reference (M1, CP6B) and a close wording together are certain."""
    ref = (item.get("ref") or "").strip().lower()
    if (
        ref
        and candidate.code.lower() == ref
        and result.verdict == matching.Verdict.MAYBE
        and result.score >= 0.75
    ):
        return matching.Match(
            matching.Verdict.SAME, 1.0, f"the same reference {item['ref']} and a close wording"
        )
    return result


def compatible_units(unit) -> set[str]:
    """A rate of unstated base may be the rate per 10,000 its name states; `matching` decides."""
    rates = {Unit.RATE, Unit.RATE_PER_10K}
    return rates if unit in rates else {unit}


def same_units(a: Indicator, b: Indicator) -> bool:
    if a.unit == b.unit:
        return True
    if {a.unit, b.unit} != {Unit.RATE, Unit.RATE_PER_10K}:
        return False
    return matching.describe(a.name, a.unit).unit == matching.describe(b.name, b.unit).unit


def same_figures(stored: dict, printed: dict) -> bool:
    shared = stored.keys() & printed.keys()
    return bool(shared) and all(stored[p] == printed[p] for p in shared)


def best_match(me: matching.Measure, indicator, acronyms, described=None) -> matching.Match:
    best = matching.Match(matching.Verdict.DIFFERENT, 0.0, "no wording")
    order = {matching.Verdict.SAME: 2, matching.Verdict.MAYBE: 1, matching.Verdict.DIFFERENT: 0}
    described = {} if described is None else described
    for alias in indicator.aliases.all():
        wording = (alias.name, indicator.unit)
        if wording not in described:
            described[wording] = matching.describe(alias.name, indicator.unit, acronyms)
        result = matching.compare(me, described[wording])
        if result.hard:
            return result  # a defining difference with any wording of the series rules it out
        if (order[result.verdict], result.score) > (order[best.verdict], best.score):
            best = result
    return best


def join_printed_wording(series, pack, name, key, item, reason):
    """An automatic join: the wording becomes an alias, and the join is kept so it can be split."""
    IndicatorAlias.objects.get_or_create(indicator=series, key=key[:400], defaults={"name": name})
    SeriesJoin.objects.create(
        committee=series.committee,
        series=series,
        how=SeriesJoin.How.AUTO,
        reason=reason[:300],
        absorbed={
            "name": name,
            "code": item.get("ref") or "",
            "unit": series.unit,
            "section": item.get("section") or "",
        },
        wordings=[name],
        pack=pack,
    )
    fill_section(series, item)


def fill_section(indicator, item):
    if item.get("section") and not indicator.section:
        indicator.section = item["section"][:200]
        indicator.save(update_fields=["section"])


def not_yet_stored(pack, indicator, observations):
    """Values of periods this pack already gave the series (the same figure printed twice)."""
    taken = set(
        Observation.objects.filter(indicator=indicator, pack=pack).values_list("period", flat=True)
    )
    return [o for o in observations if o.period not in taken]


def forget_pack(pack):
    """Before a pack's rows are removed: its automatic joins go, and wordings only it printed.
    A join an officer split stays in the history (and the split is remembered)."""
    joins = SeriesJoin.objects.filter(pack=pack, how=SeriesJoin.How.AUTO, split_at=None)
    for join in joins.select_related("series"):
        still_printed = set(
            normalised(n)
            for n in Observation.objects.filter(indicator=join.series_id)
            .exclude(pack=pack)
            .values_list("printed_as", flat=True)
        )
        gone = {normalised(w) for w in join.wordings} - still_printed
        join.series.aliases.filter(key__in=gone).exclude(name=join.series.name).delete()
        join.delete()


# --- learned acronyms -----------------------------------------------------------------------


def acronyms_for(pack, committee) -> dict[str, str]:
    """The panel's acronyms, after learning what this pack's glossary and names define."""
    cached = getattr(pack, "_series_acronyms", None) if pack is not None else None
    if cached is not None:
        return cached
    if pack is not None:
        learn_acronyms(pack, committee)
    known = dict(
        PanelAcronym.objects.filter(committee=committee).values_list("acronym", "expansion")
    )
    if pack is not None:
        pack._series_acronyms = known
    return known


def learn_acronyms(pack, committee):

    learned: dict[str, tuple[str, str]] = {}
    for term, definition in GlossaryTerm.objects.filter(pack=pack).values_list(
        "term", "definition"
    ):
        for acronym, expansion in matching.acronyms_in(f"{term}. {definition[:400]}").items():
            learned.setdefault(acronym, (expansion, PanelAcronym.Learned.GLOSSARY))
    for item in (pack.extraction or {}).get("indicators") or []:
        for acronym, expansion in matching.acronyms_in(item.get("name") or "").items():
            learned.setdefault(acronym, (expansion, PanelAcronym.Learned.NAME))
    existing = set(
        PanelAcronym.objects.filter(committee=committee).values_list("acronym", flat=True)
    )
    PanelAcronym.objects.bulk_create(
        PanelAcronym(
            committee=committee,
            acronym=acronym[:20],
            expansion=expansion[:200],
            learned_from=source,
            pack=pack,
        )
        for acronym, (expansion, source) in learned.items()
        if acronym not in existing
    )
