"""Tables without ruling lines (the 2019-style dense dataset), rebuilt from word positions.

The header (header_band.py) gives the columns. Every later word goes to the column whose range
it falls in, a name's run of words staying whole; a figure that lines up neither with its
header nor with the other figures of its column (it sits between two columns) is not read. A
line with only words belongs to the data line nearest to it, if near: the first or second half
of a wrapped indicator name. A sentence running across the figures (a note), a date ("March
2019") and a page stamp are not figures. The same code reads OCR output, which also gives words
with boxes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

from meetings.ingest.indicators import header_band
from meetings.ingest.indicators.columns import classify
from meetings.ingest.indicators.geometry import is_number
from meetings.ingest.indicators.periods import MONTH
from meetings.ingest.indicators.tables import MIN_PERIODS, Grid, continues_name
from meetings.ingest.indicators.values import UNALIGNED, looks_like_value
from meetings.ingest.layout import rows_of, spans, widest_gap
from meetings.ingest.text import is_stamp

MONTH_WORD = re.compile(MONTH, re.IGNORECASE)


def grids(words, page: int, own=frozenset()) -> list[Grid]:
    rows = rows_of(words)
    found = header_band.find_header(rows, own)
    if found is None:
        return []
    columns, start = found
    return [build_grid(rows[start:], columns, page, own)]


grids_from_ocr = grids


def continued(words, page: int, previous: Grid, own=frozenset()) -> list[Grid]:
    """A page of the same dataset printed without its header: the previous page's columns are
    used, but only if every number on this page lines up (by its left or right edge or middle)
    with the figures read on that page, or sits under a header."""
    columns = previous.columns
    if not columns:
        return []
    roles = [classify(c[2], own).role for c in columns]
    first_value = roles.index("value")
    last_figure = max(i for i, r in enumerate(roles) if r in ("value", "target", "benchmark"))
    left, right = columns[first_value][0] - 4, columns[last_figure][1] + 4
    rows = rows_of(words)
    full = [
        r
        for r, row in enumerate(rows)
        if sum(is_number(w.text) and left <= (w.x0 + w.x1) / 2 <= right for w in row.words)
        >= MIN_PERIODS
    ]
    if len(full) < 2:
        return []
    # The page's title and anything else above the first row of figures is not part of the table.
    rows = rows[full[0] :]
    numbers = [
        w
        for row in rows
        for k, w in enumerate(row.words)
        if is_number(w.text)
        and left <= (w.x0 + w.x1) / 2 <= right
        and not part_of_date(row.words, k)
    ]
    seen = [box for row in previous.rows[1:] for _, box in row if box is not None]
    for word in numbers:
        lined_up = any(
            abs(word.x1 - x1) <= 2
            or abs(word.x0 - x0) <= 2
            or abs(word.x0 + word.x1 - x0 - x1) <= 4
            for x0, _, x1, _ in seen
        )
        middle = (word.x0 + word.x1) / 2
        if not lined_up and not any(x0 - 2 <= middle <= x1 + 2 for x0, x1, _ in columns):
            return []
    return [build_grid(rows, [list(c) for c in columns], page, own)]


def column_bounds(rows, columns) -> list[tuple[float, float]]:
    """Where each column's words may sit. Two columns part at the clear gap the body's words
    leave between them (a short header, "Ref.", says little about how wide the refs under it
    are); where the body leaves no gap, halfway between the headers."""
    body = [w for row in rows if not is_stamp(row.text) for w in row.words if w.x1 - w.x0 < 150]
    cuts = []
    for (x0, x1, _), (nx0, nx1, _) in pairwise(columns):
        middle = (x1 + nx0) / 2
        low, high = (x0 + x1) / 2, (nx0 + nx1) / 2
        # Words that sit across the whole gap between the headers (a note, a title) leave none.
        crossing = [w for w in body if low < w.x0 < high or low < w.x1 < high]
        cut = widest_gap(crossing, low, high, 1.0) if crossing else None
        cuts.append(middle if cut is None else cut)
    return [
        (cuts[i - 1] if i else -1e9, cuts[i] if i < len(cuts) else 1e9) for i in range(len(columns))
    ]


def build_grid(rows, columns, page, own=frozenset()) -> Grid:
    # Each word goes to the column whose range it falls in (names are left-aligned, numbers
    # right-aligned: ranges come from where the body's words sit, see column_bounds).
    bounds = column_bounds(rows, columns)
    roles = [classify(c[2], own).role for c in columns]
    first_value = roles.index("value")
    name_at = roles.index("name") if "name" in roles[:first_value] else None
    figures = {i for i, role in enumerate(roles) if role in ("value", "target", "benchmark")}
    data, name_only = [], []
    for row in rows:
        if is_stamp(row.text):
            continue  # "Page 12" under the table
        cells = [[] for _ in columns]
        runs = spans(row.words)
        in_name = name_run(runs, bounds, name_at, columns[first_value][0])
        for k, word in enumerate(row.words):
            index = column_at(bounds, (word.x0 + word.x1) / 2)
            if id(word) in in_name:
                index = name_at
            elif index >= first_value and name_at is not None:
                # A long name runs on past the gap left for it: anything ending before the first
                # period's header starts, or any word that is not a value, is still the name.
                ends_before_values = word.x1 < columns[first_value][0]
                wordy = not looks_like_value(word.text) and word.x0 < columns[first_value][1]
                if ends_before_values or wordy or part_of_date(row.words, k):
                    index = name_at
            cells[index].append(word)
        keep_notes_whole(cells, bounds, figures)
        wordy = sum(any(not looks_like_value(w.text) for w in cells[i]) for i in figures)
        numeric = sum(any(is_number(w.text) for w in cells[i]) for i in figures)
        if is_sentence(runs, bounds, figures, in_name) or (wordy >= 2 and wordy >= numeric):
            continue  # a sentence running across the columns (a note), not a row of figures
        if any(cells[i] for i in figures):
            data.append({"row": row, "cells": cells})
        elif any(cells):
            name_only.append((row, cells))
    attach_name_lines(data, name_only)
    unaligned = misaligned(data, figures, columns)
    body = []
    for r, item in enumerate(data):
        body.append(
            [
                (UNALIGNED, None) if (r, i) in unaligned else cell_of(ws)
                for i, ws in enumerate(item["cells"])
            ]
        )
    header = [[(c[2], None) for c in columns]]
    return Grid(page, header + body, columns=columns)


def is_sentence(runs, bounds, figures, in_name) -> bool:
    """A run of words (no more than a space apart) that is not a name and crosses from one
    figure column into another: a note or a source line printed over the table's columns. A
    note inside one cell ("Not published", "n/k") is not: the row stays, the cell has no value."""
    for run in runs:
        if any(id(w) in in_name for w in run.words) or all(is_number(w.text) for w in run.words):
            continue
        wordy = [w for w in run.words if not looks_like_value(w.text)]
        if len(wordy) < 2:
            continue
        touched = {column_at(bounds, (w.x0 + w.x1) / 2) for w in run.words} & figures
        if len(touched) >= 2:
            return True
    return False


def column_at(bounds, x: float) -> int:
    """The column whose range holds x (bounds are in order, each starting where the last ends)."""
    return max(0, bisect_right([left for left, _ in bounds], x) - 1)


def keep_notes_whole(cells, bounds, figures):
    """A note of several words in a figure column ("Not published" printed right-aligned, so it
    spills left over the next column's range) stays one cell: the column of its right edge,
    where the figures of a right-aligned column end."""
    for run in spans([w for i in figures for w in cells[i]]):
        if len(run.words) < 2 or any(looks_like_value(w.text) for w in run.words):
            continue
        home = next(
            (i for i, (left, right) in enumerate(bounds) if left <= run.x1 - 1 < right), None
        )
        if home not in figures:
            continue
        for i in figures:
            cells[i] = [w for w in cells[i] if w not in run.words]
        cells[home] = run.words


def name_run(runs, bounds, name_at, first_value_x) -> set[int]:
    """The words of the run that starts in the name column: a long name crossing into the next
    column ("… within 12 months" over "Outturn type") stays whole. Figures at its end that stand
    under the periods are not part of it."""
    if name_at is None:
        return set()
    left, right = bounds[name_at]
    for run in runs:
        if left <= run.x0 < right and any(not is_number(w.text) for w in run.words):
            kept = list(run.words)
            while kept and is_number(kept[-1].text) and kept[-1].x0 >= first_value_x - 2:
                kept.pop()
            return {id(w) for w in kept}
    return set()


def part_of_date(words, k) -> bool:
    """'2019' in 'February 2019', '5' in '5 March': a date in a note or title, not a figure."""
    before = words[k - 1].text if k > 0 else ""
    after = words[k + 1].text if k + 1 < len(words) else ""
    return bool(MONTH_WORD.fullmatch(before.strip(",.")) or MONTH_WORD.fullmatch(after.strip(",.")))


def misaligned(data, figures, columns) -> set[tuple[int, int]]:
    """Cells whose figure lines up neither with the other figures of its column (by their left
    edges, right edges or middles) nor with its header: most likely a figure from an unlabelled
    column next to it, so not this column's value."""
    out = set()
    for i in figures:
        words = [
            (r, ws[0])
            for r, item in enumerate(data)
            if len(ws := item["cells"][i]) == 1 and is_number(ws[0].text)
        ]
        if len(words) < 2:
            continue
        best: set[int] = set()
        for edge in (lambda w: w.x1, lambda w: w.x0, lambda w: (w.x0 + w.x1) / 2):
            placed = sorted((edge(w), r) for r, w in words)
            keys = [x for x, _ in placed]
            for x in keys:  # the largest group of figures within 3 points of one of them
                low, high = bisect_left(keys, x - 3), bisect_right(keys, x + 3)
                if high - low > len(best):
                    best = {r for _, r in placed[low:high]}
        if len(best) * 2 <= len(words):
            best = set()  # no alignment shared by most figures: each must sit under its header
        x0, x1 = columns[i][0], columns[i][1]
        for r, word in words:
            under_header = word.x0 < x1 + 1 and word.x1 > x0 - 1
            if r not in best and not under_header:
                out.add((r, i))
    return out


def attach_name_lines(data, name_only):
    """Wrapped halves of names go with the row whose figures they sit beside. Lines set close
    together (a name's own leading) form a block with the line of figures beside them, whether
    the figures sit on the name's first line or in its middle; a block that holds one line of
    figures gives it all its name lines. Where rows are packed so tight that blocks run
    together, a half-name goes with the row whose name it goes on from, else the nearest."""
    if not data or not name_only:
        return
    lines = sorted(
        [(item["row"].top, item["row"].bottom, "data", item) for item in data]
        + [(row.top, row.bottom, "name", (row, cells)) for row, cells in name_only],
        key=lambda line: line[0],
    )
    heights = sorted(bottom - top for top, bottom, _, _ in lines)
    height = max(heights[len(heights) // 2], 4.0)
    blocks, reach = [], None
    for line in lines:
        if reach is None or line[0] - reach > 0.5 * height:
            blocks.append([])
        blocks[-1].append(line)
        reach = line[1] if reach is None else max(reach, line[1])
    for block in blocks:
        owners = [line[3] for line in block if line[2] == "data"]
        for k, (top, _, kind, payload) in enumerate(block):
            if kind != "name":
                continue
            row, cells = payload
            if len(owners) == 1:
                owner = owners[0]
            elif owners:
                owner = owner_in_packed_block(block, k, row, cells)
            else:
                owner = min(data, key=lambda r: abs(r["row"].top - top))
                if abs(owner["row"].top - top) > 2.2 * max(row.bottom - row.top, 4.0):
                    continue  # too far from any row of figures to be part of a name: a title
            for i, words in enumerate(cells):
                if words:
                    if row.top < owner["row"].top:
                        owner["cells"][i] = words + owner["cells"][i]
                    else:
                        owner["cells"][i] = owner["cells"][i] + words


def owner_in_packed_block(block, k, row, cells):
    """Rows packed without space between them: the line goes on the name above it when that
    name is unfinished or the line starts in lower case, else it starts the name below."""
    above = next((line[3] for line in reversed(block[:k]) if line[2] == "data"), None)
    below = next((line[3] for line in block[k + 1 :] if line[2] == "data"), None)
    text = " ".join(w.text for ws in cells for w in ws)
    if above is not None and below is not None:
        name_above = " ".join(w.text for ws in above["cells"] for w in ws if not is_number(w.text))
        return above if continues_name(name_above, text) else below
    return above if above is not None else below


def cell_of(words) -> tuple[str, tuple | None]:
    if not words:
        return "", None
    box = (
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
    )
    return " ".join(w.text for w in words), tuple(round(v, 1) for v in box)
