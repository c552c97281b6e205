"""Read queries for the meetings pages, each already filtered by what the user may see."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from meetings.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Membership,
    Minute,
    Pack,
    Recommendation,
    Report,
    Resolution,
)
from meetings.selectors.moderngov import moderngov_agenda
from meetings.selectors.tracker import overdue_filter, visible_recommendations, with_history
from meetings.services.page_images import printed_pages
from scrutiny.access import exempt_filter, is_staff_reader, published_filter

from .visibility import visible_committees


def visible_meetings(user, committee=None):
    meetings = Meeting.objects.select_related("committee")
    if committee is not None:
        meetings = meetings.filter(committee=committee)
    if is_staff_reader(user):
        return meetings
    published_pack = Pack.objects.published().filter(meeting=OuterRef("pk"))
    published_minutes = Minute.objects.filter(
        meeting=OuterRef("pk"), pack__status=Pack.Status.PUBLISHED
    )
    return meetings.filter(
        Q(Exists(published_pack))
        | Q(Exists(published_minutes))
        | Q(listed_in__status=Pack.Status.PUBLISHED)  # a date a published pack lists, ahead
    )


def visible_agenda(user, meeting):
    return (
        AgendaItem.objects.filter(meeting=meeting)
        .filter(published_filter(user))
        .filter(exempt_filter(user, "meeting__committee"))
        .select_related("pack")
        .order_by("number")
    )


def visible_reports(user, meeting):
    return (
        Report.objects.filter(meeting=meeting)
        .filter(published_filter(user))
        .filter(exempt_filter(user, "meeting__committee", secret_field="confidential"))
        .select_related("agenda_item", "pack")
    )


def visible_minutes(user, meeting):
    return (
        Minute.objects.filter(meeting=meeting)
        .filter(published_filter(user))
        .select_related("pack")
        .prefetch_related(
            Prefetch("resolutions", queryset=Resolution.objects.select_related("recommendation"))
        )
        .order_by("number")
    )


def home_page(user) -> dict:
    today = timezone.localdate()
    meetings = visible_meetings(user)

    open_recs = Q(recommendations__state="open")
    if not is_staff_reader(user):
        open_recs &= Q(recommendations__pack=None) | Q(
            recommendations__pack__status=Pack.Status.PUBLISHED
        )
    published_series = Q(indicators__observations__pack__status=Pack.Status.PUBLISHED) | Q(
        indicators__observations__pack=None, indicators__observations__isnull=False
    )
    context = {
        "panels": visible_committees(user)
        .annotate(
            indicator_count=Count("indicators", filter=published_series, distinct=True),
            open_recommendations=Count("recommendations", filter=open_recs, distinct=True),
            overdue_recommendations=Count(
                "recommendations",
                filter=open_recs
                & Q(recommendations__in=Recommendation.objects.filter(overdue_filter())),
                distinct=True,
            ),
        )
        .order_by("name"),
        "upcoming": meetings.filter(date__gte=today).order_by("date")[:5],
        "recent": meetings.filter(date__lt=today).order_by("-date")[:8],
    }
    if is_staff_reader(user):
        context["work_queue"] = Pack.objects.exclude(
            status__in=[Pack.Status.PUBLISHED, Pack.Status.DISCARDED, Pack.Status.SUPERSEDED]
        ).select_related("meeting__committee")[:20]
    return context


def committee_page(user, committee) -> dict:

    memberships = Membership.objects.filter(committee=committee).select_related("person")
    open_recs = with_history(
        user, visible_recommendations(user).filter(committee=committee, state="open")
    )
    last_made = (
        open_recs.exclude(made_on=None)
        .order_by("-made_on")
        .values_list("made_on", flat=True)
        .first()
    )
    return {
        "committee": committee,
        "asked_last_time": open_recs.filter(made_on=last_made).order_by("title", "number")
        if last_made
        else [],
        "asked_on": last_made,
        "still_open": open_recs.count(),
        "members": [m for m in memberships if m.role != Membership.Role.APPOINTED],
        "appointed": [m for m in memberships if m.role == Membership.Role.APPOINTED],
        "meetings": visible_meetings(user, committee).order_by("-date"),
    }


def meeting_page(user, meeting) -> dict:
    attendance = Attendance.objects.filter(meeting=meeting).filter(published_filter(user))
    packs = Pack.objects.filter(meeting=meeting)
    if not is_staff_reader(user):
        packs = packs.published()
    hidden = AgendaItem.objects.filter(meeting=meeting, exempt=True).filter(
        published_filter(user)
    ).count() - (visible_agenda(user, meeting).filter(exempt=True).count())
    agenda = list(visible_agenda(user, meeting))
    for item in agenda:
        item.papers_page = item.papers_pdf_page  # read at ingest from where the papers begin
    # packs stored before papers_pdf_page existed: the printed stamps, mapped on the fly
    for pack in {item.pack for item in agenda if item.first_page and not item.papers_page}:
        stamps = printed_pages(pack)
        for item in agenda:
            if item.pack_id == pack.pk and not item.papers_page:
                item.papers_page = stamps.get(item.first_page)
    return {
        "meeting": meeting,
        "agenda": agenda,
        "reports": visible_reports(user, meeting),
        "minutes": visible_minutes(user, meeting),
        "present": attendance.filter(status=Attendance.Status.PRESENT).select_related("person"),
        "apologies": attendance.filter(status=Attendance.Status.APOLOGIES).select_related("person"),
        "packs": packs.order_by("-uploaded_at"),
        "hidden_exempt_items": hidden,
        "moderngov_agenda": [] if agenda else moderngov_agenda(meeting),
    }
