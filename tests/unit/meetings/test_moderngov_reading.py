"""Reading ModernGov's XML: pure, no Django."""

import datetime

import pytest

from meetings.moderngov import reading
from tests.moderngov_server import RECORDED


def test_dates_and_times_as_the_service_prints_them():
    assert reading.parse_date("31/03/2022") == datetime.date(2022, 3, 31)
    assert reading.parse_date("1/6/2022 00:00:00") == datetime.date(2022, 6, 1)
    assert reading.parse_date("2022-03-31") == datetime.date(2022, 3, 31)
    assert reading.parse_date("31/02/2022") is None
    assert reading.parse_date("not yet fixed") is None
    assert reading.parse_time("5.30 pm") == datetime.time(17, 30)
    assert reading.parse_time("17:30") == datetime.time(17, 30)
    assert reading.parse_time("10.00am") == datetime.time(10, 0)
    assert reading.parse_time("12.15 pm") == datetime.time(12, 15)
    assert reading.parse_time("TBC") is None


def test_committees_and_a_history_of_meetings():
    root = reading.parse((RECORDED / "committees.xml").read_bytes())
    assert {"id": 123, "title": "Children and Families Scrutiny Panel"} in reading.committees(root)
    listed, skipped = reading.meetings(reading.parse((RECORDED / "meetings.xml").read_bytes()))
    assert skipped == 1
    assert [m["id"] for m in listed] == [501, 1001, 1002, 1003, 1005]
    cancelled = next(m for m in listed if m["id"] == 1002)
    assert cancelled["status"] == "Cancelled" and cancelled["agenda_published"] is False


def test_a_meeting_with_restricted_items_escaped_minutes_and_documents():
    meeting = reading.meeting(reading.parse((RECORDED / "meeting-1001.xml").read_bytes()))
    assert meeting["venue"] == "Conference Room 3 - Civic Centre"
    restricted = [item["title"] for item in meeting["agenda_items"] if item["restricted"]]
    assert restricted == ["Residential Placements Contract"]
    minutes = meeting["agenda_items"][1]["minutes"]
    assert minutes.startswith("RESOLVED that the minutes") and "<" not in minutes
    assert len(meeting["documents"]) == 3
    assert reading.agenda_pack(meeting["documents"])["id"] == 9002


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        (["Agenda frontsheet", "Public reports pack", "Printed minutes"], "Public reports pack"),
        (["Agenda frontsheet", "Agenda reports pack 12th-Jan-2023 18.00 Panel"], 1),
        (["Supplementary reports pack", "Agenda frontsheet"], None),
        (["Printed minutes", "Agenda frontsheet"], None),
    ],
)
def test_which_document_is_the_agenda_pack(titles, expected):
    docs = [{"id": i, "title": title, "url": f"/d/{i}.pdf"} for i, title in enumerate(titles)]
    found = reading.agenda_pack(docs)
    if expected is None:
        assert found is None
    elif isinstance(expected, int):
        assert found["id"] == expected
    else:
        assert found["title"] == expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<!DOCTYPE html><html><body>Checking your browser</body></html>", "a web page instead"),
        (b"   ", "an empty answer"),
        (b"<getmeetings><meeting>", "not well-formed XML"),
        (b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "refused for safety"),
    ],
)
def test_what_is_not_the_service_xml_says_what_it_is(body, message):
    with pytest.raises(reading.NotModernGovXml, match=message):
        reading.parse(body)


def test_tags_are_matched_without_case_or_namespace():
    body = b'<GetCommittees xmlns="http://x/"><Committee><CommitteeId>7</CommitteeId><CommitteeTitle>Audit</CommitteeTitle></Committee></GetCommittees>'
    assert reading.committees(reading.parse(body)) == [{"id": 7, "title": "Audit"}]


def test_document_urls_are_upgraded_to_https_on_the_same_host():
    from meetings.moderngov.client import ModernGovClient

    client = ModernGovClient("https://democracy.example.gov.uk/mgWebService.asmx")
    assert client.base_url == "https://democracy.example.gov.uk"
    assert (
        client.document_url("http://democracy.example.gov.uk/documents/s1/a.pdf")
        == "https://democracy.example.gov.uk/documents/s1/a.pdf"
    )
    assert client.document_url("http://elsewhere.example/a.pdf") == "http://elsewhere.example/a.pdf"
    assert client.document_url("/documents/s1/a.pdf") == (
        "https://democracy.example.gov.uk/documents/s1/a.pdf"
    )
