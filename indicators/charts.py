"""Plotly figures from plain data: pure functions, no queries.

A benchmark is drawn at its own period: an own-outturn for 2019-20 is a flat segment over that
financial year; a statistical-neighbour average whose period the pack did not print is a marker
at the date of the pack that reported it. Neither is joined to the monthly line.
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
    by_kind: dict[str, list] = {}
    for bench in benchmarks:
        by_kind.setdefault(bench.kind, []).append(bench)
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
            elif bench.reported_on:  # no period printed: as at the pack's date
                xs.append(bench.reported_on.isoformat())
                ys.append(bench.value)
                texts.append(
                    f"{label}: {format_value(bench.value, unit)} (latest published, as reported {bench.reported_on:%b %Y})"
                )
        if not xs:
            continue
        segments = any(b.period_start for b in rows)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines"
                if segments and all(b.period_start for b in rows)
                else "markers+lines"
                if segments
                else "markers",
                name=KIND_NAMES.get(kind, kind),
                line={"color": COLOURS.get(kind, "#888"), "width": 3},
                marker={"symbol": "diamond", "size": 9, "color": COLOURS.get(kind, "#888")},
                text=texts,
                hovertemplate="%{text}<extra></extra>",
                connectgaps=False,
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
