"""The recommendation tracker printed without ruling lines: rows and columns from word positions.

Columns are named by the header's labels and split at the gutters (x where no line of the table
has ink) nearest each label, so data that starts left of a centred label stays in its column.
Rows are the blocks of lines separated by a vertical gap (cells may be centred vertically, so a
row's date can print below its first line of text), split again where a numbered recommendation
or a new date starts inside one block (tables printed without space between rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from meetings.ingest.dates import find_date, find_numeric_date
from meetings.ingest.text import is_stamp
from meetings.ingest.tracker.columns import NUMBERED, Layout, column_name, is_header


def word_rows(words, carried: Layout | None) -> tuple[list[dict] | None, Layout | None, list[str]]:
    """Rows as {column name: text}, the layout (for a next page without a header) and the lines
    that could not be split into columns confidently. Without a header the columns of the page
    before are used, for as long as the lines fit them."""
    lines = [line for line in text_lines(words) if not is_stamp(line.text)]
    at = next((i for i, line in enumerate(lines) if is_header_line(line)), None)
    if at is not None:
        band = header_band(lines, at)
        labels = header_labels(
            [w for line in lines if band[0] <= line.top <= band[1] for w in line.words]
        )
        below = [line for line in lines if line.top > band[1]]
        starts = gutters(labels, [w for line in below for w in line.words])
        continuing = False
    elif carried is not None and not carried.ruled:
        starts, below, continuing = carried.starts, lines, True
    else:
        return None, None, []
    if len(starts) < 3:
        return None, None, []
    table: list[tuple[float, float, dict[str, str]]] = []
    doubtful: list[str] = []
    spanning = 0
    for line in below:
        line_words = line.words
        crossings = crossings_of(line_words, starts)
        if continuing and crossings and not table:
            break  # the page does not continue the table
        if crossings >= 2:
            # A line across several columns: one is a heading inside the table (noted and
            # skipped); two in a row are prose under it, where the table ends.
            spanning += 1
            if spanning == 2:
                doubtful.pop()
                break
            doubtful.append(line.text)
            continue
        spanning = 0
        if crossings:
            doubtful.append(line.text)
        cells: dict[str, list[str]] = {}
        for word in line_words:
            name = next((n for x, n in reversed(starts) if word.x0 >= x), starts[0][1])
            cells.setdefault(name, []).append(word.text)
        table.append((line.top, line.bottom, {n: " ".join(ws) for n, ws in cells.items()}))
    rows = [row_of(segment) for block in blocks(table) for segment in segments(block)]
    return rows, Layout(ruled=False, starts=starts), doubtful


def crossings_of(line_words, starts) -> int:
    """How often a line's text runs across a column boundary: a word straddling it, or two words
    either side of it only a space apart (prose, not cells with a gutter between them)."""
    count = sum(1 for w in line_words for x, _ in starts[1:] if w.x0 < x < w.x1)
    for left, right in pairwise(line_words):
        space = 0.5 * (right.bottom - right.top)
        if right.x0 - left.x1 < space and any(left.x1 <= x <= right.x0 for x, _ in starts[1:]):
            count += 1
    return count


@dataclass
class WordLine:
    words: list  # left to right
    top: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def text_lines(words, tolerance: float = 3.0) -> list[WordLine]:
    """Words grouped into printed lines by their tops, each line keeping its words."""
    out: list[WordLine] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if out and abs(out[-1].words[0].top - word.top) <= tolerance:
            out[-1].words.append(word)
            out[-1].bottom = max(out[-1].bottom, word.bottom)
        else:
            out.append(WordLine([word], word.top, word.bottom))
    for line in out:
        line.words.sort(key=lambda w: w.x0)
        line.top = min(w.top for w in line.words)
    return out


def is_header_line(line) -> bool:
    if len(line.text) > 200:
        return False
    labels = header_labels(line.words)
    return is_header({i: name for i, (_, _, name) in enumerate(labels)})


HEADER_VOCABULARY = re.compile(
    r"^(?:date|of|the|meeting|title|item|topic|subject|action|actions|proposed|taken|progress"
    r"|status|rag|recommendations?|response|update|comments?|made|to|outcome|panel|report|agenda)$",
    re.IGNORECASE,
)


def header_band(lines, at: int) -> tuple[float, float]:
    """The header line and its neighbours made only of header words: labels are often printed on
    two lines ("Progress" / "Status") or centred vertically in a taller cell."""
    top, bottom = lines[at].top, lines[at].bottom
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(lines) and abs(i - at) <= 2:
            words = lines[i].text.split()
            if not words or not all(HEADER_VOCABULARY.match(w) for w in words):
                break
            top, bottom = min(top, lines[i].top), max(bottom, lines[i].bottom)
            i += step
    return top - 0.5, bottom + 0.5


def header_labels(band_words) -> list[tuple[float, float, str]]:
    """Header words grouped into labels: words that overlap horizontally (stacked lines) or sit a
    space apart on one line belong to one label. -> [(x0, x1, column name)]."""
    if not band_words:
        return []
    height = max(w.bottom - w.top for w in band_words)
    groups: list[list] = []
    for word in sorted(band_words, key=lambda w: w.x0):
        if groups and word.x0 <= max(w.x1 for w in groups[-1]) + 0.5 * height:
            groups[-1].append(word)
        else:
            groups.append([word])
    out, used = [], set()
    for group in groups:
        text = " ".join(w.text for w in sorted(group, key=lambda w: (round(w.top), w.x0)))
        name = column_name(text, used)
        if name:
            used.add(name)
            out.append((min(w.x0 for w in group), max(w.x1 for w in group), name))
    return out


def gutters(labels, data_words) -> list[tuple[float, str]]:
    """Where each column starts: in the emptiest strip between the previous label's end and this
    label's start (the data of a column may start left of a centred label)."""
    if not labels:
        return []
    cover: dict[int, int] = {}
    for word in data_words:
        for x in range(int(word.x0), int(word.x1) + 1):
            cover[x] = cover.get(x, 0) + 1
    starts = [(float("-inf"), labels[0][2])]
    for (_, previous_end, _), (x0, _, name) in pairwise(labels):
        span = range(int(previous_end) + 1, int(x0))
        if not span:
            starts.append((x0 - 1, name))
            continue
        least = min(cover.get(x, 0) for x in span)
        run = [x for x in span if cover.get(x, 0) == least]
        # The rightmost run of emptiest x: its middle is the boundary.
        end = run[-1]
        begin = end
        while begin - 1 in run:
            begin -= 1
        starts.append((max(begin, end - 2.0), name))
    return starts


def blocks(table):
    """Lines grouped where the vertical gap to the next is more than ~half a line."""
    out: list[list] = []
    bottom = None
    for top, line_bottom, cells in table:
        height = line_bottom - top
        if out and top <= bottom + 0.6 * height:
            out[-1].append((top, line_bottom, cells))
            bottom = max(bottom, line_bottom)
        else:
            out.append([(top, line_bottom, cells)])
            bottom = line_bottom
    return out


def segments(block):
    """A block split before each line that starts a numbered recommendation after another
    recommendation, or a new date once the date so far is complete ("17/0" then "6/21" is one
    date)."""
    out: list[list] = [[]]
    date, proposed = "", False
    for line in block:
        cells = line[2]
        starts_new = (proposed and NUMBERED.match(cells.get("action_proposed", ""))) or (
            cells.get("date") and complete_date(date)
        )
        if starts_new:
            out.append([])
            date, proposed = "", False
        out[-1].append(line)
        date += cells.get("date", "")
        proposed = proposed or bool(cells.get("action_proposed"))
    return out


def row_of(lines) -> dict[str, str]:
    row: dict[str, str] = {}
    for _, _, cells in lines:
        for name, text in cells.items():
            row[name] = f"{row[name]}\n{text}" if name in row else text
    return row


def complete_date(text: str):
    return find_numeric_date(re.sub(r"\s+", "", text)) or find_date(text)
