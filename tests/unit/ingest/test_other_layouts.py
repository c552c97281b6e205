"""A whole pack unlike the corpus, end to end through extract(): no front sheet, labelled agenda
fields, roman-numbered resolutions, an unruled tracker, a whitespace-aligned dataset."""

import pytest

from meetings.ingest.extract import extract
from tests.fixtures.builders import other_year_pack


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    return extract(other_year_pack(tmp_path_factory.mktemp("packs") / "other.pdf"))


def test_meeting_from_the_agenda_and_public_information(pack):
    meeting = pack["meeting"]
    assert meeting["committee"] == "Overview and Scrutiny Management Committee"
    assert (meeting["date"], meeting["time"], meeting["venue"]) == (
        "2019-02-07",
        "18:00",
        "Council Chamber, Civic Centre",
    )
    assert any(w["page"] == 1 and "no front sheet" in w["message"] for w in pack["warnings"])


def test_agenda_minutes_and_report(pack):
    # the exclusion motion is taken in public: it marks the item after it (none here), not itself
    assert [(a["number"], a["exempt"]) for a in pack["agenda"]] == [
        (1, False),
        (2, False),
        (3, False),
        (4, False),
    ]
    [minutes] = pack["minutes"]
    assert minutes["present"] == [
        "Councillor Smith (Chair)",
        "Councillor Jones",
        "Councillor Patel",
    ]
    youth = minutes["items"][1]
    assert youth["resolutions"] == [
        "that the re-offending rates for the last three years be circulated to the Committee; and",
        "that the service returns to the Committee in the new municipal year.",
    ]
    [report] = pack["reports"]
    assert (report["agenda_number"], report["subject"]) == (3, "PERFORMANCE MONITORING")


def test_unruled_tracker(pack):
    first, second = pack["tracker"]
    assert (first["date"], first["title"], first["status"]) == (
        "2019-01-10",
        "Youth Offending Service",
        "complete",
    )
    assert first["action_taken"] == "Circulated on 1 February 2019."
    assert (second["number"], second["status"]) == (2, "not_due")


def test_aligned_dataset_with_long_names(pack):
    by_ref = {i["ref"]: i for i in pack["indicators"]}
    entrants = by_ref["YO1"]
    assert entrants["name"] == "First time entrants to the youth justice system"
    assert [v["value"] for v in entrants["values"]] == [12.0, 9.0, 11.0, 8.0, 10.0, 7.0]
    plans = by_ref["CP2"]
    assert (
        plans["name"] == "Percentage of child protection plans lasting 2 years or more"
    )  # "2" is not a value
    assert plans["values"][0] == {
        "period": "2018-07",
        "value": 3.0,
        "page": 5,
        "bbox": plans["values"][0]["bbox"],
    }
    assert plans["target"] == 3.0 and plans["benchmarks"][0]["kind"] == "england"
