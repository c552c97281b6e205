"""Tables: ruled (the corpus), whitespace-aligned (a 2019-style dataset built here), and grids."""

from meetings.ingest.indicators import extract_indicators
from meetings.ingest.indicators.tables import (
    Grid,
    find_header,
    indicators_from_grid,
    merge_duplicates,
)
from meetings.ingest.pdf import PackPdf
from tests.fixtures.builders import dense_dataset_pdf


def grid(rows, page=10):
    return Grid(page, [[(cell, (0, 0, 1, 1)) for cell in row] for row in rows])


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
    table = grid(
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
                "+8%",
            ],
            [
                "Percentage of Looked after Children (LAC) with a",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
            ["permanence plan", "PERCENTA\nGE", "TBC", "N/A", "-", "", "<36%", "37%", "127%", "5%"],
        ]
    )
    start, header = find_header(table)
    warnings = []
    rows = indicators_from_grid(table, header, start + 1, "Right Service", warnings)
    first, second = rows
    assert (
        first["name"] == "Rates of Single Assessments completed per 10,000"
        and first["unit"] == "rate"
    )
    assert [(v["period"], v["value"]) for v in first["values"]] == [
        ("2021-11", 434.0),
        ("2021-12", 494.0),
        ("2022-01", 513.0),
        ("2022-02", 567.0),
    ]
    assert first["target"] is None
    assert first["benchmarks"] == [
        {"label": "Southampton 20/21", "kind": "own_outturn", "period": "2020-21", "value": 672.0},
        {
            "label": "Statistical Neighbours",
            "kind": "statistical_neighbours",
            "period": None,
            "value": 637.0,
        },
    ]
    assert second["name"] == "Percentage of Looked after Children (LAC) with a permanence plan"
    assert (
        second["values"] == [] and second["target"] == 36.0 and second["section"] == "Right Service"
    )
    assert [b["kind"] for b in second["benchmarks"]] == ["own_outturn"]  # 127% is not a percentage
    assert any("Jan-21" in w["message"] for w in header.warnings)  # read as 2022-01
    assert any("127" in w["message"] for w in warnings)


def test_duplicates_across_tables_are_merged_and_conflicts_warned():
    warnings = []
    a = {
        "name": "X",
        "source": "table",
        "page": 1,
        "unit": "count",
        "section": None,
        "target": None,
        "benchmarks": [],
        "values": [{"period": "2022-01", "value": 5.0}],
    }
    b = {
        "name": "X",
        "source": "table",
        "page": 2,
        "unit": "count",
        "section": "S",
        "target": 4.0,
        "benchmarks": [],
        "values": [{"period": "2022-01", "value": 6.0}, {"period": "2022-02", "value": 7.0}],
    }
    [merged] = merge_duplicates([a, b], warnings)
    assert merged["values"] == [
        {"period": "2022-01", "value": 5.0},
        {"period": "2022-02", "value": 7.0},
    ]
    assert merged["target"] == 4.0 and merged["section"] == "S"
    assert warnings and warnings[0]["page"] == 2


def test_a_whitespace_aligned_dataset(tmp_path):
    path = dense_dataset_pdf(tmp_path / "dense.pdf")
    with PackPdf(path) as pdf:
        indicators, _, _ = extract_indicators(pdf.pages(), pdf)
    rereferrals, plans = indicators
    assert (
        rereferrals["name"] == "Percentage of re-referrals within 12 months"
        and rereferrals["ref"] == "M1"
    )
    assert rereferrals["unit"] == "percent" and len(rereferrals["values"]) == 13
    assert rereferrals["values"][0] == {
        "period": "2018-02",
        "value": 23.0,
        "page": 1,
        "bbox": rereferrals["values"][0]["bbox"],
    }
    assert rereferrals["target"] == 20.0
    kinds = {b["kind"]: b["value"] for b in rereferrals["benchmarks"]}
    assert kinds == {
        "statistical_neighbours": 28.0,
        "england": 22.0,
    }  # not the % change, DoT or average
    values = {v["period"]: v["value"] for v in plans["values"]}
    assert values["2018-09"] == 320.0  # the superscript footnote digit is not part of it
    assert "2018-05" not in values and "2019-01" not in values  # TBC, N/A
    assert (
        plans["ref"] == "CP6B"
        and plans["name"] == "Number of children subject to a Child Protection Plan"
    )


def test_several_target_columns_choose_the_year_of_the_latest_value():
    table = grid(
        [
            [
                "Indicator",
                "Jan-19",
                "Feb-19",
                "Mar-19",
                "Target 17/18",
                "Target 18/19",
                "Target 19/20",
            ],
            ["Re-referrals", "24%", "25%", "23%", "22%", "21%", "20%"],
        ]
    )
    start, header = find_header(table)
    [row] = indicators_from_grid(table, header, start + 1, None, [])
    assert row["target"] == 21.0  # March 2019 falls in 2018-19
