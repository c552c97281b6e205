"""The panel's year of meetings: dates printed in its packs, and calendars of them.

Every pack prints the municipal year's "Dates of Meetings"; publishing a pack creates the
meetings it lists that do not exist yet (scheduled, with no pack). When a meeting's own pack
arrives, store_pack_contents finds the meeting by panel and date and attaches the pack to it.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event, vText

from meetings.models import Meeting, Pack


def parse_date(value):
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None  # the contract prints ISO dates; anything else is not a date we can file


LONDON = ZoneInfo("Europe/London")  # councils print local times: "5.30 pm"
ICAL_STATUS = {
    Meeting.Status.SCHEDULED: "CONFIRMED",
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.CANCELLED: "CANCELLED",
}


@transaction.atomic
def schedule_listed_meetings(pack: Pack) -> list[Meeting]:
    """Create the meetings `pack`'s "Dates of Meetings" lists; returns the ones created.

    Called when a pack is published (its dates are then public). Existing meetings keep their
    packs; a listed date that a published pack no longer vouches for is vouched for by this one.
    """
    front = (pack.extraction or {}).get("meeting") or {}
    dates = sorted({d for d in map(parse_date, front.get("municipal_year_dates") or []) if d})
    if not pack.committee_id or not dates:
        return []
    existing = Meeting.objects.filter(committee_id=pack.committee_id, date__in=dates)
    existing.exclude(listed_in__status=Pack.Status.PUBLISHED).update(listed_in=pack)
    known = set(existing.values_list("date", flat=True))
    created = [
        Meeting(committee_id=pack.committee_id, date=date, listed_in=pack)
        for date in dates
        if date not in known
    ]
    for meeting in created:
        meeting.save()  # save() fills the municipal year
    return created


def calendar_feed(meetings, *, name: str, url_of) -> bytes:
    """An iCalendar (RFC 5545) feed of `meetings`; `url_of(meeting)` gives its absolute URL.

    A meeting whose time is not known yet is an all-day event: the dates list prints no times.
    """
    cal = Calendar()
    cal.add("prodid", "-//Scrutiny//Meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    stamp = timezone.now()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@scrutiny")
        event.add("dtstamp", stamp)
        event.add("summary", meeting.committee.name)
        if meeting.time:
            start = datetime.datetime.combine(meeting.date, meeting.time, tzinfo=LONDON)
            event.add("dtstart", start)
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + datetime.timedelta(days=1))
        if meeting.venue:
            event.add("location", vText(meeting.venue))
        event.add("status", ICAL_STATUS.get(meeting.status, "TENTATIVE"))
        event.add("url", url_of(meeting))
        event.add("description", describe(meeting, url_of(meeting)))
        cal.add_component(event)
    return cal.to_ical()


def describe(meeting, url) -> str:
    papers = (
        "The agenda pack is published."
        if getattr(meeting, "has_pack", False)
        else "No agenda pack yet."
    )
    when = "" if meeting.time else " Time to be confirmed."
    return f"{meeting.get_status_display()}. {papers}{when}\n{url}"
