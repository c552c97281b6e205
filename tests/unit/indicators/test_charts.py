"""Chart figures are built from plain objects: no database needed."""

import datetime
from types import SimpleNamespace as Obj

from indicators.charts import trend_figure


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
    neighbours = by_name["Statistical neighbours"]
    assert neighbours["mode"] == "markers" and neighbours["x"] == [
        "2022-03-31"
    ]  # not a monthly line


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
