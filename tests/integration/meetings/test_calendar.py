"""iCal feeds, parsed back with icalendar and checked event by event against the database."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from meetings.models import Meeting, Pack
from meetings.selectors import visible_meetings
from tests.factories import PackFactory
from tests.integration.meetings.papers import extraction, stored

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
AHEAD = [TODAY + datetime.timedelta(days=d) for d in (20, 50)]


@pytest.fixture
def panels():
    one = stored(extraction(TODAY - datetime.timedelta(days=3), dates=AHEAD))
    two = stored(extraction(TODAY - datetime.timedelta(days=9), committee="Health Scrutiny Panel"))
    Meeting.objects.filter(date=AHEAD[1]).update(status=Meeting.Status.CANCELLED)
    secret = PackFactory(status=Pack.Status.NEEDS_REVIEW, meeting__committee=one.committee)
    return one.committee, two.committee, secret.meeting


def events_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    return {e["uid"]: e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def check_against_database(events, meetings):
    assert set(events) == {f"meeting-{m.pk}@scrutiny" for m in meetings}
    for meeting in meetings:
        event = events[f"meeting-{meeting.pk}@scrutiny"]
        start = event.decoded("dtstart")
        if meeting.time:
            assert start == datetime.datetime.combine(
                meeting.date, meeting.time, tzinfo=ZoneInfo("Europe/London")
            )
        else:  # no time printed yet: an all-day event
            assert start == meeting.date and not isinstance(start, datetime.datetime)
        assert str(event.get("location", "")) == meeting.venue
        assert str(event["summary"]) == meeting.committee.name
        expected = "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED"
        assert str(event["status"]) == expected
        assert str(event["url"]) == f"http://testserver{meeting.get_absolute_url()}"
        assert str(event["url"]) in str(event["description"])


def test_panel_feed_has_every_visible_meeting_of_the_panel(client, panels):
    one, _, secret = panels
    events = events_of(client.get(reverse("meetings:calendar", args=[one.slug])))
    meetings = list(visible_meetings(None, one))
    assert len(meetings) == 3 and secret not in meetings
    check_against_database(events, meetings)
    ahead = events[f"meeting-{Meeting.objects.get(date=AHEAD[0]).pk}@scrutiny"]
    assert "No agenda pack yet" in str(ahead["description"])


def test_all_panels_feed(client, panels):
    events = events_of(client.get(reverse("meetings:calendar_all")))
    check_against_database(events, list(visible_meetings(None)))
    assert {str(e["summary"]) for e in events.values()} == {
        "Children and Families Scrutiny Panel",
        "Health Scrutiny Panel",
    }


def test_officers_feed_includes_draft_meetings(client, panels, users):
    one, _, secret = panels
    client.force_login(users["dso"])
    events = events_of(client.get(reverse("meetings:calendar", args=[one.slug])))
    assert f"meeting-{secret.pk}@scrutiny" in events
    check_against_database(events, list(visible_meetings(users["dso"], one)))
