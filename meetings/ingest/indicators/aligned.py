"""Tables without ruling lines (the 2019-style dense dataset), rebuilt from word positions.

The header is the line with at least three periods; its labels (runs of words with no wide
gap between them, plus any header words on the line above, e.g. "Statistical" over
"Neighbours") give the columns. Every later word goes to the column it overlaps. A line with
only name words belongs to the data line nearest to it: the first or second half of a wrapped
indicator name. The same code reads OCR output, which also gives words with boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

from meetings.ingest.layout import word_lines

from .columns import classify
from .tables import MIN_PERIODS, Grid
from .values import looks_like_value


@dataclass
class Span:
    x0: float
    x1: float
    words: list

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def spans(words) -> list[Span]:
    """Runs of words with no more than a space between them: one header label each."""
    heights = sorted(w.bottom - w.top for w in words) or [8.0]
    gap = 0.6 * heights[len(heights) // 2]
    out: list[Span] = []
    for word in sorted(words, key=lambda w: w.x0):
        if out and word.x0 - out[-1].x1 <= gap:
            out[-1].words.append(word)
            out[-1].x1 = max(out[-1].x1, word.x1)
        else:
            out.append(Span(word.x0, word.x1, [word]))
    return out


def line_words(words, line):
    return [w for w in words if abs(w.top - line.top) <= 3]


def grids(words, page: int) -> list[Grid]:
    lines = word_lines(words)
    for at, line in enumerate(lines):
        header = spans(line_words(words, line))
        if sum(classify(s.text).role == "value" for s in header) < MIN_PERIODS:
            continue
        columns = [[s.x0, s.x1, s.text] for s in header]
        above = spans(line_words(words, lines[at - 1])) if at > 0 else []
        if above and is_header_continuation(above):  # header labels wrapped onto the line above …
            join_header_line(columns, above, above=True)
        body = lines[at + 1 :]
        if body and is_header_continuation(spans(line_words(words, body[0]))):
            join_header_line(columns, spans(line_words(words, body[0])), above=False)  # … or below
            body = body[1:]
        return [build_grid(words, body, columns, page)]
    return []


grids_from_ocr = grids


def join_header_line(columns, extra_spans, above: bool):
    for extra in extra_spans:
        for column in columns:
            if extra.x0 < column[1] and extra.x1 > column[0]:
                column[2] = f"{extra.text}\n{column[2]}" if above else f"{column[2]}\n{extra.text}"
                break


def is_header_continuation(line_spans) -> bool:
    """A line under the header with words but no numbers ('average', 'Neighbours')."""
    text = " ".join(s.text for s in line_spans)
    return (
        bool(line_spans)
        and not any(ch.isdigit() for ch in text)
        and len(line_spans) <= 6
        and all(len(s.text.split()) <= 3 for s in line_spans)
    )


def build_grid(words, lines, columns, page) -> Grid:
    # A column stretches left to the previous column's end (names are left-aligned, numbers
    # right-aligned), so assign each word to the column whose range it falls in.
    bounds = []
    for i, (x0, x1, _) in enumerate(columns):
        left = (columns[i - 1][1] + x0) / 2 if i else -1e9
        right = (x1 + columns[i + 1][0]) / 2 if i + 1 < len(columns) else 1e9
        bounds.append((left, right))
    roles = [classify(c[2]).role for c in columns]
    first_value = roles.index("value")
    name_at = roles.index("name") if "name" in roles[:first_value] else None
    rows, name_only = [], []
    for line in lines:
        cells = [[] for _ in columns]
        for word in line_words(words, line):
            middle = (word.x0 + word.x1) / 2
            index = next(
                (i for i, (left, right) in enumerate(bounds) if left <= middle < right),
                len(columns) - 1,
            )
            if index >= first_value and name_at is not None:
                # A long name runs on past the gap left for it: anything ending before the first
                # period's header starts, or any word that is not a value, is still the name.
                ends_before_values = word.x1 < columns[first_value][0]
                wordy = not looks_like_value(word.text) and word.x0 < columns[first_value][1]
                if ends_before_values or wordy:
                    index = name_at
            cells[index].append(word)
        has_values = any(cells[i] for i in range(first_value, len(columns)))
        if has_values:
            rows.append({"line": line, "cells": cells})
        elif any(cells):
            name_only.append((line, cells))
    for line, cells in name_only:
        attach_name_line(rows, line, cells)
    header = [[(c[2], None) for c in columns]]
    return Grid(page, header + [[cell_of(ws) for ws in row["cells"]] for row in rows])


def attach_name_line(rows, line, cells):
    """A wrapped half of a name goes with the nearest data line (above or below)."""
    if not rows:
        return
    nearest = min(rows, key=lambda r: abs(r["line"].top - line.top))
    for i, words in enumerate(cells):
        if words:
            if line.top < nearest["line"].top:
                nearest["cells"][i] = words + nearest["cells"][i]
            else:
                nearest["cells"][i] = nearest["cells"][i] + words


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
