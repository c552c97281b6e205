"""The officer's corrections to a draft pack, before it is published."""

from __future__ import annotations

from django.db import transaction

from indicators.models import Observation
from indicators.periods import period_bounds
from meetings.models import Pack


class NotEditable(ValueError):
    pass


@transaction.atomic
def save_review_edit(pack: Pack, form) -> object:
    """Save one corrected row of a draft. Published packs are corrected by a new upload."""
    pack = Pack.objects.select_for_update().get(pk=pack.pk)
    if not pack.is_draft:
        raise NotEditable("Only a draft waiting for review can be edited.")
    row = form.save(commit=False)
    if isinstance(row, Observation):
        note_correction(row, form)
    row.save()
    return row


def note_correction(observation: Observation, form):
    """Keep what the parser read when the officer changes the value; a changed value is a correction."""
    if "value" in form.changed_data and observation.extracted_value is None:
        observation.extracted_value = form.initial.get("value")
        if observation.review in (Observation.Review.PENDING, Observation.Review.CONFIRMED):
            observation.review = Observation.Review.CORRECTED
    if "period" in form.changed_data:
        observation.period_type, observation.period_start = period_bounds(observation.period)
