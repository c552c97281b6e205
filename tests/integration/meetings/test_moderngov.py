"""The ModernGov sync against a council played on 127.0.0.1 (tests/moderngov_server.py)."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings.models import (
    Meeting,
    ModernGovAgendaItem,
    ModernGovDocument,
    ModernGovFeed,
    ModernGovMeeting,
    Pack,
    SyncRun,
)
from meetings.services.moderngov import sync_moderngov
from meetings.services.packs import receive_pack
from tests import moderngov_server

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2022, 10, 1)


@pytest.fixture
def council(settings):
    settings.MODERNGOV_RETRIES = 2
    settings.MODERNGOV_BACKOFF = 0
    settings.MODERNGOV_TIMEOUT = 5
    fake, server = moderngov_server.start()
    yield fake.standard_council()
    server.shutdown()
    server.server_close()


@pytest.fixture
def feed(council):
    return ModernGovFeed.objects.create(base_url=council.url, moderngov_committee=123)


@pytest.fixture
def feed_without_packs(feed):
    """For tests about meetings alone: reading the corpus pack each time costs seconds."""
    feed.fetch_packs = False
    feed.save()
    return feed


def sync(capture, feed=None):
    with capture(execute=True):  # the pack's ingest is queued on commit; here it runs in-process
        (run,) = sync_moderngov([feed] if feed else None, today=TODAY)
    return run


def test_meetings_items_documents_and_the_pack_come_across(
    feed, django_capture_on_commit_callbacks
):
    run = sync(django_capture_on_commit_callbacks, feed)

    assert run.outcome == SyncRun.Outcome.PARTLY  # one meeting in the list has no date
    assert run.problems == ["1 meeting(s) in the list had no id or no readable date."]
    feed.refresh_from_db()
    assert feed.committee.name == "Children and Families Scrutiny Panel"
    meetings = {link.meeting.date: link.meeting for link in ModernGovMeeting.objects.all()}
    # The 2009 meeting is outside the range the service was asked for (it sent it anyway).
    assert sorted(meetings) == [
        datetime.date(2022, 3, 31),
        datetime.date(2022, 6, 23),
        datetime.date(2022, 9, 15),
        datetime.date(2023, 3, 30),
    ]
    held = meetings[datetime.date(2022, 3, 31)]
    assert (held.time, held.venue) == (datetime.time(17, 30), "Conference Room 3 - Civic Centre")
    assert meetings[datetime.date(2022, 6, 23)].status == Meeting.Status.CANCELLED
    assert meetings[datetime.date(2023, 3, 30)].status == Meeting.Status.SCHEDULED

    items = ModernGovAgendaItem.objects.filter(meeting__moderngov_id=1001)
    assert [(i.number, i.exempt) for i in items] == [
        ("1", False),
        ("6", False),
        ("9", False),
        ("10", False),
        ("11", True),
    ]
    assert items.get(number="6").minutes.startswith("RESOLVED that the minutes of the meeting")

    pack_doc = ModernGovDocument.objects.get(is_agenda_pack=True)
    assert pack_doc.title.startswith("Agenda reports pack")
    assert ModernGovDocument.objects.filter(is_agenda_pack=True).count() == 1
    # The pack was checked like an upload, read, and filed under the very same meeting.
    pack = pack_doc.pack
    assert pack.status == Pack.Status.NEEDS_REVIEW
    assert pack.meeting == held
    assert Meeting.objects.filter(committee=feed.committee, date=held.date).count() == 1
    assert "agenda pack fetched and queued for reading" in " ".join(run.changes)


def test_a_second_sync_changes_nothing_and_asks_conditionally(
    feed, council, django_capture_on_commit_callbacks
):
    sync(django_capture_on_commit_callbacks, feed)
    counts = [
        m.objects.count()
        for m in (Meeting, ModernGovMeeting, ModernGovAgendaItem, ModernGovDocument, Pack)
    ]
    run = sync(django_capture_on_commit_callbacks, feed)

    assert run.changes == []
    assert counts == [
        m.objects.count()
        for m in (Meeting, ModernGovMeeting, ModernGovAgendaItem, ModernGovDocument, Pack)
    ]
    assert council.requests_for("GetCommittees")[-1]["If-None-Match"] == '"c1"'
    # The meetings list came back 304, so no meeting was asked for again.
    assert council.requests_for("GetMeetings")[-1]["If-None-Match"] == '"m1"'
    assert len(council.requests_for("GetMeeting:1001")) == 1
    assert len(council.requests_for("/documents/g1001/Public%20reports%20pack.pdf")) == 1


def test_changed_meetings_are_updated_and_said_so(
    feed_without_packs, council, django_capture_on_commit_callbacks
):
    sync(django_capture_on_commit_callbacks, feed_without_packs)
    council.reply("GetMeetings", council.recorded("meetings.xml"), etag='"m2"')
    council.reply(
        "GetMeeting:1005",
        council.recorded("meeting-plain.xml", id=1005, date="30/03/2023", status="Postponed"),
    )
    run = sync(django_capture_on_commit_callbacks, feed_without_packs)

    assert Meeting.objects.get(date=datetime.date(2023, 3, 30)).status == "cancelled"
    assert "Meeting of 30 March 2023: status now cancelled." in run.changes
    # Servers without validators (meeting 1005 now) are asked plainly; those with them are not.
    assert "If-Modified-Since" in council.requests_for("GetMeeting:1003")[-1]


def test_a_meeting_a_pack_created_is_matched_not_duplicated(
    feed, corpus_pdf, expected_extraction, django_capture_on_commit_callbacks
):
    from meetings.services.pack_contents import store_pack_contents
    from meetings.services.packs import publish_pack
    from tests.factories import PackFactory

    pack = PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None)
    publish_pack(store_pack_contents(pack, expected_extraction("2022-03-31")))
    existing = Meeting.objects.get(date=datetime.date(2022, 3, 31))

    sync(django_capture_on_commit_callbacks, feed)

    feed.refresh_from_db()
    assert feed.committee == existing.committee
    assert ModernGovMeeting.objects.get(moderngov_id=1001).meeting == existing
    assert Meeting.objects.filter(date=datetime.date(2022, 3, 31)).count() == 1


def test_a_pack_already_uploaded_is_linked_not_fetched_twice(
    feed, corpus_pdf, django_capture_on_commit_callbacks
):
    with open(corpus_pdf("2022-03-31"), "rb") as handle:
        uploaded = receive_pack(handle, filename="pack.pdf", enqueue=False)
    sync(django_capture_on_commit_callbacks, feed)
    assert ModernGovDocument.objects.get(is_agenda_pack=True).pack == uploaded
    assert Pack.objects.count() == 1


def test_a_pack_over_the_limit_is_refused_and_said_so(
    feed, council, settings, django_capture_on_commit_callbacks
):
    settings.PACK_MAX_BYTES = 10_000
    run = sync(django_capture_on_commit_callbacks, feed)
    doc = ModernGovDocument.objects.get(is_agenda_pack=True)
    assert doc.pack is None
    assert re.fullmatch(r"the document is \d+ KB, over the 9 KB limit for packs", doc.problem)
    assert any("was refused" in line for line in run.problems)
    assert not Pack.objects.exists()
    # Refused once, it is not downloaded again at every sync (only a replaced file is).
    council.replies["GetMeetings"].etag = council.replies["GetMeeting:1001"].etag = ""
    sync(django_capture_on_commit_callbacks, feed)
    assert len(council.requests_for("/documents/g1001/Public%20reports%20pack.pdf")) == 1


def test_passing_faults_are_retried_a_bounded_number_of_times(
    feed_without_packs, council, django_capture_on_commit_callbacks
):
    council.replies["GetCommittees"].failures_first = 2  # 503, 503, then the answer
    run = sync(django_capture_on_commit_callbacks, feed_without_packs)
    assert run.outcome != SyncRun.Outcome.FAILED
    assert len(council.requests_for("GetCommittees")) == 3

    council.replies["GetCommittees"].failures_first = 5
    council.replies["GetCommittees"].etag = ""
    run = sync(django_capture_on_commit_callbacks, feed_without_packs)
    assert run.outcome == SyncRun.Outcome.FAILED
    assert run.problems == [
        f"127.0.0.1:{council.url.rsplit(':', 1)[1]} answered HTTP 503; try again later."
    ]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (
            dict(
                body=moderngov_server.RECORDED.joinpath("challenge.html").read_text(),
                status=403,
                content_type="text/html",
            ),
            "refused the request with HTTP 403 (an HTML challenge page: a firewall",
        ),
        (
            dict(
                body="<!DOCTYPE html><html><body>Site maintenance</body></html>",
                content_type="text/html",
            ),
            "answered with a web page instead of the committee data",
        ),
        (dict(body="<getcommittees><committee>"), "not well-formed XML"),
        (
            dict(body='<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'),
            "refused for safety",
        ),
    ],
    ids=["challenge-403", "html-not-xml", "malformed", "entities"],
)
def test_a_refusal_or_garbage_is_a_clear_status_and_writes_nothing(
    feed_without_packs, council, client, users, reply, expected, django_capture_on_commit_callbacks
):
    council.reply("GetCommittees", **reply)
    run = sync(django_capture_on_commit_callbacks, feed_without_packs)

    assert run.outcome == SyncRun.Outcome.FAILED
    assert expected in run.problems[0]
    assert not Meeting.objects.exists() and not ModernGovMeeting.objects.exists()
    client.force_login(users["dso"])
    page = client.get(reverse("meetings:moderngov")).content.decode()
    assert "Failed" in page and expected.split(" (")[0][:40] in page.replace("&#x27;", "'")


def test_a_dead_host_is_a_clear_status(settings, django_capture_on_commit_callbacks):
    settings.MODERNGOV_RETRIES = 0
    feed = ModernGovFeed.objects.create(base_url="http://127.0.0.1:9", moderngov_committee=123)
    run = sync(django_capture_on_commit_callbacks, feed)
    assert run.outcome == SyncRun.Outcome.FAILED
    assert run.problems == [
        "Could not connect to 127.0.0.1:9 (the address may be wrong or the site down)."
    ]


def test_one_malformed_meeting_is_skipped_whole_and_the_rest_stored(
    feed_without_packs, council, django_capture_on_commit_callbacks
):
    council.reply("GetMeeting:1003", council.recorded("malformed.xml"))
    run = sync(django_capture_on_commit_callbacks, feed_without_packs)

    assert run.outcome == SyncRun.Outcome.PARTLY
    assert any(
        p.startswith("Meeting of 15 September 2022: the committee data is not well-formed")
        for p in run.problems
    )
    assert not ModernGovMeeting.objects.filter(moderngov_id=1003).exists()
    assert ModernGovMeeting.objects.filter(moderngov_id=1001).exists()
    # Next time the list is asked for whole again, so the failed meeting is retried.
    assert "GetMeetings:123" not in ModernGovFeed.objects.get().validators

    council.reply(
        "GetMeeting:1003",
        council.recorded("meeting-plain.xml", id=1003, date="15/09/2022", status="confirmed"),
    )
    sync(django_capture_on_commit_callbacks, feed_without_packs)
    assert ModernGovMeeting.objects.filter(moderngov_id=1003).exists()


def test_an_unknown_committee_id_says_so(council, django_capture_on_commit_callbacks):
    feed = ModernGovFeed.objects.create(base_url=council.url, moderngov_committee=999)
    run = sync(django_capture_on_commit_callbacks, feed)
    assert run.outcome == SyncRun.Outcome.FAILED
    assert "lists no committee with id 999" in run.problems[0]


def test_the_environment_default_and_the_command(
    council, settings, capsys, django_capture_on_commit_callbacks
):
    settings.MODERNGOV_URL = council.url
    settings.MODERNGOV_COMMITTEES = [123]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("sync_moderngov")
    out = capsys.readouterr().out
    assert "Children and Families Scrutiny Panel" in out and "+ New meeting: 31 March 2022." in out
    assert ModernGovFeed.objects.get().base_url == council.url


def test_the_review_screen_says_the_pack_came_from_moderngov(
    feed, client, users, django_capture_on_commit_callbacks
):
    sync(django_capture_on_commit_callbacks, feed)
    pack = Pack.objects.get()
    client.force_login(users["dso"])
    page = client.get(pack.get_absolute_url()).content.decode()
    assert "This pack came from the council's ModernGov" in page


def test_only_officers_see_the_sync_page_and_only_dsos_start_one(feed_without_packs, client, users):
    assert client.get(reverse("meetings:moderngov")).status_code in (302, 403)
    client.force_login(users["councillor"])
    assert client.get(reverse("meetings:moderngov")).status_code == 403
    client.force_login(users["manager"])
    assert client.get(reverse("meetings:moderngov")).status_code == 200
    assert (
        client.post(reverse("meetings:moderngov_sync", args=[feed_without_packs.pk])).status_code
        == 403
    )
    client.force_login(users["dso"])
    response = client.post(reverse("meetings:moderngov_sync", args=[feed_without_packs.pk]))
    assert response.status_code == 302
    assert SyncRun.objects.filter(
        feed=feed_without_packs
    ).exists()  # tasks run in-process in this test


def test_a_meeting_without_a_pack_shows_the_agenda_moderngov_lists(
    feed_without_packs, client, users, django_capture_on_commit_callbacks
):
    sync(django_capture_on_commit_callbacks, feed_without_packs)
    meeting = ModernGovMeeting.objects.get(moderngov_id=1001).meeting
    client.force_login(users["dso"])
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "As the council's committee system lists it" in page
    assert "Residential Placements Contract" in page and "Exempt" in page
