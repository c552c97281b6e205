"""Tables without ruling lines: the 2019-style monthly dataset, from word positions."""

import pytest

from meetings.ingest.indicators import extract_indicators
from meetings.ingest.indicators.aligned import grids
from meetings.ingest.indicators.tables import find_header, indicators_from_grid
from meetings.ingest.pdf import PackPdf, Word
from tests.fixtures.builders import dataset_2019, dense_dataset_pdf


def by_period(item):
    return {v["period"]: v["value"] for v in item["values"]}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    path = dataset_2019(tmp_path_factory.mktemp("aligned") / "dataset.pdf")
    with PackPdf(path) as pdf:
        indicators, _, warnings = extract_indicators(pdf.pages(), pdf)
    return {i["ref"]: i for i in indicators}, warnings


def test_thirteen_months_and_comparators(dataset):
    found, _ = dataset
    rereferrals = found["M1"]
    assert rereferrals["name"] == "Percentage of re-referrals within 12 months"  # joined
    assert rereferrals["unit"] == "percent" and rereferrals["source"] == "table"
    assert list(by_period(rereferrals)) == [
        "2018-02",
        "2018-03",
        "2018-04",
        "2018-05",
        "2018-06",
        "2018-07",
        "2018-08",
        "2018-09",
        "2018-10",
        "2018-11",
        "2018-12",
        "2019-01",
        "2019-02",
    ]
    assert by_period(rereferrals)["2018-02"] == 23.0 and by_period(rereferrals)["2019-02"] == 24.0
    first = rereferrals["values"][0]
    assert first["page"] == 1 and len(first["bbox"]) == 4 and first["bbox"][0] < first["bbox"][2]
    # Not the % change (-4%), the arrow ('h'), the 12-month average (25%) nor the commentary.
    assert {(b["kind"], b["label"], b["value"]) for b in rereferrals["benchmarks"]} == {
        ("statistical_neighbours", "Stat Neighbours", 28.0),
        ("england", "England", 22.0),
        ("region", "South East", 23.0),
    }
    assert rereferrals["target"] == 20.0  # "Target 18/19", the year of Feb-19; not 19/20's 19%


def test_blanks_footnotes_and_the_next_page(dataset):
    found, warnings = dataset
    assert not any("not read" in w["message"] and w["page"] == 2 for w in warnings)
    plans = found["CP6B"]
    assert plans["name"] == "Number of children subject to a Child Protection Plan"
    assert plans["unit"] == "count"
    values = by_period(plans)
    assert values["2018-09"] == 320.0  # the raised footnote digit is not part of it
    assert "2018-05" not in values and "2019-01" not in values  # TBC, N/A
    assert plans["target"] is None  # TBC for 18/19, blank for 19/20
    assert [b["kind"] for b in plans["benchmarks"]] == ["statistical_neighbours"]  # England "-"
    # Page 2 goes on without its header: read with page 1's columns, its title left out.
    rate = found["LAC3"]
    assert rate["page"] == 2 and rate["unit"] == "rate_per_10k"
    assert by_period(rate)["2018-02"] == 98.0 and len(rate["values"]) == 13
    assert rate["target"] is None  # 18/19 is blank: 19/20's 100 is not this year's
    assert found["LAC4"]["name"] == "Percentage of children looked after with 3 or more placements"
    assert set(found) == {"M1", "CP6B", "LAC3", "LAC4"}
    assert all(2019.0 not in by_period(i).values() for i in found.values())


def test_the_dataset_built_for_the_other_layouts(tmp_path):
    path = dense_dataset_pdf(tmp_path / "dense.pdf")
    with PackPdf(path) as pdf:
        indicators, _, _ = extract_indicators(pdf.pages(), pdf)
    rereferrals, plans = indicators
    assert rereferrals["ref"] == "M1" and len(rereferrals["values"]) == 13
    assert rereferrals["target"] == 20.0
    assert {b["kind"]: b["value"] for b in rereferrals["benchmarks"]} == {
        "statistical_neighbours": 28.0,
        "england": 22.0,
    }
    assert by_period(plans)["2018-09"] == 320.0


# --- word-level excerpts --------------------------------------------------------------------


def words_at(top, items, height=6.0):
    """Words on one line: (text, x0) pairs, 4 points a character."""
    return [Word(text, x, x + 4 * len(text), top, top + height) for text, x in items]


HEADER = [("Ref", 10), ("Indicator", 40)] + [
    (m, 200 + 40 * i) for i, m in enumerate(["Jan-19", "Feb-19", "Mar-19"])
]


def read_words(words):
    [grid] = grids(words, 5)
    start, header = find_header(grid)
    warnings = []
    return indicators_from_grid(grid, header, start + 1, None, warnings), warnings


def test_a_figure_between_two_columns_is_not_read():
    words = words_at(100, [*HEADER, ("Target", 340)])
    # "7" sits at x=258, between Jan-19 (200-224) and Feb-19 (240-264) … and the Feb-19 cell is
    # otherwise empty: it lines up with neither its header nor the column's other figures.
    words += words_at(120, [("A1", 10), ("Contacts", 40), ("10", 208), ("12", 288), ("9", 350)])
    words += words_at(135, [("A2", 10), ("Referrals", 40), ("20", 208), ("21", 248), ("23", 288)])
    words += words_at(150, [("A3", 10), ("Visits", 40), ("30", 208), ("7", 230), ("33", 288)])
    words += words_at(165, [("A4", 10), ("Plans", 40), ("40", 208), ("41", 248), ("43", 288)])
    found, warnings = read_words(words)
    visits = next(i for i in found if i["ref"] == "A3")
    assert by_period(visits) == {"2019-01": 30.0, "2019-03": 33.0}
    assert any("does not line up" in w["message"] for w in warnings)


def test_notes_titles_and_stamps_under_the_table_are_not_rows():
    words = words_at(100, HEADER)
    words += words_at(120, [("A1", 10), ("Contacts", 40), ("10", 208), ("11", 248), ("12", 288)])
    # A note running across the columns, a date in a title, and a page stamp.
    words += words_at(
        150,
        [("Note:", 40), ("12", 208), ("cases", 230), ("were", 250), ("moved", 280)],
    )
    words += words_at(170, [("Produced", 40), ("March", 180), ("2019", 208)])
    words += words_at(190, [("Page", 200), ("12", 225)])
    found, _ = read_words(words)
    assert [(i["name"], by_period(i)) for i in found] == [
        ("Contacts", {"2019-01": 10.0, "2019-02": 11.0, "2019-03": 12.0})
    ]


def test_header_labels_on_two_lines():
    """'Stat' over 'Neighbours', 'Target' over '19/20' (which alone would read as a year)."""
    words = words_at(92, [("Stat", 330), ("Target", 380)])
    words += words_at(100, [*HEADER, ("Neighbours", 330), ("19/20", 380)])
    words += words_at(120, [("A1", 10), ("Re-referrals", 40), ("21%", 205), ("22%", 245)])
    words[-1:] += words_at(120, [("20%", 285), ("25%", 345), ("18%", 385)])
    [row], _ = read_words(words)
    assert by_period(row) == {"2019-01": 21.0, "2019-02": 22.0, "2019-03": 20.0}
    assert row["target"] == 18.0
    assert row["benchmarks"] == [
        {
            "label": "Stat Neighbours",
            "kind": "statistical_neighbours",
            "period": None,
            "value": 25.0,
        }
    ]


def test_a_caption_over_the_months_leaves_them_months():
    words = words_at(92, [("2018/19", 200)])  # over Jan-19 … Mar-19
    words[0] = Word("2018/19", 200, 304, 92, 98)
    words += words_at(100, HEADER)
    words += words_at(120, [("A1", 10), ("Contacts", 40), ("10", 208), ("11", 248), ("12", 288)])
    [row], _ = read_words(words)
    assert by_period(row) == {"2019-01": 10.0, "2019-02": 11.0, "2019-03": 12.0}


def test_months_packed_into_one_run_are_split():
    header = [("Ref", 10), ("Indicator", 40), ("Feb", 200), ("18", 214), ("Mar", 224)]
    header += [("18", 238), ("Apr", 248), ("18", 262)]
    words = words_at(100, header)
    words += words_at(120, [("A1", 10), ("Contacts", 40), ("10", 206), ("11", 230), ("12", 254)])
    words += words_at(135, [("A2", 10), ("Visits", 40), ("20", 206), ("21", 230), ("22", 254)])
    found, _ = read_words(words)
    assert by_period(found[0]) == {"2018-02": 10.0, "2018-03": 11.0, "2018-04": 12.0}


class TwoPages:
    """pdf.words of a table page and of a page after it whose figures sit elsewhere."""

    def __init__(self, shift):
        self.shift = shift

    def tables(self, number):
        return []

    def words(self, number):
        if number == 1:
            words = words_at(100, HEADER)
            rows = [("A1", "Contacts", 10), ("A2", "Referrals", 20)]
        else:
            words, rows = [], [("A3", "Visits", 30), ("A4", "Plans", 40)]
        for k, (ref, name, base) in enumerate(rows):
            x = self.shift if number == 2 else 0
            figures = [(str(base + j), 208 + 40 * j + x) for j in range(3)]
            words += words_at(120 + 15 * k, [(ref, 10), (name, 40), *figures])
        return words


def test_a_page_without_header_is_read_only_if_its_figures_line_up():
    from meetings.ingest.indicators import read_tables
    from tests.unit.ingest.pages import make_page

    pages = [make_page("table", number=n) for n in (1, 2)]
    found = read_tables(pages, TwoPages(shift=0), [])
    assert [(i["ref"], i["page"], by_period(i)["2019-01"]) for i in found] == [
        ("A1", 1, 10.0),
        ("A2", 1, 20.0),
        ("A3", 2, 30.0),
        ("A4", 2, 40.0),
    ]
    warnings = []
    found = read_tables(pages, TwoPages(shift=17), warnings)  # another layout: not guessed
    assert [i["ref"] for i in found] == ["A1", "A2"]
    assert any(w["page"] == 2 and "not read" in w["message"] for w in warnings)


def test_a_first_row_packed_against_the_header_is_not_part_of_it():
    words = words_at(100, HEADER)
    words += words_at(107, [("A1", 10), ("Visits", 40), ("21%", 205), ("22%", 245), ("23%", 285)])
    words += words_at(115, [("A2", 10), ("Plans", 40), ("31%", 205), ("32%", 245), ("33%", 285)])
    found, _ = read_words(words)
    assert [(i["name"], by_period(i)["2019-01"]) for i in found] == [
        ("Visits", 21.0),
        ("Plans", 31.0),
    ]
