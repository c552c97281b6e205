"""Recommendations the panel made, and their dated history.

A recommendation usually starts as a substantive RESOLVED item of the minutes; it may also
first appear as a row of a pack's "Monitoring Scrutiny Recommendations" tracker when the
minutes that made it were never ingested. Its progress is a list of dated updates: the officer's
status and action taken, and the panel's decision at a meeting. The rules of the lifecycle live
in meetings/services/recommendations.py.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class Progress(models.TextChoices):
    """The tracker's vocabulary (PACK_SCHEMA `tracker[].status`), plus 'proposed'."""

    PROPOSED = "proposed", "Proposed"
    IN_PROGRESS = "in_progress", "In train"  # the council's printed word, on every page
    PARTIALLY_COMPLETE = "partially_complete", "Partially complete"
    NOT_DUE = "not_due", "Not complete – within timescale"
    NOT_COMPLETE = "not_complete", "Not complete"
    COMPLETE = "complete", "Complete"
    REJECTED = "rejected", "Rejected"
    UNKNOWN = "unknown", "Unknown"


class Recommendation(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed – accepted by the panel"
        REMOVED = "removed", "Removed – rejected and reported"

    Progress = Progress

    committee = models.ForeignKey(
        "meetings.Committee", on_delete=models.CASCADE, related_name="recommendations"
    )
    resolution = models.OneToOneField(
        "meetings.Resolution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendation",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations_made",
        help_text="The meeting at which the panel made it.",
    )
    made_on = models.DateField(null=True, blank=True)
    title = models.CharField(
        max_length=300, help_text="The item it arose from, e.g. 'Ofsted Focused Letter'."
    )
    number = models.PositiveSmallIntegerField(default=1)
    text = models.TextField(help_text="The action proposed.")
    status = models.CharField(max_length=20, choices=Progress.choices, default=Progress.PROPOSED)
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.OPEN, db_index=True
    )
    due_date = models.DateField(null=True, blank=True)
    due_meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations_due",
    )
    answered_by = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    pack = models.ForeignKey(
        "meetings.Pack",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The pack it was first read from; none when entered by hand.",
    )
    pdf_page = models.PositiveIntegerField(null=True, blank=True)
    suggested_match = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A tracker row that may continue this earlier recommendation: confirm or dismiss.",
    )

    class Meta:
        ordering = ["-made_on", "title", "number"]

    def __str__(self):
        return f"{self.title} ({self.number})"

    def get_absolute_url(self):
        return reverse("meetings:recommendation", args=[self.pk])

    # Overdue: due before `on` (today), still open, and not reported complete or rejected.
    # The rule is written once here, as a row test and as the same test for a query.
    DONE = (Progress.COMPLETE, Progress.REJECTED)

    def is_overdue(self, on=None):
        on = on or timezone.localdate()
        return bool(
            self.state == self.State.OPEN
            and self.due_date
            and self.due_date < on
            and self.status not in self.DONE
        )

    @classmethod
    def overdue_q(cls, on=None) -> Q:
        on = on or timezone.localdate()
        return Q(state=cls.State.OPEN, due_date__lt=on) & ~Q(status__in=cls.DONE)

    @property
    def overdue(self):
        return self.is_overdue()


class RecommendationUpdate(models.Model):
    class Decision(models.TextChoices):
        NONE = "", "—"
        ACCEPTED = "accepted", "Accepted as complete by the panel"
        NOT_ACCEPTED = "not_accepted", "Not accepted: stays on the list"
        REJECTED_REPORTED = "rejected_reported", "Rejection reported to the panel"

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField()
    status = models.CharField(max_length=20, choices=Progress.choices)
    status_text = models.CharField(max_length=200, blank=True, help_text="The words as printed.")
    action_taken = models.TextField(blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True, default="")
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendation_decisions",
        help_text="The meeting at which the panel considered it.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pack = models.ForeignKey(
        "meetings.Pack", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    pdf_page = models.PositiveIntegerField(null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "date", "recorded_at"]

    def __str__(self):
        return f"{self.date}: {self.get_status_display()}"
