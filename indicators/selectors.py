"""Read queries for indicator pages, limited to what the user may see."""

from django.db.models import Q

from indicators.models import Indicator, Observation
from scrutiny.access import is_staff_reader


def visible_observations(user):
    observations = Observation.objects.exclude(review=Observation.Review.DROPPED)
    if is_staff_reader(user):
        return observations
    return observations.filter(Q(pack=None) | Q(pack__status="published"))


def dashboard_rows(user, committee):
    indicators = Indicator.objects.filter(committee=committee).order_by("section", "name")
    latest = {}
    for obs in (
        visible_observations(user)
        .filter(indicator__committee=committee)
        .order_by("period_start", "revision")
    ):
        latest[obs.indicator_id] = obs
    return [
        {"indicator": ind, "latest": latest.get(ind.pk)} for ind in indicators if ind.pk in latest
    ]


def indicator_page(user, indicator):
    observations = (
        visible_observations(user)
        .filter(indicator=indicator)
        .select_related("pack")
        .order_by("period_start", "revision")
    )
    return {"indicator": indicator, "committee": indicator.committee, "observations": observations}
