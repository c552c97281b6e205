"""Each way a table without rules, a cross-check or a scan went wrong in packs of other years,
in two paraphrases each: word-level excerpts (tables without rules) and grids (ruled tables)."""

import pytest

from meetings.ingest.indicators.aligned import grids
from meetings.ingest.indicators.columns import classify, data_period
from meetings.ingest.indicators.crosscheck import check_row
from meetings.ingest.indicators.tables import find_header, indicators_from_grid
from meetings.ingest.months import month_number
from meetings.ingest.pdf import Char, Word, parse_tesseract_tsv, words_from_chars
from tests.unit.ingest.indicators.test_tables import read


def words_at(top, items, height=6.0, char=4.0):
    return [Word(text, x, x + char * len(text), top, top + height) for text, x in items]


def read_words(words, page=5):
    [grid] = grids(words, page)
    start, header = find_header(grid)
    warnings = []
    return indicators_from_grid(grid, header, start + 1, None, warnings), warnings


def by_period(item):
    return {v["period"]: v["value"] for v in item["values"]}


def header(periods=("Jan-19", "Feb-19", "Mar-19"), name_x=40, tail=()):
    return words_at(
        100, [("Indicator", name_x), *[(p, 200 + 40 * i) for i, p in enumerate(periods)], *tail]
    )


# --- a word in a figure column is no value for that cell; the row stays ----------------------


@pytest.mark.parametrize("note", [["Local"], ["n/k"], ["Not", "published"], ["*"]])
def test_a_note_in_a_figure_cell_leaves_that_cell_empty_and_says_which(note):
    words = header()
    # Right-aligned under Feb-19 (its figures end at 264), however many words it has.
    width = 3 * sum(len(part) + 1 for part in note) - 3
    x, placed = 264 - width, []
    for part in note:
        placed.append(Word(part, x, x + 3 * len(part), 120, 126))
        x += 3 * (len(part) + 1)
    words += words_at(120, [("Contacts", 40), ("10", 208), ("12", 288)]) + placed
    words += words_at(135, [("Referrals", 40), ("20", 208), ("21", 248), ("23", 288)])
    found, warnings = read_words(words)
    contacts = next(i for i in found if i["name"] == "Contacts")
    assert by_period(contacts) == {"2019-01": 10.0, "2019-03": 12.0}
    if note != ["*"]:  # "*" is one of the usual blanks
        text = " ".join(note)
        assert any(f"'{text}' is not a number" in w["message"] and w["page"] == 5 for w in warnings)


def test_a_note_running_across_the_columns_is_still_not_a_row():
    words = header()
    words += words_at(120, [("Contacts", 40), ("10", 208), ("11", 248), ("12", 288)])
    words += words_at(
        140, [("Figures", 204), ("for", 236), ("March", 252), ("are", 276), ("provisional", 292)]
    )
    found, _ = read_words(words)
    assert [i["name"] for i in found] == ["Contacts"]


# --- wrapped names attach to the row whose figures they sit beside ---------------------------


def test_figures_in_the_middle_of_a_two_line_name():
    words = header()
    # "Number of children" / "in care" with the figures set between the two lines.
    words += words_at(116, [("Number", 40), ("of", 70), ("children", 80)])
    words += words_at(120.5, [("41", 208), ("43", 248), ("40", 288)])
    words += words_at(125, [("in", 40), ("care", 50)])
    words += words_at(146, [("Percentage", 40), ("of", 84), ("visits", 94)])
    words += words_at(150.5, [("81%", 204), ("83%", 244), ("80%", 284)])
    words += words_at(155, [("on", 40), ("time", 52)])
    found, _ = read_words(words)
    assert [(i["name"], i["unit"]) for i in found] == [
        ("Number of children in care", "count"),
        ("Percentage of visits on time", "percent"),
    ]


def test_a_third_name_line_nearer_the_next_row_stays_with_its_own():
    words = header()
    words += words_at(
        120, [("Number", 40), ("of", 70), ("households", 80), ("41", 208), ("43", 248), ("40", 288)]
    )
    words += words_at(127, [("placed", 40), ("in", 66), ("temporary", 76)])
    words += words_at(134, [("accommodation", 40)])
    # The next row starts 3 points below: nearer to "accommodation" than its own first line is.
    words += words_at(
        146,
        [("Percentage", 40), ("of", 84), ("plans", 94), ("71%", 204), ("73%", 244), ("70%", 284)],
    )
    words += words_at(153, [("reviewed", 40), ("on", 76), ("time", 88)])
    found, _ = read_words(words)
    assert [(i["name"], i["unit"]) for i in found] == [
        ("Number of households placed in temporary accommodation", "count"),
        ("Percentage of plans reviewed on time", "percent"),
    ]  # a half-name of the next row never makes the count a percentage


# --- column boundaries from where the body's words sit ---------------------------------------


def test_refs_wider_than_their_short_header():
    words = words_at(
        100, [("Ref.", 150), ("Indicator", 10), ("Jan-19", 200), ("Feb-19", 240), ("Mar-19", 280)]
    )
    words += words_at(
        120,
        [
            ("Average", 10),
            ("caseload", 44),
            ("CSC-101", 150),
            ("18", 208),
            ("19", 248),
            ("17", 288),
        ],
    )
    words += words_at(
        135, [("Agency", 10), ("staff", 40), ("CSC-102", 150), ("9", 212), ("8", 252), ("10", 288)]
    )
    found, _ = read_words(words)
    assert [(i["name"], i["ref"]) for i in found] == [
        ("Average caseload", "CSC-101"),
        ("Agency staff", "CSC-102"),
    ]


def test_long_names_under_a_short_name_header_stay_names():
    words = words_at(
        100, [("Measure", 10), ("Ref", 170), ("2019/20", 200), ("2020/21", 240), ("2021/22", 280)]
    )
    words += words_at(
        120,
        [
            ("Children", 10),
            ("in", 46),
            ("need", 56),
            ("per", 76),
            ("10,000", 92),
            ("C1", 170),
            ("352", 204),
            ("360", 244),
            ("349", 284),
        ],
    )
    words += words_at(
        135,
        [
            ("Care", 10),
            ("leavers", 30),
            ("in", 60),
            ("work", 70),
            ("or", 90),
            ("study", 100),
            ("C2", 170),
            ("57%", 204),
            ("55%", 244),
            ("58%", 284),
        ],
    )
    found, _ = read_words(words)
    assert [(i["name"], i["ref"], i["values"][0]["period"]) for i in found] == [
        ("Children in need per 10,000", "C1", "2019-20"),
        ("Care leavers in work or study", "C2", "2019-20"),
    ]


# --- a comparator period printed once in a banner --------------------------------------------


@pytest.mark.parametrize(
    ("banner", "period"),
    [
        ("Comparators updated Mar-19, using 17-18 data", "2017-18"),
        ("Benchmarks (based on 2022/23 data)", "2022-23"),
    ],
)
def test_a_banner_period_applies_to_the_comparators_under_it(banner, period):
    assert data_period(banner) == period
    column = classify(f"{banner}\nStat Neighbours")
    assert (column.role, column.kind, column.period) == (
        "benchmark",
        "statistical_neighbours",
        period,
    )
    assert classify(f"{banner}\nEngland").period == period


# --- the outlier filter keeps a spike the row itself confirms --------------------------------


def spike_row(tail_header, tail_cell):
    hdr = ["Indicator", "Apr-23", "May-23", "Jun-23", "Jul-23", tail_header]
    return [hdr, ["Number of contacts", "120", "118", "121", "1,640", tail_cell]]


@pytest.mark.parametrize(
    ("tail_header", "tail_cell"), [("Maximum", "1,640"), ("% change", "+1255%")]
)
def test_a_spike_the_row_confirms_is_kept(tail_header, tail_cell):
    warnings = []
    [item], _ = read(spike_row(tail_header, tail_cell), warnings)
    assert dict((v["period"], v["value"]) for v in item["values"])["2023-07"] == 1640.0


def test_a_spike_nothing_confirms_is_not_read():
    warnings = []
    [item], _ = read(spike_row("RAG", "G"), warnings)
    assert "2023-07" not in {v["period"] for v in item["values"]}
    assert any("does not fit its row" in w["message"] for w in warnings)


# --- cross-checks: what else the row prints must agree ---------------------------------------


def series(*values, start=1):
    return [
        (f"2023-{start + k:02d}", float(v.rstrip("%").replace(",", "")), v)
        for k, v in enumerate(values)
    ]


@pytest.mark.parametrize(
    ("checks", "agrees"),
    [
        ({"change": "+10%"}, True),  # 100 then 110
        ({"change": "+10pp"}, True),  # in points
        ({"change": "-4%"}, False),
        ({"direction": "Up"}, True),
        ({"direction": "↓"}, False),
        ({"average": "105"}, True),
        ({"average": "150"}, False),
        ({"maximum": "110"}, True),
        ({"maximum": "104"}, False),
        ({"total": "210"}, True),
        ({"total": "260"}, False),
    ],
)
def test_printed_checks(checks, agrees):
    result = check_row("Contacts", 4, series("100", "110"), checks)
    assert (not result.refused) == agrees
    if not agrees:
        assert result.warnings and result.warnings[0]["page"] == 4
        assert "Contacts" in result.warnings[0]["message"]


def test_rounding_of_printed_figures_is_allowed_for():
    # 23% then 25%: anywhere from 22.5→24.5 (+9%) to 23.5→25.5 (+8.5%) … +13%.
    assert not check_row("Re-referrals", 1, series("23%", "25%"), {"change": "+9%"}).refused
    assert not check_row("Re-referrals", 1, series("23%", "25%"), {"change": "+2pp"}).refused


def test_a_check_over_a_missing_month_is_not_made():
    missing = [("2023-01", 100.0, "100"), ("2023-02", None, "n/k"), ("2023-03", 130.0, "130")]
    assert not check_row("Contacts", 1, missing, {"average": "999", "change": "+50%"}).refused


def test_a_contradicted_value_is_left_out_of_a_ruled_table_with_its_page():
    warnings = []
    rows = [
        ["Indicator", "Jan-23", "Feb-23", "Mar-23", "% change", "DoT"],
        ["Number of contacts", "1,402", "1,380", "1,512", "+9.6%", "Down"],
        ["Number of referrals", "402", "380", "412", "+8.4%", "Up"],
    ]
    (contacts, referrals), _ = read(rows, warnings)
    assert "2023-03" not in {v["period"] for v in contacts["values"]}
    assert {v["period"] for v in referrals["values"]} == {"2023-01", "2023-02", "2023-03"}
    assert any(w["page"] == 10 and "direction of travel (Down)" in w["message"] for w in warnings)


# --- OCR: only what tesseract read surely ----------------------------------------------------


def tsv(rows):
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    return "\n".join(
        [head] + [f"5\t1\t1\t1\t1\t1\t{x}\t10\t{w}\t10\t{c}\t{t}" for t, x, w, c in rows]
    )


def test_an_unsure_figure_and_a_rule_read_as_text_are_dropped():
    rows = [("Contacts", 0, 80, 95), ("411", 100, 30, 60), ("|", 140, 2, 90), ("278", 160, 30, 96)]
    assert [w.text for w in parse_tesseract_tsv(tsv(rows), 1.0)] == ["Contacts", "278"]


def test_a_figure_whose_box_is_wider_than_its_digits_lost_one():
    figures = [(str(100 + k), 100 * k, 30, 95) for k in range(1, 7)]
    rows = [*figures, ("1", 800, 20, 95)]  # "11" read as "1" from a box two digits wide
    assert "1" not in [w.text for w in parse_tesseract_tsv(tsv(rows), 1.0)]


# --- word geometry from pdfium's character boxes ---------------------------------------------


def chars(text, x, top, size=10.0, width=5.0):
    return [
        Char(ch, x + width * k, x + width * (k + 1), top, top + size) for k, ch in enumerate(text)
    ]


def test_characters_become_words_as_pdfplumber_makes_them():
    line = chars("Apr-21", 10, 100) + chars("28%", 50, 100.5) + chars("self-", 10, 120)
    line += chars("1", 80.2, 96, size=4.0)  # a raised footnote digit after "28%"
    assert [(w.text, w.x0) for w in words_from_chars(line)] == [
        ("Apr-21", 10),
        ("28%", 50),
        ("self-", 10),
    ]


def test_a_space_or_a_gap_ends_a_word():
    line = chars("Number of", 10, 100) + chars("303", 70, 100)
    assert [w.text for w in words_from_chars(line)] == ["Number", "of", "303"]


def test_one_month_table():
    assert [month_number(w) for w in ("March", "mar.", "Sept", "june", "Smarch")] == [
        3,
        3,
        9,
        6,
        None,
    ]
