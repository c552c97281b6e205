"""store_pack_contents, publish_pack and discard_pack against PostgreSQL, fed the corpus JSON."""

import copy

import pytest

from indicators.models import Benchmark, Indicator, Observation, Target
from meetings.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Membership,
    Minute,
    Pack,
    Recommendation,
    RecommendationUpdate,
    Report,
    Resolution,
)
from meetings.services.pack_contents import ExtractionIncomplete, store_pack_contents
from meetings.services.packs import CannotPublish, discard_pack, publish_pack
from tests.factories import PackFactory

pytestmark = pytest.mark.django_db

MODELS = [
    AgendaItem,
    Report,
    Minute,
    Resolution,
    Attendance,
    Recommendation,
    RecommendationUpdate,
    Observation,
    Benchmark,
    Target,
    Indicator,
    Meeting,
]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def new_pack(**kwargs):
    return PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None, **kwargs)


def test_store_2022_pack_as_draft(expected_extraction):
    data = expected_extraction("2022-03-31")
    pack = store_pack_contents(new_pack(), data)

    assert pack.status == Pack.Status.NEEDS_REVIEW
    assert pack.meeting.date.isoformat() == "2022-03-31"
    assert pack.meeting.committee.name == "Children and Families Scrutiny Panel"
    assert AgendaItem.objects.filter(pack=pack).count() == 10
    assert Report.objects.filter(pack=pack).count() == 4
    minutes = Minute.objects.filter(pack=pack)
    assert minutes.count() == 7
    assert {m.meeting.date.isoformat() for m in minutes} == {"2021-11-25"}
    # Approving the minutes is procedure; the SEND and performance resolutions are substantive.
    assert Resolution.objects.filter(minute__pack=pack, is_substantive=False).count() == 1
    assert Resolution.objects.filter(minute__pack=pack, is_substantive=True).count() == 5
    assert (
        Attendance.objects.filter(pack=pack, status="apologies").get().person.name == "Rob Sanders"
    )
    assert Indicator.objects.filter(committee=pack.committee).count() == 29
    total_values = sum(len(i["values"]) for i in data["indicators"])
    assert Observation.objects.filter(pack=pack).count() == total_values
    re_referrals = Indicator.objects.get(name="Percentage of re-referrals within 12 months")
    assert re_referrals.unit == "percent"
    assert Target.objects.get(indicator=re_referrals).value == 23.0
    assert set(Benchmark.objects.filter(indicator=re_referrals).values_list("kind", flat=True)) == {
        "own_outturn",
        "statistical_neighbours",
        "region",
    }
    # 5 substantive resolutions + 5 tracker rows (from earlier meetings) become recommendations.
    assert RecommendationUpdate.objects.filter(pack=pack).count() == 5


def test_storing_twice_creates_nothing_new(expected_extraction):
    data = expected_extraction("2022-03-31")
    pack = store_pack_contents(new_pack(), data)
    before = counts()
    store_pack_contents(pack, copy.deepcopy(data))
    assert counts() == before
    # A changed extraction (say, after a parser fix) replaces the draft's rows, not adds to them.
    data["agenda"][0]["title"] = "APOLOGIES"
    store_pack_contents(pack, data)
    assert counts() == before
    assert AgendaItem.objects.get(pack=pack, number=1).title == "APOLOGIES"


def test_a_failure_part_way_leaves_no_rows(expected_extraction):
    data = expected_extraction("2022-03-31")
    data["indicators"][3]["values"][0]["value"] = "not a number"
    before = counts()
    with pytest.raises(ValueError):
        store_pack_contents(new_pack(), data)
    assert counts() == before


def test_missing_panel_or_date_is_refused_in_plain_words(expected_extraction):
    data = expected_extraction("2023-03-30")
    data["meeting"]["date"] = None
    with pytest.raises(ExtractionIncomplete, match="meeting date could not be read"):
        store_pack_contents(new_pack(), data)


def test_publish_then_both_packs_join_series(expected_extraction):
    first = store_pack_contents(new_pack(), expected_extraction("2022-03-31"))
    publish_pack(first)
    second = store_pack_contents(new_pack(), expected_extraction("2023-03-30"))
    publish_pack(second)
    assert Meeting.objects.filter(committee=first.committee).count() >= 4
    # "Number of care leavers" is worded the same in both packs: one series, two years.
    care_leavers = Indicator.objects.get(name="Number of care leavers")
    periods = set(care_leavers.observations.values_list("period", flat=True))
    assert {"2021-04", "2023-02"} <= periods
    # The newer front sheet is the panel's membership now.
    chair = Membership.objects.get(committee=first.committee, role="chair")
    assert chair.person.name == "Councillor Winning"
    assert Membership.objects.filter(committee=first.committee, person=None).count() == 1


def test_discard_removes_the_draft_but_keeps_the_pack_row(expected_extraction):
    pack = store_pack_contents(new_pack(), expected_extraction("2023-03-30"))
    discard_pack(pack)
    pack.refresh_from_db()
    assert pack.status == Pack.Status.DISCARDED
    assert not AgendaItem.objects.filter(pack=pack).exists()
    assert not Observation.objects.filter(pack=pack).exists()
    assert not Recommendation.objects.exists()
    assert not Indicator.objects.exists()


def test_published_pack_cannot_be_discarded(expected_extraction):
    pack = publish_pack(store_pack_contents(new_pack(), expected_extraction("2023-03-30")))
    with pytest.raises(CannotPublish):
        discard_pack(pack)


def test_a_corrected_pack_replaces_the_draft_and_keeps_history(expected_extraction):
    first = store_pack_contents(new_pack(), expected_extraction("2023-03-30"))
    corrected = expected_extraction("2023-03-30")
    corrected["agenda"][6]["title"] = "YOUNG PEOPLE'S SERVICE UPDATE"
    second = store_pack_contents(new_pack(), corrected)
    first.refresh_from_db()
    assert first.status == Pack.Status.SUPERSEDED
    assert second.replaces == first
    assert not AgendaItem.objects.filter(pack=first).exists()
    assert AgendaItem.objects.get(pack=second, number=7).title == "YOUNG PEOPLE'S SERVICE UPDATE"
    assert Pack.objects.filter(meeting=second.meeting).count() == 2
    # What the corrected pack says is all there: its resolutions are tracked, its tracker rows kept.
    assert Recommendation.objects.filter(resolution__minute__pack=second).count() == 1
    assert RecommendationUpdate.objects.filter(pack=second).count() == 3
    assert not Recommendation.objects.filter(pack=first).exists()


def test_a_revised_month_becomes_a_new_revision(expected_extraction):
    first = publish_pack(store_pack_contents(new_pack(), expected_extraction("2023-03-30")))
    later = expected_extraction("2023-03-30")
    later["meeting"]["date"] = "2023-06-29"
    later["minutes"] = []
    later["tracker"] = []
    for indicator in later["indicators"]:
        for value in indicator["values"]:
            value["value"] += 1
    publish_pack(store_pack_contents(new_pack(), later))
    series = Indicator.objects.get(name="Number of care leavers").observations.filter(
        period="2023-02"
    )
    assert sorted(series.values_list("revision", "value")) == [(1, 279.0), (2, 280.0)]
    assert first.status == Pack.Status.PUBLISHED


def test_a_corrected_pack_of_a_published_meeting_keeps_its_recommendations(expected_extraction):
    first = publish_pack(store_pack_contents(new_pack(), expected_extraction("2023-03-30")))
    rec = Recommendation.objects.get(resolution__minute__pack=first)
    second = publish_pack(store_pack_contents(new_pack(), expected_extraction("2023-03-30")))
    rec.refresh_from_db()
    assert (
        rec.pack == second and rec.resolution.minute.pack == second
    )  # the same recommendation, re-read
    assert (
        Recommendation.objects.count() == 3
    )  # one from the minutes, two from the tracker's 2022 rows
