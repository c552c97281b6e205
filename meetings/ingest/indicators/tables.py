"""Indicator rows from tables: ruled ones (cells from pdfplumber) and whitespace-aligned ones
(columns rebuilt from word positions, see aligned.py) end up here as a header plus rows of
cell texts with boxes, and become PACK_SCHEMA indicators.

A header row is one with at least three period columns (cells of header rows above it are
captions written over the columns they span). Columns whose period cannot be trusted are not
read: a month out of order, two columns with one period. A ruled table on the next page without
a header continues the previous one. A row with a name but no values is the first half of a
wrapped name when the next row's name goes on from it ("… with a" / "permanence plan"), else a
heading inside the table (a section); a row with values but no name is skipped with a warning.
The same indicator in two tables is merged; where they disagree, neither figure is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from meetings.ingest.indicators.columns import (
    CHECK_ROLES,
    Column,
    classify,
    unit_from,
    unit_from_name,
)
from meetings.ingest.indicators.crosscheck import check_row
from meetings.ingest.indicators.periods import (
    is_financial_year,
    is_month,
    parse_period,
    repair_month_sequence,
    squash,
)
from meetings.ingest.indicators.values import UNALIGNED, implausible, looks_like_value, parse_value
from meetings.ingest.months import MONTH, month_number
from meetings.ingest.schema import warning

MIN_PERIODS = 3


@dataclass
class Grid:
    """A table reduced to text: rows of (text, box) cells, and the page it is on."""

    page: int
    rows: list[list[tuple[str, tuple | None]]]
    columns: list | None = (
        None  # an aligned table's header spans [x0, x1, label], for the next page
    )


@dataclass
class Header:
    columns: list[Column]
    width: int
    warnings: list[dict] = field(default_factory=list)


def find_header(grid: Grid, own=frozenset()) -> tuple[int, Header] | None:
    for at, row in enumerate(grid.rows[:4]):
        columns = [classify(text, own) for text, _ in row]
        if sum(c.role == "value" for c in columns) >= MIN_PERIODS:
            columns = [classify(text, own) for text in with_captions(grid.rows[:at], row)]
            return at, make_header(columns, grid.page)
    return None


def with_captions(above: list[list], row: list) -> list[str]:
    """Header texts with the cells of the header rows above written over them: a merged cell
    "Targets" over "18/19" and "19/20" makes "Targets 18/19" and "Targets 19/20". A month keeps
    its own header (a year over its months is a caption)."""
    texts = [text for text, _ in row]
    for upper in above:
        for text, box in upper:
            if not text.strip() or box is None:
                continue
            under = [
                i
                for i, (_, own_box) in enumerate(row)
                if own_box is not None and box[0] <= (own_box[0] + own_box[2]) / 2 <= box[2]
            ]
            if len(under) >= 0.8 * len(row):
                continue  # the table's title across its whole width
            for i in under:
                if not is_month(parse_period(row[i][0])):
                    texts[i] = f"{text}\n{texts[i]}" if texts[i].strip() else text
    return texts


def make_header(columns: list[Column], page: int) -> Header:
    warnings = complete_cut_months(columns, page)
    periods, fixed = repair_month_sequence(
        [c.period if c.role == "value" else None for c in columns]
    )
    for i in fixed:
        warnings.append(
            warning(
                page,
                f"column headed '{columns[i].label}' breaks the run of months: read as {periods[i]}",
            )
        )
        columns[i] = Column("value", period=periods[i], label=columns[i].label)
    warnings += refuse_doubtful_periods(columns, page)
    if not any(c.role == "name" for c in columns):
        # The name column is the first wide text column before the values.
        first_value = next(i for i, c in enumerate(columns) if c.role == "value")
        for i in range(first_value):
            if columns[i].role == "ignore":
                columns[i] = Column("name", label=columns[i].label)
                break
    return Header(columns, len(columns), warnings)


CUT_MONTH = re.compile(rf"^(?:{MONTH}\s*[-'’ ]?\s*(\d?)|(\d{{1,2}}))$", re.IGNORECASE)


def complete_cut_months(columns: list[Column], page: int) -> list[dict]:
    """Month headers that lost part of their text ("Jun-2" whose "1" wrapped onto a line OCR
    did not read, "Nov-", a lone "21"), between two months read whole: when the columns between
    those two are exactly the months between them, each cut header is its month — if what is
    left of it agrees (its month name, the start or end of its year)."""
    warnings: list[dict] = []
    anchors = [i for i, c in enumerate(columns) if c.role == "value" and is_month(c.period)]
    for a, b in pairwise(anchors):
        if b - a < 2 or months_apart(columns[a].period, columns[b].period) != b - a:
            continue
        cut = {k: CUT_MONTH.match(squash(columns[k].label)) for k in range(a + 1, b)}
        if not all(cut.values()):
            continue
        guesses = {}
        for k, match in cut.items():
            period = add_months(columns[a].period, k - a)
            year = period[2:4]
            name, digits, lone = match.group(1), match.group(2), match.group(3)
            if name and month_number(name) != int(period[5:]):
                break
            if (digits and not year.startswith(digits)) or (lone and not year.endswith(lone)):
                break
            guesses[k] = period
        else:
            for k, period in guesses.items():
                warnings.append(
                    warning(
                        page,
                        f"column headed '{squash(columns[k].label)}' read as {period} from the "
                        "months either side",
                    )
                )
                columns[k] = Column("value", period=period, label=columns[k].label)
    return warnings


def months_apart(earlier: str, later: str) -> int:
    return (int(later[:4]) - int(earlier[:4])) * 12 + int(later[5:7]) - int(earlier[5:7])


def add_months(period: str, count: int) -> str:
    index = int(period[:4]) * 12 + int(period[5:7]) - 1 + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def refuse_doubtful_periods(columns: list[Column], page: int) -> list[dict]:
    """Columns whose period cannot be trusted are not read: a month out of the order of the
    others ("Jan-22, Feb-22, Mar-21"), two columns with one period, and a bare year or quarter
    printed after the months (an outturn, a target? the header does not say: kept as the
    council's own outturn when it is a financial year, else not read)."""
    warnings = []

    def refuse(i, why):
        warnings.append(warning(page, f"column headed '{columns[i].label}' {why}"))
        columns[i] = Column("ignore", label=columns[i].label)

    seen: dict[str, list[int]] = {}
    for i, c in enumerate(columns):
        if c.role == "value":
            seen.setdefault(c.period, []).append(i)
    for same in seen.values():
        if len(same) > 1:
            for i in same:
                refuse(i, "names the same period as another column: not read")
    months = [i for i, c in enumerate(columns) if c.role == "value" and is_month(c.period)]
    if len(months) >= 2:
        steps = [columns[b].period > columns[a].period for a, b in pairwise(months)]
        ascending = sum(steps) * 2 >= len(steps)
        last = None
        for i in months:
            here = columns[i].period
            if last is not None and (here <= last if ascending else here >= last):
                refuse(i, "is out of the order of the other months: not read")
            else:
                last = here
    months = [i for i, c in enumerate(columns) if c.role == "value" and is_month(c.period)]
    for i, c in enumerate(columns):
        if c.role == "value" and months and i > months[-1] and not is_month(c.period):
            if is_financial_year(c.period):
                columns[i] = Column("benchmark", kind="own_outturn", period=c.period, label=c.label)
            else:
                refuse(i, "follows the months without saying what it holds: not read")
    return warnings


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
            for role in ("name", "ref", "unit", "value", "target", "benchmark", *CHECK_ROLES)
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
        if pending_name and not continues_name(pending_name[-1], name):
            # A row of words over rows of figures is a heading inside the table ("Early Help"),
            # not the first half of the next name.
            if len(" ".join(pending_name).split()) <= 8:
                section = " ".join(pending_name)
            pending_name = []
        if not name and not pending_name:
            warnings.append(
                warning(grid.page, "a table row with values but no indicator name was skipped")
            )
            continue
        if pending_name:
            name = " ".join([*pending_name, name]).strip()
            pending_name = []
        if any(text == UNALIGNED for text, _ in cells):
            warnings.append(
                warning(
                    grid.page,
                    f"'{name[:60]}': a figure does not line up with its column and was not read",
                )
            )
        else:
            for column, (text, _) in by_role["value"]:
                if not looks_like_value(text):
                    # "Local", "n/k", "Not published" in a figure column: that cell has no value.
                    shown = " ".join(text.split())
                    warnings.append(
                        warning(
                            grid.page,
                            f"'{name[:60]}' {column.label or column.period}: '{shown}' is not a "
                            "number: no value read",
                        )
                    )
        out.append(read_row(name, by_role, grid.page, section, warnings))
    return out


def continues_name(first: str, second: str) -> bool:
    """'Percentage of Looked after Children (LAC) with a' + 'permanence plan': one name wrapped
    over two rows, as the first half ends on a linking word or the second starts in lower case."""
    if not second:
        return True
    return (
        second[:1].islower()
        or first.count("(") > first.count(")")
        or re.search(
            r"\b(?:of|a|an|the|and|or|with|for|in|to|per|who|whom|on|at|by|from|within|under|"
            r"over|than|as|is|are|have|has|had|not|no)$|[-,/&]$",
            first,
            re.IGNORECASE,
        )
        is not None
    )


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
    texts = {column.period: text for column, (text, _) in by_role["value"]}
    checks = {role: " ".join(t for _, (t, _) in by_role[role]) for role in CHECK_ROLES}
    checked = check_row(name, page, sorted((p, v, texts[p]) for p, v, _ in values if p), checks)
    warnings += checked.warnings
    bad = {i for i, (p, _, _) in enumerate(values) if p in checked.refused}
    spikes = implausible([v for _, v, _ in values], unit)
    for i in sorted(spikes):
        period, value, _ = values[i]
        if period in checked.confirmed and not (unit == "percent" and not 0 <= value <= 100):
            spikes.discard(i)  # a spike the row's own maximum, average or % change confirms
            continue
        warnings.append(
            warning(
                page,
                f"'{name[:60]}' {period}: value {value:g} does not fit its row and was not read",
            )
        )
    bad |= spikes
    target = choose_target(
        by_role["target"], [p for p, v, _ in values if v is not None], name, page, warnings
    )
    benchmarks = []
    for column, (text, _) in by_role["benchmark"]:
        value, _ = parse_value(text)
        if value is None:
            continue
        if unit == "percent" and not 0 <= value <= 100:
            warnings.append(
                warning(
                    page,
                    f"'{name[:60]}' {column.label}: {value:g} is not a percentage and was not read",
                )
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


def choose_target(target_cells, periods, name="", page=None, warnings=None) -> float | None:
    """One target from the target columns. With several ("Target 18/19", "Target 19/20"), the
    one for the financial year of the latest value, even if it is blank; else the one headed
    just "Target"; else none (a warning) rather than a guess."""
    targets = []
    for column, (text, _) in target_cells:
        value, _ = parse_value(text, allow_comparison=True)
        targets.append((column, value))
    if len(targets) <= 1:
        return targets[0][1] if targets else None
    latest = max((p for p in periods if is_month(p)), default=None)
    if latest:
        year, month = int(latest[:4]), int(latest[5:])
        start = year if month >= 4 else year - 1
        current = f"{start}-{str(start + 1)[-2:]}"
        chosen = [value for column, value in targets if column.period == current]
        if len(chosen) == 1:
            return chosen[0]
    plain = [value for column, value in targets if column.label.strip().lower() == "target"]
    if len(plain) == 1:
        return plain[0]
    if warnings is not None and any(value is not None for _, value in targets):
        warnings.append(warning(page, f"'{name[:60]}': several targets printed, none read"))
    return None


def merge_duplicates(indicators: list[dict], warnings: list) -> list[dict]:
    """The same indicator in two tables (packs repeat rows between priority areas): one entry,
    the union of its cells. Where two tables disagree on a cell, neither figure is kept (which one
    is current cannot be told from the pack) and the officer is warned."""
    merged: dict[tuple, dict] = {}
    for item in indicators:
        key = (item["name"].lower(), (item.get("ref") or "").lower(), item.get("source"))
        if key not in merged:
            merged[key] = item
            continue
        first = merged[key]
        known = {v["period"]: v for v in first["values"]}
        for value in item["values"]:
            if value["period"] not in known:
                first["values"].append(value)
                known[value["period"]] = value
            elif known[value["period"]]["value"] != value["value"]:
                disagree(
                    warnings,
                    item,
                    first,
                    value["period"],
                    value["value"],
                    known[value["period"]]["value"],
                )
                first["values"] = [v for v in first["values"] if v["period"] != value["period"]]
        if first.get("target") is None and not first.get("target_disputed"):
            first["target"] = item.get("target")
        elif item.get("target") is not None and item["target"] != first["target"]:
            if first["target"] is not None:
                disagree(warnings, item, first, "target", item["target"], first["target"])
            first["target"], first["target_disputed"] = None, True
        have = {(b["kind"], b["period"], b["label"]): b for b in first["benchmarks"]}
        for bench in item["benchmarks"]:
            same = have.get((bench["kind"], bench["period"], bench["label"]))
            if same is None:
                first["benchmarks"].append(bench)
            elif same["value"] != bench["value"]:
                disagree(warnings, item, first, bench["label"], bench["value"], same["value"])
                first["benchmarks"].remove(same)
        first["unit"] = first["unit"] or item["unit"]
        first["section"] = first["section"] or item["section"]
    for item in merged.values():
        item["values"].sort(key=lambda v: v["period"])
    return list(merged.values())


def disagree(warnings, item, first, what, here, there):
    warnings.append(
        warning(
            item["page"],
            f"'{item['name'][:60]}' {what}: {here:g} here but {there:g} on page "
            f"{first['page']}; neither was read",
        )
    )
