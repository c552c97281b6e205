from meetings.ingest.dates import find_date, find_time, municipal_year_dates
from meetings.ingest.text import clean, join_wrapped, normalise_page_text, page_stamp


def test_clean_collapses_odd_spaces_and_glyphs():
    assert clean("a\u00a0 b\ufffec\uf0b7 d") == "a b-c d"


def test_page_furniture_is_removed():
    raw = "Agenda Item 7\r\nDECISION-MAKER: PANEL\r\nThis page is intentionally left blank\r\nPage 12\r\nmailto:a@b.c"
    assert normalise_page_text(raw) == "DECISION-MAKER: PANEL"
    assert page_stamp(raw) == 12


def test_join_wrapped_mends_hyphenated_breaks_only_before_lower_case():
    assert join_wrapped(["the co-", "ordinate plan"]) == "the co-ordinate plan"
    assert (
        join_wrapped(["Children and", "Learning - Performance"])
        == "Children and Learning - Performance"
    )


def test_dates_and_times_as_packs_print_them():
    assert str(find_date("Thursday, 31st March, 2022")) == "2022-03-31"
    assert str(find_date("DATE OF DECISION: 30 MARCH 2023")) == "2023-03-30"
    assert str(find_date("17/06/21")) == "2021-06-17"
    assert find_time("at 5.30 pm") == "17:30"
    assert find_time("10am") == "10:00"
    assert find_time("18:00") == "18:00"


def test_municipal_year_dates_follow_may_to_april():
    text = "17 June 27 January 22 July 31 March 30 September 4 November 25 November"
    assert municipal_year_dates(text, (2021, 2022)) == [
        "2021-06-17",
        "2021-07-22",
        "2021-09-30",
        "2021-11-04",
        "2021-11-25",
        "2022-01-27",
        "2022-03-31",
    ]


def test_other_page_numbering_is_furniture_but_not_a_pack_stamp():
    from meetings.ingest.text import normalise_page_text, page_stamp

    raw = "RESOLVED that the minutes be\n- 3 -\napproved.\nPage 2 of 9"
    assert normalise_page_text(raw) == "RESOLVED that the minutes be\napproved."
    assert page_stamp(raw) is None and page_stamp("text\n– 12 –\nPage 14") == 14
