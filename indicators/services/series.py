"""One series per measure: settings and aliases, joining series (automatically when certain, by
an officer otherwise), saying two are different measures, and splitting a join again.

`series_for()` is called for every indicator a pack prints. The same wording (or a recorded
alias) continues its series; a wording `matching` is certain of joins the series and the join
is recorded (so it can be split); a wording that may be the same measure starts a new series
with suggestions an officer answers on the review screen or the "series to check" page.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

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
from meetings.services.text_match import normalised

from .values import renumber_revisions

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
    from .values import infer_polarity

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
    from meetings.models import GlossaryTerm

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


# --- officers' decisions ----------------------------------------------------------------------


@transaction.atomic
def merge_indicators(keep: Indicator, absorb: Indicator, *, user=None, how=None) -> Indicator:
    """Move every value, benchmark, target and wording of `absorb` into `keep`, then delete it.
    The join is recorded with what moved, so `split_series` can undo it."""
    if keep.pk == absorb.pk:
        raise CannotMerge("An indicator cannot be merged with itself.")
    if keep.committee_id != absorb.committee_id:
        raise CannotMerge("Indicators of different panels cannot be merged.")
    if not same_units(keep, absorb):
        raise CannotMerge(
            f"“{keep.name}” is a {keep.get_unit_display().lower()} and “{absorb.name}” a "
            f"{absorb.get_unit_display().lower()}: series in different units are never joined."
        )
    clash = clashing_period(keep, absorb)
    if clash:
        raise CannotMerge(
            f"Both series have a value for {clash[1]} from the same pack ({clash[0]}): one pack "
            "printing two rows prints two measures, so they are not joined."
        )
    wordings = list(absorb.aliases.values_list("name", flat=True)) or [absorb.name]
    moved = {
        kind: list(model.objects.filter(indicator=absorb).values_list("id", flat=True))
        for kind, model in MOVED_KINDS.items()
    }
    SeriesJoin.objects.create(
        committee_id=keep.committee_id,
        series=keep,
        how=how or SeriesJoin.How.OFFICER,
        absorbed={
            "name": absorb.name,
            "slug": absorb.slug,
            "code": absorb.code,
            "unit": absorb.unit,
            "section": absorb.section,
            "definition": absorb.definition,
            "polarity": absorb.polarity,
            "polarity_confirmed": absorb.polarity_confirmed,
            "pack": absorb.pack_id,
        },
        wordings=wordings,
        moved=moved,
        joined_by=user if getattr(user, "is_authenticated", False) else None,
    )
    # Values printed before wordings were recorded keep the absorbed name as their wording.
    for model in (Observation, Benchmark, Target):
        model.objects.filter(indicator=absorb, printed_as="").update(printed_as=absorb.name[:400])
    for model in MOVED_KINDS.values():
        model.objects.filter(indicator=absorb).update(indicator=keep)
    keys = set(keep.aliases.values_list("key", flat=True))
    for alias in absorb.aliases.all():
        if alias.key not in keys:
            alias.indicator = keep
            alias.save(update_fields=["indicator"])
    for field in ("code", "section", "definition"):
        if not getattr(keep, field) and getattr(absorb, field):
            setattr(keep, field, getattr(absorb, field))
    keep.suggested_match = None if keep.suggested_match_id == absorb.pk else keep.suggested_match
    keep.save()
    Indicator.objects.filter(suggested_match=absorb).update(suggested_match=keep)
    move_suggestions(absorb, keep)
    SeriesJoin.objects.filter(series=absorb).update(series=keep)
    absorb.delete()
    renumber_revisions([keep.pk])
    figures_changed(keep.committee_id)
    return keep


def clashing_period(a: Indicator, b: Indicator):
    """(pack, period) both series have a value of, if any."""
    mine = set(
        Observation.objects.filter(indicator=a).exclude(pack=None).values_list("pack_id", "period")
    )
    for pack_id, period in (
        Observation.objects.filter(indicator=b).exclude(pack=None).values_list("pack_id", "period")
    ):
        if (pack_id, period) in mine:
            from meetings.models import Pack

            return Pack.objects.filter(pk=pack_id).first(), period
    return None


def move_suggestions(absorb, keep):
    SeriesSuggestion.objects.filter(
        Q(indicator=absorb, candidate=keep) | Q(indicator=keep, candidate=absorb)
    ).delete()
    for suggestion in SeriesSuggestion.objects.filter(Q(indicator=absorb) | Q(candidate=absorb)):
        one = keep if suggestion.indicator_id == absorb.pk else suggestion.indicator
        other = keep if suggestion.candidate_id == absorb.pk else suggestion.candidate
        if SeriesSuggestion.objects.filter(
            Q(indicator=one, candidate=other) | Q(indicator=other, candidate=one)
        ).exists():
            suggestion.delete()
        else:
            suggestion.indicator, suggestion.candidate = one, other
            suggestion.save(update_fields=["indicator", "candidate"])


@transaction.atomic
def accept_suggestion(suggestion: SeriesSuggestion, user=None) -> Indicator:
    """The officer says: the same measure. The earlier series continues under both wordings."""
    keep, absorb = suggestion.candidate, suggestion.indicator
    if first_period(absorb) < first_period(keep):
        keep, absorb = absorb, keep
    learn_from_join(keep, absorb)
    return merge_indicators(keep, absorb, user=user)


def learn_from_join(keep: Indicator, absorb: Indicator):
    """What an officer's join teaches the panel: an acronym one wording spells out."""
    known = set(
        PanelAcronym.objects.filter(committee_id=keep.committee_id).values_list(
            "acronym", flat=True
        )
    )
    for acronym, expansion in matching.acronyms_between(keep.name, absorb.name).items():
        if acronym not in known:
            PanelAcronym.objects.create(
                committee_id=keep.committee_id,
                acronym=acronym[:20],
                expansion=expansion[:200],
                learned_from=PanelAcronym.Learned.OFFICER,
            )


def first_period(indicator):
    import datetime

    first = (
        Observation.objects.filter(indicator=indicator)
        .exclude(period_start=None)
        .order_by("period_start")
        .values_list("period_start", flat=True)
        .first()
    )
    return first or datetime.date.max


@transaction.atomic
def decline_suggestion(suggestion: SeriesSuggestion, user=None):
    """'Different measures': remembered for every wording of the two, never suggested again."""
    remember_different(suggestion.indicator, suggestion.candidate, user)
    a, b = suggestion.indicator, suggestion.candidate
    SeriesSuggestion.objects.filter(
        Q(indicator=a, candidate=b) | Q(indicator=b, candidate=a)
    ).delete()
    for one, other in ((a, b), (b, a)):
        if one.suggested_match_id == other.pk:
            one.suggested_match = None
            one.save(update_fields=["suggested_match"])


def remember_different(a: Indicator, b: Indicator, user=None, names_b=None):
    names_a = dict(a.aliases.values_list("key", "name")) or {normalised(a.name): a.name}
    names_b = names_b or dict(b.aliases.values_list("key", "name")) or {normalised(b.name): b.name}
    for key_a, name_a in names_a.items():
        for key_b, name_b in names_b.items():
            if key_a == key_b:
                continue
            (k1, n1), (k2, n2) = sorted([(key_a, name_a), (key_b, name_b)])
            SeriesDecision.objects.get_or_create(
                committee_id=a.committee_id,
                key_a=k1[:400],
                key_b=k2[:400],
                defaults={
                    "name_a": n1[:400],
                    "name_b": n2[:400],
                    "decided_by": user if getattr(user, "is_authenticated", False) else None,
                },
            )


@transaction.atomic
def split_series(join: SeriesJoin, user=None) -> Indicator:
    """Undo a join: the wordings it brought become their own series again with their values."""
    if join.is_split:
        raise CannotMerge("This join was already undone.")
    keep = Indicator.objects.select_for_update().get(pk=join.series_id)
    snapshot = join.absorbed
    wordings = {normalised(w): w for w in join.wordings}
    remaining = {k: n for k, n in keep.aliases.values_list("key", "name") if k not in wordings} or {
        normalised(keep.name): keep.name
    }
    if normalised(keep.name) in wordings:
        raise CannotMerge(
            "The series is named with this wording: rename it to one of its other wordings first."
        )
    split = Indicator(
        committee_id=keep.committee_id,
        name=snapshot.get("name") or join.wordings[0],
        code=snapshot.get("code") or "",
        unit=snapshot.get("unit") or keep.unit,
        section=snapshot.get("section") or keep.section,
        definition=snapshot.get("definition") or "",
        polarity=snapshot.get("polarity") or keep.polarity,
        polarity_confirmed=snapshot.get("polarity_confirmed") or False,
        pack_id=snapshot.get("pack") or (join.pack_id if join.pack_id else None),
    )
    if (
        snapshot.get("slug")
        and not Indicator.objects.filter(
            committee_id=keep.committee_id, slug=snapshot["slug"]
        ).exists()
    ):
        split.slug = snapshot["slug"]
    split.save()
    for kind, model in MOVED_KINDS.items():
        ids = set((join.moved or {}).get(kind) or [])
        rows = model.objects.filter(indicator=keep)
        if model is not Commentary:
            printed = [
                pk
                for pk, name in rows.exclude(printed_as="").values_list("id", "printed_as")
                if normalised(name) in wordings
            ]
            ids |= set(printed)
        rows.filter(id__in=ids).update(indicator=split)
    keep.aliases.filter(key__in=wordings).update(indicator=split)
    if not split.aliases.exists():
        IndicatorAlias.objects.create(
            indicator=split, name=split.name[:400], key=normalised(split.name)[:400]
        )
    join.split_at = timezone.now()
    join.split_by = user if getattr(user, "is_authenticated", False) else None
    join.split_into = split
    join.save(update_fields=["split_at", "split_by", "split_into"])
    remember_different(split, keep, user, names_b=remaining)
    renumber_revisions([keep.pk, split.pk])
    figures_changed(keep.committee_id)
    return split
