"""Geometry shared by every parser: words into lines (`rows_of`, the one grouping), lines into
runs of words (`spans`) and paragraphs, a page's two columns read one after the other, and where
the sections of a pack begin. Pure functions over `Word` and `Page` values."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words a title leaves in lower case ("Minutes of the Previous Meeting")
SMALL_WORDS = frozenset(
    ("a", "an", "and", "any", "at", "by", "for", "if", "in", "of", "on", "or", "the", "to")
)
COVER_SHEET = re.compile(r"^DECISION[- ]MAKER\b", re.IGNORECASE | re.MULTILINE)


@dataclass
class Row:
    """One printed line: its words left to right, and how high it sits."""

    top: float
    bottom: float
    words: list

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Span:
    """A run of words with no more than a space between them: one label, one cell's text."""

    x0: float
    x1: float
    words: list

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def rows_of(words, tolerance: float = 3.0) -> list[Row]:
    """Words grouped into lines by their tops, each word in exactly one line."""
    out: list[Row] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if out and abs(out[-1].top - word.top) <= tolerance:
            out[-1].words.append(word)
            out[-1].bottom = max(out[-1].bottom, word.bottom)
        else:
            out.append(Row(word.top, word.bottom, [word]))
    for row in out:
        row.words.sort(key=lambda w: w.x0)
    return out


def spans(words) -> list[Span]:
    """Runs of words no more than a space apart (0.6 of the line height)."""
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


@dataclass
class TextLine:
    text: str
    x0: float
    top: float
    bottom: float


def word_lines(words, tolerance: float = 3.0) -> list[TextLine]:
    """Words grouped into lines by their tops, left to right, as text."""
    out = []
    for row in rows_of(words, tolerance):
        group = row.words
        out.append(
            TextLine(
                " ".join(w.text for w in group),
                group[0].x0,
                min(w.top for w in group),
                max(w.bottom for w in group),
            )
        )
    return out


def paragraphs(lines: list[TextLine]) -> list[str]:
    """Lines joined into paragraphs where the gap to the next line is more than a line's height."""
    out: list[list[TextLine]] = []
    for line in lines:
        if out:
            previous = out[-1][-1]
            height = max(previous.bottom - previous.top, 1.0)
            if line.top - previous.bottom <= 0.8 * height:
                out[-1].append(line)
                continue
        out.append([line])
    return [" ".join(line.text for line in group) for group in out]


def is_cover_sheet(page) -> bool:
    return bool(COVER_SHEET.search(page.text[:600]))


def is_blank(page) -> bool:
    return not page.lines


def column_lines(words, start=None, min_gap: float = 12.0) -> list[str] | None:
    """A page whose lower part is printed in two columns, read column by column.

    Rows above the first row matching `start` (a compiled pattern) are read across the page;
    below it, the widest empty vertical band near the middle splits left from right, and the
    left column's lines come before the right column's. None when there is no such band.
    """
    rows = word_rows(words)
    first = next(
        (i for i, row in enumerate(rows) if start is None or start.match(row_text(row))), None
    )
    if first is None:
        return None
    body = [w for row in rows[first:] for w in row]
    if not body:
        return None
    left_edge, right_edge = min(w.x0 for w in body), max(w.x1 for w in body)
    width = right_edge - left_edge
    cut = widest_gap(body, left_edge + 0.2 * width, left_edge + 0.8 * width, min_gap)
    if cut is None:
        return None
    both_sides = sum(
        1 for row in rows[first:] if any(w.x1 < cut for w in row) and any(w.x0 > cut for w in row)
    )
    if both_sides < 2:
        return None
    above = [row_text(row) for row in rows[:first]]
    left = [row_text([w for w in row if w.x1 < cut]) for row in rows[first:]]
    right = [row_text([w for w in row if w.x0 > cut]) for row in rows[first:]]
    return [line for line in above + left + right if line]


def word_rows(words, tolerance: float = 3.0) -> list[list]:
    return [row.words for row in rows_of(words, tolerance)]


def row_text(row) -> str:
    return " ".join(w.text for w in row)


def widest_gap(words, low: float, high: float, min_gap: float) -> float | None:
    """The middle of the widest x band in [low, high] that no word crosses."""
    spans = sorted((w.x0, w.x1) for w in words)
    best, best_width, reach = None, min_gap, None
    for x0, x1 in spans:
        if reach is not None and x0 > reach:
            a, b = max(reach, low), min(x0, high)
            if b - a > best_width:
                best, best_width = (a + b) / 2, b - a
        reach = x1 if reach is None else max(reach, x1)
    return best
