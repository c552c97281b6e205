"""The lifecycle of a recommendation, as every pack prints it:

    proposed → in progress / partially complete → complete (the officers' view)
             → accepted by the panel at a meeting: closed, off the list.
    Not accepted by the panel → stays open and comes back to the next meeting.
    Rejected (by the executive) → stays on the list until reported to the panel, then removed.

"It will remain on the list until such time as the Panel accepts the recommendation as
completed." Every change is a dated RecommendationUpdate saying who made it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from meetings.models import Recommendation, RecommendationUpdate, Resolution

from .recommendation_sources import recommendation_from

Progress = Recommendation.Progress
Decision = RecommendationUpdate.Decision


class LifecycleError(ValueError):
    """A change the rules do not allow; the message says why, for the scrutiny manager."""


def today():
    return timezone.localdate()


@transaction.atomic
def record_progress(
    rec: Recommendation, *, status: str, action_taken: str = "", user=None, on=None
) -> RecommendationUpdate:
    """The officers' report of progress. It never closes a recommendation: only the panel does."""
    if rec.state != Recommendation.State.OPEN:
        raise LifecycleError(
            "This recommendation is no longer on the list; reopen it before recording progress."
        )
    if status not in Progress.values or status == Progress.PROPOSED:
        raise LifecycleError("Choose a progress status.")
    rec.status = status
    rec.save(update_fields=["status"])
    return RecommendationUpdate.objects.create(
        recommendation=rec,
        date=on or today(),
        status=status,
        status_text=Progress(status).label,
        action_taken=action_taken,
        author=author(user),
    )


@transaction.atomic
def record_panel_decision(
    rec: Recommendation, *, decision: str, meeting, user=None, note: str = ""
) -> RecommendationUpdate:
    """What the panel decided at `meeting` about a recommendation reported to it."""
    if rec.state != Recommendation.State.OPEN:
        raise LifecycleError("This recommendation is already off the list.")
    if meeting is None:
        raise LifecycleError("Say at which meeting the panel decided.")
    if decision == Decision.ACCEPTED:
        if rec.status != Progress.COMPLETE:
            raise LifecycleError(
                "The panel can accept a recommendation as complete only once officers report it complete; "
                f"it is “{rec.get_status_display()}”."
            )
        rec.state = Recommendation.State.CLOSED
    elif decision == Decision.NOT_ACCEPTED:
        # Stays on the list and returns to the next meeting, no longer counted as complete.
        if rec.status == Progress.COMPLETE:
            rec.status = Progress.NOT_COMPLETE
    elif decision == Decision.REJECTED_REPORTED:
        if rec.status != Progress.REJECTED:
            raise LifecycleError(
                "Only a rejected recommendation is removed after being reported to the panel."
            )
        rec.state = Recommendation.State.REMOVED
    else:
        raise LifecycleError("Choose what the panel decided.")
    rec.save(update_fields=["state", "status"])
    return RecommendationUpdate.objects.create(
        recommendation=rec,
        date=meeting.date,
        status=rec.status,
        status_text=Decision(decision).label,
        action_taken=note,
        decision=decision,
        meeting=meeting,
        author=author(user),
    )


@transaction.atomic
def reopen(rec: Recommendation, *, user=None, note: str = "") -> RecommendationUpdate:
    rec.state = Recommendation.State.OPEN
    rec.save(update_fields=["state"])
    return RecommendationUpdate.objects.create(
        recommendation=rec,
        date=today(),
        status=rec.status,
        status_text="Reopened",
        action_taken=note,
        author=author(user),
    )


@transaction.atomic
def update_details(rec: Recommendation, *, user=None, **fields) -> Recommendation:
    """Due date / meeting, the agenda item that answered it, title and wording."""
    changed = [name for name, value in fields.items() if getattr(rec, name) != value]
    for name in changed:
        setattr(rec, name, fields[name])
    if "due_meeting" in changed and rec.due_meeting and not rec.due_date:
        rec.due_date = rec.due_meeting.date
    rec.save()
    return rec


@transaction.atomic
def set_tracked(resolution: Resolution, tracked: bool, *, user=None) -> Recommendation | None:
    """The scrutiny manager's override of the procedural / substantive reading of a resolution."""
    resolution.is_substantive = tracked
    resolution.save(update_fields=["is_substantive"])
    existing = Recommendation.objects.filter(resolution=resolution).first()
    if not tracked:
        if existing and not existing.updates.exists():
            existing.delete()
        elif existing:
            existing.resolution = None
            existing.save(update_fields=["resolution"])
        return None
    return existing or recommendation_from(resolution)


@transaction.atomic
def confirm_match(rec: Recommendation, *, user=None) -> Recommendation:
    """A tracker row read as its own recommendation is the suggested earlier one: join them."""
    target = rec.suggested_match
    if target is None:
        raise LifecycleError("There is no suggested match to confirm.")
    rec.updates.update(recommendation=target)
    if target.resolution_id is None and rec.resolution_id:
        resolution = rec.resolution
        rec.resolution = None
        rec.save(update_fields=["resolution"])
        target.resolution = resolution
    latest = target.updates.order_by("-date", "-recorded_at").first()
    if latest and target.state == Recommendation.State.OPEN and not latest.decision:
        target.status = latest.status
    target.save()
    Recommendation.objects.filter(suggested_match=rec).update(suggested_match=target)
    rec.delete()
    return target


def dismiss_match(rec: Recommendation, *, user=None) -> Recommendation:
    rec.suggested_match = None
    rec.save(update_fields=["suggested_match"])
    return rec


def author(user):
    return user if getattr(user, "is_authenticated", False) else None
