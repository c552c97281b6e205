"""Geometry helpers shared by parsers: words into lines, lines into paragraphs, and where the
sections of a pack begin. Pure functions over `Word` and `Page` values."""

from __future__ import annotations

import re
from dataclasses import dataclass

COVER_SHEET = re.compile(r"^DECISION[- ]MAKER\b", re.IGNORECASE | re.MULTILINE)


@dataclass
class TextLine:
    text: str
    x0: float
    top: float
    bottom: float


def word_lines(words, tolerance: float = 3.0) -> list[TextLine]:
    """Words grouped into lines by their tops, left to right."""
    lines: list[list] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines and abs(lines[-1][0].top - word.top) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    out = []
    for group in lines:
        group.sort(key=lambda w: w.x0)
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
