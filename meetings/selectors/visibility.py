"""What exists for whom: panels and indicators known only from a draft are not public.

A draft pack of another council creates its panel (and its indicators) when it is stored; until
it is published nobody but the officers may learn that the panel, or an indicator's name, exists.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from indicators.models import Indicator, Observation
from meetings.models import Committee, Pack
from scrutiny.access import is_staff_reader


def visible_committees(user):
    """Panels with a published pack, or created by hand (no pack at all); staff: every panel."""
    if is_staff_reader(user):
        return Committee.objects.all()
    packs = Pack.objects.filter(Q(committee=OuterRef("pk")) | Q(meeting__committee=OuterRef("pk")))
    return Committee.objects.filter(
        Exists(packs.filter(status=Pack.Status.PUBLISHED)) | ~Exists(packs)
    )


def visible_indicators(user):
    """Indicators with a published (or imported) value; staff: every indicator."""
    indicators = Indicator.objects.all()
    if is_staff_reader(user):
        return indicators
    values = Observation.objects.filter(indicator=OuterRef("pk")).exclude(
        review=Observation.Review.DROPPED
    )
    return indicators.filter(
        Exists(values.filter(Q(pack=None) | Q(pack__status=Pack.Status.PUBLISHED)))
    )
