"""The pure helpers of meetings/services/: no database, no files."""

import datetime

import pytest

from meetings.services.pack_contents import (
    extraction_digest,
    is_procedural,
    parse_date,
    parse_time,
    split_note,
)
from meetings.services.packs import PackRejected, check_upload, human_size
from meetings.services.text_match import normalised


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("Re-referrals to Social Care", "re referrals to social care"),
        ("  CLA\u00a0per 10,000 ", "cla per 10 000"),
        ("Café – Année", "cafe annee"),
        ("% of visits in time", "% of visits in time"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalised_keeps_only_what_matching_needs(printed, key):
    assert normalised(printed) == key


def test_two_wordings_of_one_measure_normalise_alike():
    assert normalised("Children in Need (CIN)") == normalised("children in need - CIN")


@pytest.mark.parametrize(
    ("printed", "parts"),
    [
        ("Councillor Guthrie (Chair)", ("Councillor Guthrie", "(Chair)")),
        ("Councillor Bunday", ("Councillor Bunday", "")),
        ("  Mrs Smith (Vice-Chair) ", ("Mrs Smith", "(Vice-Chair)")),
        ("(Chair", ("(Chair", "")),
    ],
)
def test_split_note(printed, parts):
    assert split_note(printed) == parts


@pytest.mark.parametrize(
    ("text", "title", "procedural"),
    [
        ("that the minutes of the meeting be approved and signed", "", True),
        ("that the press and public be excluded", "", True),
        ("", "Exclusion of the press and public", True),
        ("that officers report back on re-referrals in six months", "Performance", False),
    ],
)
def test_is_procedural(text, title, procedural):
    assert is_procedural(text, title) is procedural


def test_dates_and_times_read_or_none():
    assert parse_date("2023-03-30") == datetime.date(2023, 3, 30)
    assert parse_date("2023-02-30") is None  # well-formed, but no such day
    assert parse_date("30 March") is None and parse_date(None) is None
    assert parse_time("17:30") == datetime.time(17, 30)
    assert parse_time("half five") is None and parse_time("") is None


def test_extraction_digest_ignores_key_order():
    assert extraction_digest({"a": 1, "b": [1, 2]}) == extraction_digest({"b": [1, 2], "a": 1})
    assert extraction_digest({"a": 1}) != extraction_digest({"a": 2})


def test_human_size():
    assert human_size(10) == "1 KB"
    assert human_size(5 * 1024) == "5 KB"
    assert human_size(int(2.5 * 1024 * 1024)) == "2.5 MB"


@pytest.mark.parametrize(
    ("head", "size", "says"),
    [
        (b"", 0, "empty"),
        (b"PK\x03\x04rest", 100, "Word, Excel or zip"),
        (b"\x89PNG....", 100, "PNG image"),
        (b"hello", 100, "not a PDF"),
    ],
)
def test_check_upload_refuses_with_a_reason(head, size, says):
    with pytest.raises(PackRejected, match=says):
        check_upload(head, size)


def test_check_upload_accepts_a_pdf_and_refuses_one_too_big(settings):
    check_upload(b"%PDF-1.7\n", 1000)
    settings.PACK_MAX_BYTES = 999
    with pytest.raises(PackRejected, match="at most"):
        check_upload(b"%PDF-1.7\n", 1000)
