"""Ruled tables as grids of cell texts: headers, wrapped names, blanks, targets, captions, tables
going on over the page, and rows repeated between tables."""

from meetings.ingest.indicators import read_tables
from meetings.ingest.indicators.tables import (
    Grid,
    find_header,
    indicators_from_grid,
    merge_duplicates,
)
from meetings.ingest.pdf import Cell, Table
from tests.unit.ingest.pages import make_page

OWN = frozenset({"southampton"})


def grid(rows, page=10):
    """Cells 40 points wide, side by side, each row 20 points high."""
    return Grid(
        page,
        [
            [(cell, (40 * c, 20 * r, 40 * c + 40, 20 * r + 20)) for c, cell in enumerate(row)]
            for r, row in enumerate(rows)
        ],
    )


def read(rows, warnings=None, section=None):
    table = grid(rows)
    start, header = find_header(table, OWN)
    found = indicators_from_grid(
        table, header, start + 1, section, warnings if warnings is not None else []
    )
    return found, header


def values(item):
    return [(v["period"], v["value"]) for v in item["values"]]


HEADER = [
    "Indicator",
    "Outturn type",
    "Nov-2\n1",
    "Dec-2\n1",
    "Jan-2\n1",
    "Feb-22",
    "Target",
    "Southamp\nton 20/21",
    "Statistic\nal Neigh\nbours",
    "% change",
]


def test_a_ruled_grid():
    warnings = []
    (first, second), header = read(
        [
            HEADER,
            [
                "Rates of Single Assessments completed per\n10,000",
                "RATE",
                "434",
                "494",
                "513",
                "567",
                "TBC",
                "672",
                "637",
                "+11%",  # 513 then 567: agrees
            ],
            ["Percentage of Looked after Children (LAC) with a", *[""] * 9],
            ["permanence plan", "PERCENTA\nGE", "TBC", "N/A", "-", "", "<36%", "37%", "127%", "5%"],
        ],
        warnings,
        section="Right Service",
    )
    assert first["name"] == "Rates of Single Assessments completed per 10,000"
    assert first["unit"] == "rate"
    assert values(first) == [
        ("2021-11", 434.0),
        ("2021-12", 494.0),
        ("2022-01", 513.0),
        ("2022-02", 567.0),
    ]
    assert first["values"][0]["bbox"] == [80, 20, 120, 40] and first["values"][0]["page"] == 10
    assert first["target"] is None  # TBC
    assert first["benchmarks"] == [
        {"label": "Southampton 20/21", "kind": "own_outturn", "period": "2020-21", "value": 672.0},
        {
            "label": "Statistical Neighbours",
            "kind": "statistical_neighbours",
            "period": None,
            "value": 637.0,
        },
    ]  # the % change is not a benchmark
    assert second["name"] == "Percentage of Looked after Children (LAC) with a permanence plan"
    assert second["values"] == []  # TBC, N/A, - and blank are not values
    assert second["target"] == 36.0 and second["section"] == "Right Service"
    assert [b["kind"] for b in second["benchmarks"]] == ["own_outturn"]  # 127% is no percentage
    assert any("Jan-21" in w["message"] for w in header.warnings)  # read as 2022-01
    assert any("127" in w["message"] for w in warnings)


def test_a_glued_footnote_digit_is_not_a_value():
    warnings = []
    [row], _ = read(
        [
            ["Indicator", "Jan-22", "Feb-22", "Mar-22", "Apr-22"],
            ["Number of contacts", "1,610", "1,702", "16,551", "1,598"],
        ],
        warnings,
    )
    assert values(row) == [("2022-01", 1610.0), ("2022-02", 1702.0), ("2022-04", 1598.0)]
    assert any("16551" in w["message"] for w in warnings)


def test_duplicates_are_merged_and_disagreements_left_out():
    def indicator(page, values, target=None, benchmark=None):
        return {
            "name": "Re-referrals",
            "ref": None,
            "source": "table",
            "page": page,
            "unit": "percent",
            "section": None,
            "target": target,
            "benchmarks": [benchmark] if benchmark else [],
            "values": [{"period": p, "value": v} for p, v in values],
        }

    sn = {"label": "SN", "kind": "statistical_neighbours", "period": None, "value": 20.0}
    warnings = []
    [merged] = merge_duplicates(
        [
            indicator(1, [("2022-01", 5.0), ("2022-02", 6.0)], 4.0, sn),
            indicator(2, [("2022-01", 9.0), ("2022-03", 7.0)], 3.0, {**sn, "value": 21.0}),
        ],
        warnings,
    )
    assert values(merged) == [("2022-02", 6.0), ("2022-03", 7.0)]  # 2022-01: 5 or 9? neither
    assert merged["target"] is None and merged["benchmarks"] == []
    assert len(warnings) == 3 and all(w["page"] == 2 for w in warnings)


def test_several_target_columns_choose_the_year_of_the_latest_value():
    header = [
        "Indicator",
        "Jan-19",
        "Feb-19",
        "Mar-19",
        "Target 17/18",
        "Target 18/19",
        "Target 19/20",
    ]
    [row], _ = read([header, ["Re-referrals", "24%", "25%", "23%", "22%", "21%", "20%"]])
    assert row["target"] == 21.0  # March 2019 falls in 2018-19
    [row], _ = read([header, ["Re-referrals", "24%", "25%", "23%", "22%", "", "20%"]])
    assert row["target"] is None  # that year's target is blank: not another year's
    warnings = []
    [row], _ = read(
        [
            ["Indicator", "Jan-19", "Feb-19", "Mar-19", "Target 16/17", "Target 17/18"],
            ["Re-referrals", "24%", "25%", "23%", "22%", "21%"],
        ],
        warnings,
    )
    assert row["target"] is None and any("several targets" in w["message"] for w in warnings)
    [row], _ = read(
        [
            ["Indicator", "Jan-19", "Feb-19", "Mar-19", "Target", "Stretch target"],
            ["Re-referrals", "24%", "25%", "23%", "22%", "18%"],
        ]
    )
    assert row["target"] == 22.0


def test_a_caption_over_header_cells():
    """'Targets' merged over two year columns: targets, not values of those years."""
    caption = grid(
        [
            ["", "", "", "", "Targets", ""],
            ["Indicator", "Jan-19", "Feb-19", "Mar-19", "18/19", "19/20"],
            ["Re-referrals", "24%", "25%", "23%", "21%", "20%"],
        ]
    )
    caption.rows[0][4] = ("Targets", (160, 0, 240, 20))  # spans the last two columns
    start, header = find_header(caption, OWN)
    [row] = indicators_from_grid(caption, header, start + 1, None, [])
    assert values(row) == [("2019-01", 24.0), ("2019-02", 25.0), ("2019-03", 23.0)]
    assert row["target"] == 21.0


def test_periods_that_cannot_be_trusted_are_not_read():
    [row], header = read(
        [
            ["Indicator", "Jan-22", "Feb-22", "Jun-21", "Apr-22", "Apr-22", "2020/21", "Q3 2021"],
            ["Contacts", "10", "11", "12", "13", "14", "150", "40"],
        ]
    )
    assert values(row) == [("2022-01", 10.0), ("2022-02", 11.0)]  # Jun-21 out of order; Apr twice
    # A bare year after the months is the council's own outturn; a quarter there is not read.
    assert row["benchmarks"] == [
        {"label": "2020/21", "kind": "own_outturn", "period": "2020-21", "value": 150.0}
    ]
    messages = " ".join(w["message"] for w in header.warnings)
    assert "Jun-21" in messages and "Apr-22" in messages and "Q3 2021" in messages


def test_months_newest_first():
    [row], _ = read([["Indicator", "Mar-22", "Feb-22", "Jan-22"], ["Contacts", "3", "2", "1"]])
    assert sorted(values(row)) == [("2022-01", 1.0), ("2022-02", 2.0), ("2022-03", 3.0)]


def test_a_heading_row_inside_the_table_is_a_section_not_part_of_a_name():
    found, _ = read(
        [
            ["Indicator", "Jan-22", "Feb-22", "Mar-22"],
            ["Early Help", "", "", ""],
            ["Number of contacts", "1", "2", "3"],
            ["Percentage of children with a", "", "", ""],
            ["plan", "4%", "5%", "6%"],
        ],
        section="Right Service",
    )
    assert [(i["name"], i["section"]) for i in found] == [
        ("Number of contacts", "Early Help"),
        ("Percentage of children with a plan", "Early Help"),
    ]


def test_a_row_with_values_but_no_name_is_skipped():
    warnings = []
    found, _ = read(
        [
            ["Indicator", "Jan-22", "Feb-22", "Mar-22"],
            ["", "7", "8", "9"],
            ["Contacts", "1", "2", "3"],
            ["", "4", "5", "6"],
        ],
        warnings,
    )
    assert [i["name"] for i in found] == ["Contacts"]
    assert sum("no indicator name" in w["message"] for w in warnings) == 2


class FakePdf:
    """Ruled tables per page, as pdf.tables gives them."""

    def __init__(self, tables):
        self._tables = tables

    def tables(self, number):
        return [
            Table(
                number,
                [
                    [
                        Cell(text, (40 * c, 20 * r, 40 * c + 40, 20 * r + 20))
                        for c, text in enumerate(row)
                    ]
                    for r, row in enumerate(rows)
                ],
                (0, 0, 400, 400),
            )
            for rows in self._tables.get(number, [])
        ]

    def words(self, number):
        return []


def test_a_table_going_on_over_the_page():
    header = ["Indicator", "Jan-22", "Feb-22", "Mar-22"]
    pdf = FakePdf(
        {
            10: [[header, ["Contacts", "1", "2", "3"]]],
            11: [[["Referrals", "4", "5", "6"]]],  # no header repeated
            13: [[["Assessments", "7", "8", "9"]]],  # not the next page: another table
        }
    )
    pages = [make_page("x", number=n, width=842, height=595) for n in (10, 11, 13)]
    warnings = []
    found = read_tables(pages, pdf, warnings, OWN)
    assert [(i["name"], i["page"], values(i)[0]) for i in found] == [
        ("Contacts", 10, ("2022-01", 1.0)),
        ("Referrals", 11, ("2022-01", 4.0)),
    ]
