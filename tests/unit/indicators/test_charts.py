"""Chart figures are built from plain objects: no database needed."""

import datetime
from types import SimpleNamespace as Obj

from indicators.charts import implausible, trend_figure


def obs(period, value, start, page=3):
    return Obj(
        period=period,
        value=value,
        period_start=start,
        period_type="month",
        pack_id=1,
        pdf_page=page,
        pack=None,
        source="table",
        get_source_display=lambda: "Table",
    )


def bench(kind, value, period="", start=None, reported_on=None, label=""):
    return Obj(
        kind=kind,
        value=value,
        period=period,
        period_start=start,
        period_type="financial_year" if start else "",
        reported_on=reported_on,
        label=label,
    )


INDICATOR = Obj(name="Re-referrals", unit="percent")
SERIES = [
    obs("2021-04", 21.0, datetime.date(2021, 4, 1)),
    obs("2021-05", 27.0, datetime.date(2021, 5, 1)),
]


def test_values_target_and_hover_source():
    figure = trend_figure(INDICATOR, SERIES, target=23.0)
    value, target = figure["data"][:2]
    assert value["y"] == [21.0, 27.0]
    assert value["customdata"][0] == ["Apr 2021", "21%", "pack, page 3"]
    assert target["name"] == "Target" and target["y"] == [23.0, 23.0]
    assert figure["layout"]["yaxis"]["ticksuffix"] == "%"


def test_benchmarks_keep_their_own_periods():
    benchmarks = [
        bench("own_outturn", 28.0, "2019-20", datetime.date(2019, 4, 1), label="Southampton 19/20"),
        bench("statistical_neighbours", 28.0, reported_on=datetime.date(2022, 3, 31)),
    ]
    figure = trend_figure(INDICATOR, SERIES, benchmarks=benchmarks)
    by_name = {trace["name"]: trace for trace in figure["data"]}
    outturn = by_name["Own earlier outturn"]
    assert outturn["x"][:2] == ["2019-04-01", "2020-04-01"]  # a segment over the financial year
    # "latest published": a labelled reference line, not a point on the monthly axis
    assert "Statistical neighbours" not in by_name
    assert by_name["Statistical neighbours (latest published, Mar 2022 pack)"]["x"] == [None]
    (line,) = figure["layout"]["shapes"]
    assert line["xref"] == "paper" and (line["x0"], line["x1"]) == (0, 1)
    assert line["y0"] == line["y1"] == 28.0
    (label,) = figure["layout"]["annotations"]
    assert label["text"] == "Statistical neighbours 28%"


def test_reference_lines_name_their_page_and_do_not_overprint():
    benchmarks = [
        Obj(**vars(bench("england", 69.0, reported_on=datetime.date(2022, 3, 31))), pdf_page=66),
        bench("region", 70.0, reported_on=datetime.date(2022, 3, 31)),
    ]
    figure = trend_figure(INDICATOR, SERIES, benchmarks=benchmarks)
    labels = {a["text"]: a for a in figure["layout"]["annotations"]}
    england, region = labels["England 69%"], labels["Region 70%"]
    names = [t["name"] for t in figure["data"]]
    assert "England (latest published, Mar 2022 pack p.66)" in names
    assert (england["x"], england["yanchor"]) != (region["x"], region["yanchor"])
    # nothing of a reference is drawn at a date
    assert all(x is None for t in figure["data"] if "latest published" in t["name"] for x in t["x"])


def test_values_outside_their_units_range_are_flagged():
    assert implausible(552.0, "percent")  # a rate printed in a percentage column
    assert implausible(-3, "count")
    assert implausible(2.5, "count")
    assert implausible(12_000, "rate_per_10k")
    assert not implausible(100.0, "percent") and not implausible(0, "count")
    assert not implausible(552.0, "rate_per_10k") and not implausible(-5, "other")
    series = [*SERIES, obs("2021-06", 552.0, datetime.date(2021, 6, 1))]
    flagged = trend_figure(INDICATOR, series)["data"][-1]
    assert flagged["name"] == "Outside the plausible range"
    assert flagged["x"] == ["2021-06-01"]
    assert "552%" in flagged["text"][0] and "impossible" in flagged["text"][0]


def test_revised_values_are_marked():
    first = obs("2021-05", 26.0, datetime.date(2021, 5, 1))
    figure = trend_figure(INDICATOR, SERIES, revised={"2021-05": [first, SERIES[1]]})
    revision = figure["data"][-1]
    assert revision["name"] == "Earlier report (revised)"
    assert "first reported as 26%" in revision["text"][0]


def test_compact_figure_for_small_multiples():
    figure = trend_figure(INDICATOR, SERIES, target=23.0, compact=True)
    assert figure["layout"]["showlegend"] is False
    assert figure["layout"]["height"] == 170


def test_a_line_breaks_over_unreported_months():
    series = [*SERIES, obs("2022-01", 30.0, datetime.date(2022, 1, 1))]
    value = trend_figure(INDICATOR, series)["data"][0]
    assert value["x"] == ["2021-04-01", "2021-05-01", None, "2022-01-01"]
    assert value["customdata"][3][0] == "Jan 2022"  # hover text stays with its point
