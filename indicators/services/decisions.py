"""Officers' decisions on series: join two (recording what moved), say two are different
measures (remembered by wording), split a join again with its history."""

from __future__ import annotations

import datetime

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
)
from meetings.models import Pack
from meetings.services.text_match import normalised

from .series import MOVED_KINDS, CannotMerge, same_units
from .values import renumber_revisions


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
