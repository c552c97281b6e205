"""Officers' changes to indicator series: their settings, their aliases, merging two into one."""

from __future__ import annotations

from django.db import transaction

from indicators.cache import figures_changed
from indicators.models import Benchmark, Commentary, Indicator, IndicatorAlias, Observation, Target
from meetings.services.text_match import normalised

from .values import renumber_revisions


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
    indicator.aliases.exclude(key__in=wanted).delete()
    existing = set(indicator.aliases.values_list("key", flat=True))
    IndicatorAlias.objects.bulk_create(
        IndicatorAlias(indicator=indicator, name=name[:400], key=key[:400])
        for key, name in wanted.items()
        if key not in existing
    )


@transaction.atomic
def merge_indicators(keep: Indicator, absorb: Indicator) -> Indicator:
    """Move every value, benchmark, target and wording of `absorb` into `keep`, then delete it."""
    if keep.pk == absorb.pk:
        raise CannotMerge("An indicator cannot be merged with itself.")
    if keep.committee_id != absorb.committee_id:
        raise CannotMerge("Indicators of different panels cannot be merged.")
    if keep.unit != absorb.unit:
        raise CannotMerge(
            f"“{keep.name}” is a {keep.get_unit_display().lower()} and “{absorb.name}” a "
            f"{absorb.get_unit_display().lower()}: series in different units are never joined."
        )
    for model in (Observation, Benchmark, Target):
        model.objects.filter(indicator=absorb).update(indicator=keep)
    Commentary.objects.filter(indicator=absorb).update(indicator=keep)
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
    absorb.delete()
    renumber_revisions([keep.pk])
    figures_changed(keep.committee_id)
    return keep
