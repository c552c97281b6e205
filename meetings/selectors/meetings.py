"""A panel's meetings over time, ahead and past, filtered by what the user may see."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef

from meetings.models import Meeting, Pack
from meetings.selectors import visible_meetings
from scrutiny.access import is_staff_reader


def with_papers(user, meetings):
    """Annotate `has_pack`: whether the meeting has a pack this user may open."""
    packs = Pack.objects.filter(meeting=OuterRef("pk"))
    packs = (
        packs.filter(status__in=Pack.STORED)
        if is_staff_reader(user)
        else packs.filter(status=Pack.Status.PUBLISHED)
    )
    return meetings.annotate(has_pack=Exists(packs))


def panel_meetings(user, committee, today=None) -> dict:
    today = today or datetime.date.today()
    meetings = with_papers(user, visible_meetings(user, committee))
    upcoming = list(meetings.filter(date__gte=today).order_by("date"))
    past = list(meetings.filter(date__lt=today).order_by("-date"))
    return {
        "committee": committee,
        "upcoming": upcoming,
        "past": past,
        "next_meeting": upcoming[0] if upcoming else None,
    }


def calendar_meetings(user, committee=None):
    """Every meeting the user may see, oldest first, for a calendar feed."""
    return with_papers(user, visible_meetings(user, committee)).order_by("date", "committee__name")


def next_meeting(user, committee, today=None) -> Meeting | None:
    today = today or datetime.date.today()
    return (
        with_papers(user, visible_meetings(user, committee))
        .filter(date__gte=today)
        .order_by("date")
        .first()
    )
