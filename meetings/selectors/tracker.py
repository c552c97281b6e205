"""Read queries for the recommendation tracker and the monitoring report."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q

from meetings.models import Meeting, Recommendation, RecommendationUpdate, published_rows
from scrutiny.access import is_staff_reader

PUBLISHED = published_rows()


def visible_recommendations(user):
    recs = Recommendation.objects.select_related("committee", "meeting", "due_meeting")
    return recs if is_staff_reader(user) else recs.filter(PUBLISHED)


def visible_updates(user):
    updates = RecommendationUpdate.objects.select_related("meeting", "author", "pack__meeting")
    return updates if is_staff_reader(user) else updates.filter(PUBLISHED)


def overdue_filter(on=None) -> Q:
    return Recommendation.overdue_q(on)


def with_history(user, recs):
    return recs.prefetch_related(
        Prefetch(
            "updates",
            queryset=visible_updates(user).order_by("date", "recorded_at"),
            to_attr="history",
        )
    )


def recommendation_page(user, rec) -> dict:
    rec = with_history(
        user,
        Recommendation.objects.filter(pk=rec.pk).select_related(
            "committee",
            "meeting",
            "due_meeting",
            "answered_by__meeting",
            "resolution__minute__meeting",
            "suggested_match",
        ),
    ).get()
    return {
        "rec": rec,
        "updates": rec.history,
        "minute": rec.resolution.minute if rec.resolution_id else None,
        "meetings": Meeting.objects.filter(committee=rec.committee).order_by("-date")[:30],
    }


@dataclass
class MonitoringRow:
    rec: Recommendation
    latest: RecommendationUpdate | None

    @property
    def action_taken(self):
        return self.latest.action_taken if self.latest else ""

    @property
    def progress_status(self):
        if (
            self.latest
            and self.latest.status == self.rec.status
            and self.latest.status_text
            and not self.latest.decision
        ):
            return self.latest.status_text
        return self.rec.get_status_display()


def monitoring_report(user, committee, meeting=None) -> dict:
    """What stays on the list for `meeting`: every recommendation the panel has not closed."""
    recs = with_history(
        user,
        visible_recommendations(user).filter(committee=committee, state=Recommendation.State.OPEN),
    ).order_by("made_on", "title", "number")
    if meeting is not None:
        recs = recs.filter(Q(made_on__lt=meeting.date) | Q(made_on=None))
    rows = [MonitoringRow(rec, rec.history[-1] if rec.history else None) for rec in recs]
    return {"committee": committee, "meeting": meeting, "rows": rows}
