"""Plotly figures from plain data: pure functions, no queries.

A benchmark is drawn at its own period: an own-outturn for 2019-20 is a flat segment over that
financial year; a statistical-neighbour average whose period the pack did not print ("latest
published") is a labelled dotted reference line across the chart, with the pack that reported
it, never a point on the monthly axis. Values their unit cannot take are ringed.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio

from indicators.periods import period_end, period_label
from indicators.status import format_value

COLOURS = {
    "value": "#1f5fa8",
    "target": "#1b7a3d",
    "statistical_neighbours": "#8a3ffc",
    "region": "#b35c00",
    "england": "#3d3d3d",
    "own_outturn": "#6b7a8f",
    "core_cities": "#a2191f",
    "other": "#888888",
    "revision": "#b3261e",
}
KIND_NAMES = {
    "statistical_neighbours": "Statistical neighbours",
    "region": "Region",
    "england": "England",
    "own_outturn": "Own earlier outturn",
    "core_cities": "Core cities",
    "other": "Other",
}


def source_text(obs) -> str:
    """Where a value came from, for the hover: 'Mar 2022 pack, page 66 (table)'."""
    how = {"narrative": " (from a sentence)", "ocr": " (read from an image)"}.get(obs.source, "")
    if obs.pack_id:
        meeting = getattr(getattr(obs, "pack", None), "meeting", None)
        where = f"{meeting.date:%b %Y} pack" if meeting else "pack"
        page = f", page {obs.pdf_page}" if obs.pdf_page else ""
        return f"{where}{page}{how}"
    return obs.get_source_display()


def trend_figure(
    indicator, series, *, target=None, benchmarks=(), revised=None, compact=False
) -> dict:
    unit = indicator.unit
    suffix = "%" if unit == "percent" else ""
    fig = go.Figure()
    points = [o for o in series if o.period_start]
    xs, ys, custom = with_gaps(points, unit, compact)
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines+markers",
            name=indicator.name if compact else "Value",
            line={"color": COLOURS["value"], "width": 2},
            marker={"size": 5 if compact else 7},
            customdata=custom,
            # No <b> or other markup: plotly would style it inline, which the CSP forbids.
            hovertemplate="%{customdata[0]}: %{customdata[1]}"
            + ("" if compact else "<br>%{customdata[2]}")
            + "<extra></extra>",
        )
    )
    if target is not None and points:
        fig.add_trace(
            go.Scatter(
                x=[
                    points[0].period_start.isoformat(),
                    period_end(points[-1].period_type, points[-1].period_start).isoformat(),
                ],
                y=[target, target],
                mode="lines",
                name="Target",
                line={"color": COLOURS["target"], "dash": "dash", "width": 1.5},
                hovertemplate=f"Target: {format_value(target, unit)}<extra></extra>",
            )
        )
    if not compact:
        add_benchmarks(fig, benchmarks, unit)
        add_revisions(fig, revised or {}, unit)
    add_implausible(fig, points, unit)
    fig.update_layout(
        template="none",  # plotly.py's default template adds ~7 KB of JSON to every figure
        margin={"l": 48, "r": 12, "t": 10 if compact else 24, "b": 36},
        height=170 if compact else 380,
        showlegend=not compact,
        legend={"orientation": "h", "y": -0.18},
        hovermode="closest",
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        font={"family": "system-ui, sans-serif", "size": 12},
        xaxis=x_axis(points),
        yaxis={
            "ticksuffix": suffix,
            "gridcolor": "#e8ecf2",
            "rangemode": "tozero" if unit in ("percent", "count") else "normal",
        },
    )
    return json.loads(pio.to_json(fig, validate=False))


def with_gaps(points, unit, compact):
    """x, y and hover data, with a break wherever periods are missing: a line must not bridge a
    year in which nothing was reported."""
    xs, ys, custom = [], [], []
    for previous, obs in zip([None, *points], points, strict=False):
        if (
            previous is not None
            and period_end(previous.period_type, previous.period_start) < obs.period_start
        ):
            xs.append(None)
            ys.append(None)
            custom.append(None)
        xs.append(obs.period_start.isoformat())
        ys.append(obs.value)
        custom.append(
            [period_label(obs.period), format_value(obs.value, unit)]
            + ([] if compact else [source_text(obs)])
        )
    return xs, ys, custom


def x_axis(points) -> dict:
    axis = {"type": "date", "showgrid": False, "tickformat": "%b %Y"}
    if points and (points[-1].period_start - points[0].period_start).days < 200:
        axis["dtick"] = "M1"  # a few months: one tick a month, not the same month three times
    return axis


def add_benchmarks(fig, benchmarks, unit):
    """Benchmarks at their own periods. One whose period the pack did not print ("latest
    published") is not a point of the monthly series: it is a dotted reference line across the
    chart, labelled with what it is, its value and the pack that reported it."""
    by_kind: dict[str, list] = {}
    for bench in benchmarks:
        by_kind.setdefault(bench.kind, []).append(bench)
    references = []
    for kind, rows in by_kind.items():
        xs, ys, texts = [], [], []
        for bench in rows:
            label = bench.label or KIND_NAMES.get(kind, kind)
            if bench.period_start:  # its own period: a flat segment across it
                end = period_end(bench.period_type, bench.period_start)
                xs += [bench.period_start.isoformat(), end.isoformat(), None]
                ys += [bench.value, bench.value, None]
                text = f"{label} ({bench.period}): {format_value(bench.value, unit)}"
                texts += [text, text, None]
            else:  # no period printed: a reference, not a point in time
                references.append((kind, label, bench))
        if not xs:
            continue
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=KIND_NAMES.get(kind, kind),
                line={"color": COLOURS.get(kind, "#888"), "width": 3},
                text=texts,
                hovertemplate="%{text}<extra></extra>",
                connectgaps=False,
            )
        )
    add_reference_lines(fig, references, unit)


def reference_source(bench) -> str:
    """'latest published, Mar 2022 pack p.66'."""
    source = "latest published"
    if bench.reported_on:
        source += f", {bench.reported_on:%b %Y} pack"
    page = getattr(bench, "pdf_page", None)
    if page:
        source += f" p.{page}"
    return source


def add_reference_lines(fig, references, unit):
    # Labels of close values would overprint: they alternate right and left of the chart, the
    # first on a side above its line, the next below it, then further down.
    span = max((abs(b.value) for _, _, b in references), default=1) or 1
    placed: list[tuple[float, int]] = []  # (value, side)
    for kind, label, bench in sorted(references, key=lambda r: -r[2].value):
        colour = COLOURS.get(kind, "#888")
        near = [side for value, side in placed if abs(value - bench.value) < span * 0.08]
        side = len(near) % 2  # 0: right, 1: left
        stacked = near.count(side)
        placed.append((bench.value, side))
        fig.add_shape(
            type="line",
            xref="paper",
            x0=0,
            x1=1,
            y0=bench.value,
            y1=bench.value,
            line={"color": colour, "width": 1.5, "dash": "dot"},
        )
        fig.add_annotation(
            xref="paper",
            x=1 - side,
            y=bench.value,
            xanchor="left" if side else "right",
            yanchor="top" if stacked else "bottom",
            yshift=-14 * max(0, stacked - 1),
            text=f"{label} {format_value(bench.value, unit)}",  # short: it must fit a phone
            showarrow=False,
            font={"color": colour, "size": 11},
            bgcolor="rgba(255,255,255,0.85)",
        )
        # In the legend with its source, as a reference: no points on the time axis.
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                name=f"{KIND_NAMES.get(kind, label)} ({reference_source(bench)})",
                line={"color": colour, "width": 1.5, "dash": "dot"},
                hoverinfo="skip",
            )
        )


PLAUSIBLE = {
    # unit: (lowest, highest) a value of that unit can take
    "percent": (0, 100),
    "count": (0, None),
    "rate_per_10k": (0, 10_000),
    "rate": (0, None),
    "average": (0, None),
    "days": (0, None),
    "weeks": (0, None),
}


def implausible(value, unit) -> str:
    """Why a value cannot be right for its unit ('' when it can): a rate of 552 printed in a
    percentage column, a negative count."""
    if value is None or unit not in PLAUSIBLE:
        return ""
    low, high = PLAUSIBLE[unit]
    if low is not None and value < low:
        return f"below {format_value(low, unit)}, impossible for this unit: check the pack"
    if high is not None and value > high:
        return f"above {format_value(high, unit)}, impossible for this unit: check the pack"
    if unit == "count" and value % 1:
        return "a count with a fraction: check the pack"
    return ""


def add_implausible(fig, points, unit):
    """Values outside what their unit allows, ringed and explained on hover."""
    flagged = [(o, implausible(o.value, unit)) for o in points]
    flagged = [(o, why) for o, why in flagged if why]
    if not flagged:
        return
    fig.add_trace(
        go.Scatter(
            x=[o.period_start.isoformat() for o, _ in flagged],
            y=[o.value for o, _ in flagged],
            mode="markers",
            name="Outside the plausible range",
            marker={
                "symbol": "x-thin-open",
                "size": 14,
                "color": COLOURS["revision"],
                "line": {"width": 2},
            },
            text=[
                f"{period_label(o.period)}: {format_value(o.value, unit)}, {why}"
                for o, why in flagged
            ],
            hovertemplate="%{text}<extra></extra>",
        )
    )


def add_revisions(fig, revised, unit):
    """Earlier reports of a period that was later revised: hollow markers, explained on hover."""
    xs, ys, texts = [], [], []
    for history in revised.values():
        for obs in history[:-1]:
            if obs.period_start is None:
                continue
            xs.append(obs.period_start.isoformat())
            ys.append(obs.value)
            texts.append(
                f"{period_label(obs.period)}: first reported as {format_value(obs.value, unit)} ({source_text(obs)}); since revised"
            )
    if xs:
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers",
                name="Earlier report (revised)",
                marker={
                    "symbol": "circle-open",
                    "size": 11,
                    "color": COLOURS["revision"],
                    "line": {"width": 2},
                },
                text=texts,
                hovertemplate="%{text}<extra></extra>",
            )
        )
