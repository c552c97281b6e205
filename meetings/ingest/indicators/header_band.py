"""The header of a table without ruling lines, rebuilt from word positions.

A header is a band of lines packed tightly together: a label wrapped inside a narrow column puts
its pieces on lines of their own ("Apr-2" over "1", "Statistic" / "al Neigh" / "bours"), often
vertically centred, so no single line holds the whole header. The band's labels are gathered
into columns by their horizontal overlap, narrowest first; a label that overlaps several columns
is a caption over them ("Targets" over "18/19" and "19/20") and is written over each, except
that a month keeps its own header and a title across the whole table is no one's caption.
The band ends at a gap wider than half a line, or at a row of figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from meetings.ingest.indicators.columns import classify
from meetings.ingest.indicators.geometry import is_number, split_periods
from meetings.ingest.indicators.periods import is_month, parse_period
from meetings.ingest.indicators.tables import MIN_PERIODS
from meetings.ingest.layout import spans

TALLEST_HEADER = 8  # lines


@dataclass
class BandColumn:
    x0: float
    x1: float
    parts: list = field(default_factory=list)  # (top, x0, text)

    @property
    def label(self) -> str:
        return "\n".join(text for _, _, text in sorted(self.parts))

    def overlap(self, span) -> float:
        return min(span.x1, self.x1) - max(span.x0, self.x0)


def find_header(rows, own=frozenset()) -> tuple[list[list], int] | None:
    """-> (columns as [x0, x1, label], index of the first row under the header), or None."""
    for start, end in bands(rows):
        if end - start > TALLEST_HEADER:
            continue
        columns = band_columns(rows[start:end], own)
        if sum(classify(c[2], own).role == "value" for c in columns) >= MIN_PERIODS:
            return columns, end
    return None


def bands(rows) -> list[tuple[int, int]]:
    out, start = [], 0
    figures = [is_figures_row(row) for row in rows]  # once a row: a dense page has hundreds
    for i in range(1, len(rows) + 1):
        if (
            i == len(rows)
            or figures[i]
            or figures[i - 1]
            or rows[i].top - rows[i - 1].bottom > 0.5 * max(rows[i - 1].bottom - rows[i - 1].top, 4)
        ):
            out.append((start, i))
            start = i
    return out


def is_figures_row(row) -> bool:
    """A row of a table's body: at least three figures, and a name of a few words or figures
    that cannot be the wrapped ends of header years ('1', '21' under 'Apr-2', 'May-')."""
    found = spans(row.words)
    figures = [s.text for s in found if is_number(s.text)]
    return len(figures) >= MIN_PERIODS and (
        any(len(s.text.split()) >= 3 for s in found)
        or any(re.search(r"[%,.]|\d{3}", text) for text in figures)
    )


def band_columns(band, own=frozenset()) -> list[list]:
    items = [(span, row.top) for row in band for span in split_periods(spans(row.words))]
    columns: list[BandColumn] = []
    captions = []
    for span, top in sorted(items, key=lambda item: item[0].x1 - item[0].x0):
        hits = [c for c in columns if c.overlap(span) > 0]
        if not hits:
            columns.append(BandColumn(span.x0, span.x1, [(top, span.x0, span.text)]))
        elif len(hits) == 1:
            hits[0].parts.append((top, span.x0, span.text))
            hits[0].x0, hits[0].x1 = min(hits[0].x0, span.x0), max(hits[0].x1, span.x1)
        else:
            captions.append((span, top))
    for span, top in captions:
        covered = [c for c in columns if span.x0 <= (c.x0 + c.x1) / 2 <= span.x1]
        if len(covered) >= 0.8 * len(columns):
            continue  # the table's title
        for column in covered:
            if not is_month(parse_period(column.label)):
                column.parts.append((top, span.x0, span.text))
    columns.sort(key=lambda c: c.x0)
    return [[c.x0, c.x1, c.label] for c in columns]
