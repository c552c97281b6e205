"""Read queries for the recommendation tracker."""

from django.db.models import Prefetch, Q

from meetings.models import Recommendation, RecommendationUpdate
from scrutiny.access import is_staff_reader


def visible_recommendations(user):
    recs = Recommendation.objects.select_related("committee", "meeting")
    if is_staff_reader(user):
        return recs
    return recs.filter(Q(pack=None) | Q(pack__status="published"))


def visible_updates(user):
    updates = RecommendationUpdate.objects.select_related("meeting", "author")
    if is_staff_reader(user):
        return updates
    return updates.filter(Q(pack=None) | Q(pack__status="published"))


def tracker_page(user, params):
    recs = visible_recommendations(user).prefetch_related(
        Prefetch(
            "updates",
            queryset=visible_updates(user).order_by("date", "recorded_at"),
            to_attr="visible_updates",
        )
    )
    if params.get("panel"):
        recs = recs.filter(committee__slug=params["panel"])
    state = params.get("state", "open")
    if state in Recommendation.State.values:
        recs = recs.filter(state=state)
    return {"recommendations": recs.order_by("-made_on", "title", "number"), "state": state}


def recommendation_page(user, rec):
    return {
        "rec": rec,
        "updates": visible_updates(user).filter(recommendation=rec).order_by("date", "recorded_at"),
    }
