"""The recommendation lifecycle, as the packs print it, against PostgreSQL."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting, Minute, Pack, Recommendation, RecommendationUpdate, Resolution
from meetings.selectors.tracker import monitoring_report
from meetings.services import recommendations as lifecycle
from meetings.services.pack_contents import store_pack_contents
from meetings.services.packs import publish_pack
from meetings.services.recommendation_sources import due_from, find_match
from tests.factories import CommitteeFactory, MeetingFactory, PackFactory

pytestmark = pytest.mark.django_db
Progress = Recommendation.Progress


@pytest.fixture
def rec():
    meeting = MeetingFactory(date=datetime.date(2022, 1, 27))
    return Recommendation.objects.create(
        committee=meeting.committee,
        meeting=meeting,
        made_on=meeting.date,
        title="Quality Assurance Brief",
        number=1,
        text="That the Scrutiny Manager liaises with the Head of Quality Assurance.",
    )


def on_list(rec, meeting):
    return rec in [row.rec for row in monitoring_report(None, rec.committee, meeting)["rows"]]


def test_remains_on_the_list_until_the_panel_accepts_it(rec, users):
    march = MeetingFactory(committee=rec.committee, date=datetime.date(2022, 3, 31))
    june = MeetingFactory(committee=rec.committee, date=datetime.date(2022, 6, 16))
    lifecycle.record_progress(
        rec,
        status=Progress.IN_PROGRESS,
        action_taken="A meeting has taken place.",
        user=users["manager"],
    )
    assert on_list(rec, march)
    lifecycle.record_progress(
        rec, status=Progress.COMPLETE, action_taken="Sessions held.", user=users["manager"]
    )
    assert on_list(rec, march)  # complete in the officers' view is not off the list
    lifecycle.record_panel_decision(
        rec, decision="not_accepted", meeting=march, user=users["manager"]
    )
    rec.refresh_from_db()
    assert rec.state == "open" and rec.status == Progress.NOT_COMPLETE
    assert on_list(rec, june)  # not accepted: it comes back next meeting
    with pytest.raises(lifecycle.LifecycleError, match="only once officers report it complete"):
        lifecycle.record_panel_decision(rec, decision="accepted", meeting=june)
    lifecycle.record_progress(
        rec, status=Progress.COMPLETE, action_taken="All teams met.", user=users["manager"]
    )
    lifecycle.record_panel_decision(rec, decision="accepted", meeting=june, user=users["manager"])
    rec.refresh_from_db()
    assert rec.state == "closed"
    assert not on_list(rec, june)
    history = list(
        rec.updates.order_by("recorded_at").values_list("status", "decision", "author__username")
    )
    assert history == [
        ("in_progress", "", "manager"),
        ("complete", "", "manager"),
        ("not_complete", "not_accepted", "manager"),
        ("complete", "", "manager"),
        ("complete", "accepted", "manager"),
    ]
    with pytest.raises(lifecycle.LifecycleError):
        lifecycle.record_progress(rec, status=Progress.IN_PROGRESS)


def test_rejected_is_removed_only_after_being_reported(rec):
    meeting = MeetingFactory(committee=rec.committee, date=datetime.date(2022, 3, 31))
    with pytest.raises(lifecycle.LifecycleError):
        lifecycle.record_panel_decision(rec, decision="rejected_reported", meeting=meeting)
    lifecycle.record_progress(rec, status=Progress.REJECTED, action_taken="The Cabinet declined.")
    assert on_list(rec, meeting)
    lifecycle.record_panel_decision(rec, decision="rejected_reported", meeting=meeting)
    rec.refresh_from_db()
    assert rec.state == "removed" and not on_list(rec, meeting)


def test_due_dates_link_to_meetings_and_flag_overdue(rec):
    later = MeetingFactory(committee=rec.committee, date=datetime.date(2024, 11, 28))
    due = due_from(
        rec.committee,
        "That it is considered, provisionally at the 28 November 2024 meeting of the Panel.",
    )
    assert due == {"due_date": datetime.date(2024, 11, 28), "due_meeting": later}
    lifecycle.update_details(rec, due_date=due["due_date"], due_meeting=later)
    assert rec.is_overdue(on=datetime.date(2024, 12, 1))
    assert not rec.is_overdue(on=datetime.date(2024, 11, 1))
    lifecycle.record_progress(rec, status=Progress.COMPLETE)
    assert not rec.is_overdue(on=datetime.date(2024, 12, 1))


def test_procedural_resolutions_are_not_tracked_but_can_be(expected_extraction, users):
    pack = store_pack_contents(
        PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None),
        expected_extraction("2022-03-31"),
    )
    approving = Resolution.objects.get(minute__pack=pack, text__startswith="that the minutes")
    assert (
        not approving.is_substantive
        and not Recommendation.objects.filter(resolution=approving).exists()
    )
    substantive = Recommendation.objects.filter(resolution__minute__pack=pack)
    assert substantive.count() == 5
    assert substantive.filter(title="Children and Learning - Performance").count() == 3
    rec = lifecycle.set_tracked(approving, True, user=users["manager"])
    assert rec.resolution == approving
    lifecycle.set_tracked(approving, False)
    assert not Recommendation.objects.filter(resolution=approving).exists()


def test_tracker_rows_attach_across_packs_despite_title_and_tense(users):
    panel = CommitteeFactory()
    made = MeetingFactory(committee=panel, date=datetime.date(2019, 9, 12))
    minute = Minute.objects.create(
        pack=PackFactory(meeting=made),
        meeting=made,
        number=12,
        title="THE YOUTH JUSTICE SERVICE IN SOUTHAMPTON",
    )
    resolution = Resolution.objects.create(
        minute=minute,
        number=1,
        text="That the Panel would be provided with the re-offending rates for the last three years.",
    )
    from meetings.services.recommendation_sources import recommend_from_resolutions

    recommend_from_resolutions(minute.pack, panel, [resolution])
    rec = Recommendation.objects.get(resolution=resolution)
    found, score = find_match(
        panel,
        made.date,
        1,
        "Youth Offending Service",
        "1) That the Panel is provided with the re-offending rates for the last three years.",
    )
    assert found == rec and score >= 0.8
    _, score = find_match(
        panel,
        made.date,
        2,
        "Youth Offending Service",
        "That the Panel visits the youth offending team premises.",
    )
    assert score < 0.8


def test_corpus_tracker_rows_match_recommendations_from_the_previous_pack(expected_extraction):
    """The 2023 pack's tracker row of 26/01/23 continues the resolution in the same pack's minutes."""
    pack = publish_pack(
        store_pack_contents(
            PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None),
            expected_extraction("2023-03-30"),
        )
    )
    rec = Recommendation.objects.get(made_on=datetime.date(2023, 1, 26))
    assert rec.resolution is not None  # from the minutes
    update = rec.updates.get(pack=pack)
    assert update.status == "partially_complete" and update.action_taken.startswith(
        "The audit was completed"
    )
    rec.refresh_from_db()
    assert rec.status == "partially_complete"


def test_confirming_a_suggested_match_joins_the_histories(rec):
    row = Recommendation.objects.create(
        committee=rec.committee,
        made_on=rec.made_on,
        title="QA",
        number=1,
        text="Liaise with QA",
        suggested_match=rec,
    )
    RecommendationUpdate.objects.create(
        recommendation=row,
        date=datetime.date(2022, 3, 31),
        status=Progress.IN_PROGRESS,
        action_taken="Met",
    )
    kept = lifecycle.confirm_match(row)
    assert kept == rec and rec.updates.count() == 1
    assert not Recommendation.objects.filter(pk=row.pk).exists()


def test_pages_and_exports(client, users, rec):
    meeting = MeetingFactory(committee=rec.committee, date=datetime.date(2022, 3, 31))
    lifecycle.record_progress(
        rec,
        status=Progress.PARTIALLY_COMPLETE,
        action_taken="Dates are being scheduled.",
        on=datetime.date(2022, 2, 1),
    )
    assert "Quality Assurance Brief" in client.get(reverse("meetings:tracker")).content.decode()
    page = client.get(rec.get_absolute_url()).content.decode()
    assert (
        "Dates are being scheduled." in page and "Record progress" not in page
    )  # the public reads only
    client.force_login(users["manager"])
    assert "Record progress" in client.get(rec.get_absolute_url()).content.decode()
    response = client.post(
        reverse("meetings:recommendation_progress", args=[rec.pk]),
        {"status": "complete", "action_taken": "Done.", "on": "2022-03-20"},
    )
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.status == "complete"
    report = client.get(
        reverse("meetings:monitoring", args=[rec.committee.slug]), {"meeting": meeting.pk}
    ).content.decode()
    assert "Monitoring Scrutiny Recommendations" in report and "Done." in report
    csv_text = client.get(
        reverse("meetings:monitoring_csv", args=[rec.committee.slug]), {"meeting": meeting.pk}
    ).content.decode()
    assert csv_text.splitlines()[0] == "Date,Title,Action proposed,Action Taken,Progress Status"
    assert "27/01/22,Quality Assurance Brief,1) That the Scrutiny Manager" in csv_text
    pdf = client.get(
        reverse("meetings:monitoring_pdf", args=[rec.committee.slug]), {"meeting": meeting.pk}
    )
    assert pdf.content.startswith(b"%PDF") and pdf["Content-Type"] == "application/pdf"


def test_only_the_scrutiny_manager_edits(client, users, rec):
    for who in ("councillor", "dso"):
        client.force_login(users[who])
        response = client.post(
            reverse("meetings:recommendation_progress", args=[rec.pk]),
            {"status": "complete", "on": "2022-03-20"},
        )
        assert response.status_code == 403
    rec.refresh_from_db()
    assert rec.status == "proposed"


def test_filters_on_the_tracker_list(client, rec):
    closed = Recommendation.objects.create(
        committee=rec.committee,
        title="Old",
        text="Closed one",
        state="closed",
        made_on=datetime.date(2021, 6, 17),
    )
    overdue = Recommendation.objects.create(
        committee=rec.committee,
        title="Late",
        text="Overdue one",
        due_date=datetime.date(2020, 1, 1),
        made_on=datetime.date(2019, 6, 1),
    )
    url = reverse("meetings:tracker")
    html = client.get(url).content.decode()
    assert rec.title in html and closed.text not in html
    html = client.get(url, {"state": "closed"}).content.decode()
    assert closed.text in html and rec.text not in html
    html = client.get(url, {"overdue": "on"}).content.decode()
    assert overdue.text in html and rec.text not in html
    assert Meeting.objects.exists()


def test_the_manager_overrides_a_procedural_reading_from_the_meeting_page(
    client, users, expected_extraction
):
    pack = publish_pack(
        store_pack_contents(
            PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None),
            expected_extraction("2023-03-30"),
        )
    )
    exclusion = Resolution.objects.get(minute__pack=pack, minute__number=28)
    assert not exclusion.is_substantive
    meeting_url = exclusion.minute.meeting.get_absolute_url()
    assert "Track as a recommendation" not in client.get(meeting_url).content.decode()
    client.force_login(users["manager"])
    assert "Track as a recommendation" in client.get(meeting_url).content.decode()
    response = client.post(
        reverse("meetings:track_resolution", args=[exclusion.pk]), {"tracked": "yes"}
    )
    rec = Recommendation.objects.get(resolution=exclusion)
    assert response["Location"] == rec.get_absolute_url()
    client.post(reverse("meetings:track_resolution", args=[exclusion.pk]), {"tracked": "no"})
    assert not Recommendation.objects.filter(resolution=exclusion).exists()
