"""Indicator rows from tables: ruled ones (cells from pdfplumber) and whitespace-aligned ones
(columns rebuilt from word positions, see aligned.py) end up here as a header plus rows of
cell texts with boxes, and become PACK_SCHEMA indicators.

A header row is one with at least three period columns. A table on the next page without a
header continues the previous one. A row with a name but no values is a section heading or the
first half of a wrapped name; a row with values but no name finishes the name above.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .columns import Column, classify, unit_from, unit_from_name
from .periods import repair_month_sequence
from .values import implausible, looks_like_value, parse_value

MIN_PERIODS = 3


@dataclass
class Grid:
    """A table reduced to text: rows of (text, box) cells, and the page it is on."""

    page: int
    rows: list[list[tuple[str, tuple | None]]]


@dataclass
class Header:
    columns: list[Column]
    width: int
    warnings: list[dict] = field(default_factory=list)


def find_header(grid: Grid) -> tuple[int, Header] | None:
    for at, row in enumerate(grid.rows[:4]):
        columns = [classify(text) for text, _ in row]
        if sum(c.role == "value" for c in columns) >= MIN_PERIODS:
            return at, make_header(columns, grid.page)
    return None


def make_header(columns: list[Column], page: int) -> Header:
    periods, fixed = repair_month_sequence(
        [c.period if c.role == "value" else None for c in columns]
    )
    warnings = []
    for i in fixed:
        warnings.append(
            {
                "page": page,
                "message": f"column headed '{columns[i].label}' breaks the run of months: read as {periods[i]}",
            }
        )
        columns[i] = Column("value", period=periods[i], label=columns[i].label)
    if not any(c.role == "name" for c in columns):
        # The name column is the first wide text column before the values.
        first_value = next(i for i, c in enumerate(columns) if c.role == "value")
        for i in range(first_value):
            if columns[i].role == "ignore":
                columns[i] = Column("name", label=columns[i].label)
                break
    return Header(columns, len(columns), warnings)


def indicators_from_grid(
    grid: Grid, header: Header, start: int, section: str | None, warnings: list
) -> list[dict]:
    out: list[dict] = []
    pending_name: list[str] = []
    for row in grid.rows[start:]:
        cells = (row + [("", None)] * header.width)[: header.width]
        by_role = {
            role: [
                (c, cell) for c, cell in zip(header.columns, cells, strict=False) if c.role == role
            ]
            for role in ("name", "ref", "unit", "value", "target", "benchmark")
        }
        name = " ".join(text for _, (text, _) in by_role["name"]).strip()
        name = join_name(name)
        has_values = any(
            text.strip()
            for _, (text, _) in by_role["value"] + by_role["target"] + by_role["benchmark"]
        )
        if not has_values:
            if name:
                pending_name.append(name)
            continue
        if not name and out and not pending_name:
            warnings.append(
                {
                    "page": grid.page,
                    "message": "a table row with values but no indicator name was skipped",
                }
            )
            continue
        if pending_name:
            name = " ".join([*pending_name, name]).strip()
            pending_name = []
        if not all(looks_like_value(text) for _, (text, _) in by_role["value"]):
            warnings.append(
                {
                    "page": grid.page,
                    "message": f"'{name[:60]}': some cells are not numbers and were not read",
                }
            )
        out.append(read_row(name, by_role, grid.page, section, warnings))
    return out


def join_name(text: str) -> str:
    return " ".join(text.replace("\n", " ").split())


def read_row(name, by_role, page, section, warnings) -> dict:
    unit_text = " ".join(text for _, (text, _) in by_role["unit"])
    values, percent_signs = [], []
    for column, (text, box) in by_role["value"]:
        value, percent = parse_value(text)
        values.append((column.period, value, box))
        percent_signs.append(percent)
    unit = (
        unit_from(unit_text) or ("percent" if any(percent_signs) else None) or unit_from_name(name)
    )
    bad = implausible([v for _, v, _ in values], unit)
    for i in sorted(bad):
        warnings.append(
            {
                "page": page,
                "message": f"'{name[:60]}' {values[i][0]}: value {values[i][1]:g} does not fit its row and was not read",
            }
        )
    target = choose_target(by_role["target"], [p for p, v, _ in values if v is not None])
    benchmarks = []
    for column, (text, _) in by_role["benchmark"]:
        value, _ = parse_value(text)
        if value is None:
            continue
        if unit == "percent" and not 0 <= value <= 100:
            warnings.append(
                {
                    "page": page,
                    "message": f"'{name[:60]}' {column.label}: {value:g} is not a percentage and was not read",
                }
            )
            continue
        benchmarks.append(
            {"label": column.label, "kind": column.kind, "period": column.period, "value": value}
        )
    ref = " ".join(text for _, (text, _) in by_role["ref"]).strip() or None
    return {
        "name": name,
        "ref": ref,
        "unit": unit,
        "section": section,
        "values": [
            {"period": period, "value": value, "page": page, **({"bbox": list(box)} if box else {})}
            for i, (period, value, box) in enumerate(values)
            if value is not None and i not in bad
        ],
        "target": target,
        "benchmarks": benchmarks,
        "source": "table",
        "page": page,
    }


def choose_target(target_cells, periods) -> float | None:
    """One target from several target columns ("Target 18/19", "Target 19/20"): the one for the
    financial year of the latest value, else the last one printed."""
    targets = []
    for column, (text, _) in target_cells:
        value, _ = parse_value(text, allow_comparison=True)
        if value is not None:
            targets.append((column.period, value))
    if not targets:
        return None
    latest = max(periods) if periods else None
    if latest and len(latest) == 7 and latest[4] == "-" and latest[5:].isdigit():
        year, month = int(latest[:4]), int(latest[5:])
        start = year if month >= 4 else year - 1
        current = f"{start}-{str(start + 1)[-2:]}"
        for period, value in targets:
            if period == current:
                return value
    return targets[-1][1]


def merge_duplicates(indicators: list[dict], warnings: list) -> list[dict]:
    """The same indicator in two tables (packs repeat rows between priority areas): one entry,
    the union of its cells; where two tables disagree on a cell, the first is kept and we warn."""
    merged: dict[tuple, dict] = {}
    for item in indicators:
        key = (item["name"].lower(), item.get("source"))
        if key not in merged:
            merged[key] = item
            continue
        first = merged[key]
        known = {v["period"]: v for v in first["values"]}
        for value in item["values"]:
            if value["period"] not in known:
                first["values"].append(value)
            elif known[value["period"]]["value"] != value["value"]:
                warnings.append(
                    {
                        "page": item["page"],
                        "message": f"'{item['name'][:60]}' {value['period']}: {value['value']:g} here but {known[value['period']]['value']:g} on page {first['page']}",
                    }
                )
        if first.get("target") is None:
            first["target"] = item.get("target")
        have = {(b["kind"], b["period"], b["label"]) for b in first["benchmarks"]}
        for bench in item["benchmarks"]:
            if (bench["kind"], bench["period"], bench["label"]) not in have:
                first["benchmarks"].append(bench)
        first["unit"] = first["unit"] or item["unit"]
        first["section"] = first["section"] or item["section"]
    for item in merged.values():
        item["values"].sort(key=lambda v: v["period"])
    return list(merged.values())
