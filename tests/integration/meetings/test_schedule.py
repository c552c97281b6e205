"""Meetings over time: the year's dates from a pack, packs attaching to them, members over time."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting, Pack
from meetings.selectors.members import members_over_time
from tests.integration.meetings.papers import PANEL, extraction, stored

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
AHEAD = [TODAY + datetime.timedelta(days=d) for d in (30, 65, 100)]


def test_publishing_a_pack_creates_the_meetings_its_dates_list(users, client):
    pack = stored(extraction(TODAY - datetime.timedelta(days=5), dates=AHEAD))
    listed = Meeting.objects.filter(committee=pack.committee, date__in=AHEAD)
    assert sorted(listed.values_list("date", flat=True)) == AHEAD
    assert all(m.listed_in_id == pack.pk and not m.packs.exists() for m in listed)

    page = client.get(reverse("meetings:meetings", args=[pack.committee.slug]))
    upcoming = page.context["upcoming"]
    assert [m.date for m in upcoming] == AHEAD
    assert all(not m.has_pack for m in upcoming)
    assert page.content.decode().count('badge no-pack">No pack yet') == 3
    assert client.get(listed.first().get_absolute_url()).status_code == 200


def test_a_draft_lists_no_meetings_until_published():
    pack = stored(extraction(TODAY, dates=AHEAD), publish=False)
    assert not Meeting.objects.filter(committee=pack.committee, date__in=AHEAD).exists()


def test_the_pack_of_a_listed_meeting_attaches_to_it(client):
    stored(extraction(TODAY - datetime.timedelta(days=5), dates=AHEAD))
    waiting = Meeting.objects.get(date=AHEAD[0])
    arriving = stored(
        extraction(AHEAD[0], dates=AHEAD, agenda=[{"number": 1, "title": "APOLOGIES", "page": 3}])
    )
    assert arriving.meeting_id == waiting.pk
    waiting.refresh_from_db()
    assert (waiting.time, waiting.venue) == (
        datetime.time(17, 30),
        "Conference Room 3 - Civic Centre",
    )
    assert Meeting.objects.filter(date=AHEAD[0]).count() == 1
    page = client.get(reverse("meetings:meetings", args=[arriving.committee.slug]))
    assert [m.has_pack for m in page.context["upcoming"]] == [True, False, False]


def test_listed_meetings_follow_the_listing_pack_out_of_sight(client):
    """A superseded listing pack no longer vouches for its dates; its correction does."""
    date = TODAY - datetime.timedelta(days=5)
    first = stored(extraction(date, dates=AHEAD))
    Pack.objects.filter(pk=first.pk).update(status=Pack.Status.SUPERSEDED)
    assert client.get(Meeting.objects.get(date=AHEAD[1]).get_absolute_url()).status_code == 404
    correction = stored(extraction(date, dates=AHEAD, agenda=[{"number": 1, "title": "X"}]))
    assert Meeting.objects.get(date=AHEAD[1]).listed_in_id == correction.pk
    assert client.get(Meeting.objects.get(date=AHEAD[1]).get_absolute_url()).status_code == 200


def test_members_over_time_from_the_front_sheets_and_minutes(published_corpus, users):
    committee = published_corpus[0].committee
    found = members_over_time(None, committee)
    by_name = {m.name: m for m in found["members"] + found["appointed"]}
    guthrie = by_name["Councillor Guthrie"]
    assert [(s.role, s.first) for s in guthrie.spells] == [("Chair", datetime.date(2022, 3, 31))]
    assert not guthrie.current
    assert (
        by_name["Councillor Winning"].role_now == "Chair" and by_name["Councillor Winning"].current
    )
    sanders = by_name["Rob Sanders"]
    assert sanders.appointed and sanders.capacity == "Church of England"
    assert [(s.first, s.last) for s in sanders.spells] == [
        (datetime.date(2022, 3, 31), datetime.date(2023, 3, 30))
    ]
    # Minutes of 25 Nov 2021: apologies from Rob Sanders; of 26 Jan 2023: present.
    assert (sanders.present, sanders.apologies) == (1, 1)
    assert sanders.attendance_rate == 50
    assert [v.role for v in found["vacancies"]] == ["Secondary Parent Governor"]
    assert found["vacancies"][0].last == datetime.date(2023, 3, 30)


def test_one_person_however_the_papers_name_them(published_corpus):
    found = members_over_time(None, published_corpus[0].committee)
    names = [m.name for m in found["members"]]
    assert "Councillor Laurent" not in names  # 2022 front sheet; "Councillor V Laurent" in 2023
    laurent = next(m for m in found["members"] if m.name == "Councillor V Laurent")
    assert [(s.first, s.last) for s in laurent.spells] == [
        (datetime.date(2022, 3, 31), datetime.date(2023, 3, 30))
    ]
    assert {"Councillor A Bunday", "Councillor T Bunday"} <= set(names)  # two people


def test_members_page_shows_roles_and_attendance(published_corpus, client):
    slug = published_corpus[0].committee.slug
    html = client.get(reverse("meetings:members", args=[slug])).content.decode()
    assert "Councillor Guthrie" in html and "Chair: 31 Mar 2022" in html
    assert "Vacancy" in html and "Secondary Parent Governor" in html
    assert 'id="attendance"' in html


def test_meeting_page_links_agenda_items_to_their_pdf_page(client):
    pack = stored(
        extraction(
            TODAY - datetime.timedelta(days=5),
            agenda=[{"number": 6, "title": "MINUTES", "pages": [1, 4], "page": 3}],
        )
    )
    html = client.get(pack.meeting.get_absolute_url()).content.decode()
    assert f"{reverse('meetings:pack_pdf', args=[pack.pk])}#page=3" in html
    assert PANEL in html


def test_the_pack_pdf_opens_in_the_browser(client):
    from meetings.models import PublicPdf

    pack = stored(extraction(TODAY - datetime.timedelta(days=5)))
    # Checked at ingest and found free of scripts (drawing is off in these tests): inline.
    PublicPdf.objects.update_or_create(pack=pack, defaults={"checked": True, "active_content": []})
    response = client.get(reverse("meetings:pack_pdf", args=[pack.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")  # so #page=N is honoured
