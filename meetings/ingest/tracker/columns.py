"""Reading the recommendation tracker's grid: which column is which, and the raw cells of each
row of a ruled table (pdfplumber cells). Tables without ruling lines: tracker_words.py.

Columns are recognised by what their header says ("Action proposed", "Recommendation",
"Response", "Progress Status" …), never by their position. A table that runs on to the next
page without repeating its header keeps the columns of the page before (`Layout`). Raw rows are
{column name: text with "\\n" between printed lines}; tracker.py turns them into records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

COLUMN_NAMES = ("date", "title", "action_proposed", "action_taken", "status")
HEADER_WORDS = {
    "date": re.compile(
        r"^date\b|date of (?:meeting|recommendation|panel)|meeting date|^meeting$", re.IGNORECASE
    ),
    "title": re.compile(r"^(?:title|item|topic|subject|agenda item|report)\b", re.IGNORECASE),
    "action_proposed": re.compile(
        r"action(?:s)? proposed|proposed action|recommendation|^action$", re.IGNORECASE
    ),
    "action_taken": re.compile(
        r"action(?:s)? taken|response|update|progress to date|progress made|comments?|outcome",
        re.IGNORECASE,
    ),
    "status": re.compile(r"status|^progress$|\brag\b", re.IGNORECASE),
}
NUMBERED = re.compile(r"^\s*(?:[•·]\s*)?\(?(\d{1,2}|[a-h]|i{1,3}|iv|vi{0,3}|ix|x)[).]\s+")


@dataclass
class Layout:
    """The columns of a tracker table, carried to the next page when the header is not repeated."""

    ruled: bool
    columns: dict[int, str] = field(default_factory=dict)  # ruled: cell index -> column name
    width: int = 0  # ruled: number of cells in a row
    starts: list[tuple[float, str]] = field(default_factory=list)  # unruled: x where each starts


def columns_of(header_cells: list[str]) -> dict[int, str]:
    """Which column is which, from header text ("Progress\\nStatus", "Action Taken" …)."""
    out: dict[int, str] = {}
    for i, text in enumerate(header_cells):
        text = " ".join((text or "").split())
        name = column_name(text, set(out.values()))
        if name:
            out[i] = name
    return out


def column_name(text: str, used: set[str]) -> str | None:
    if not text or len(text) > 40:  # a header is a label, not a sentence
        return None
    for name, pattern in HEADER_WORDS.items():
        if name in used or not pattern.search(text):
            continue
        if name == "action_proposed" and re.search(r"taken|response", text, re.IGNORECASE):
            continue
        return name
    return None


def is_header(columns: dict[int, str]) -> bool:
    names = set(columns.values())
    return {"action_proposed", "action_taken"} <= names or len(names) >= 4


def header_of(rows) -> tuple[int | None, dict[int, str]]:
    """The index of the last header row among the first three and the columns it names; a
    header may take two rows ("Action" over "proposed")."""
    texts = [[c.text if c else "" for c in row] for row in rows[:3]]
    for at, cells in enumerate(texts):
        columns = columns_of(cells)
        following = texts[at + 1] if at + 1 < len(texts) else None
        if following and len(following) == len(cells) and all(map(label_like, following)):
            joined = [f"{a} {b}".strip() for a, b in zip(cells, following, strict=True)]
            both = columns_of(joined)
            if is_header(both) and len(both) >= len(columns):
                return at + 1, both
        if is_header(columns):
            return at, columns
    return None, {}


def label_like(text: str) -> bool:
    """Short words without figures: the second line of a header, not a row of data."""
    return len(text.split()) <= 3 and not re.search(r"\d", text)


# --- ruled tables ------------------------------------------------------------------------------


def ruled_rows(page, pdf, carried: Layout | None) -> tuple[list[dict] | None, Layout | None]:
    """Rows of every tracker table on the page. A table without a header counts only as the
    continuation of the table on the page before: as wide, and starting at the top of the page."""
    rows: list[dict] = []
    layout = None
    for table in pdf.tables(page.number):
        width = max((len(r) for r in table.rows), default=0)
        header_at, columns = header_of(table.rows)
        if header_at is not None:
            body = table.rows[header_at + 1 :]
        elif (
            carried is not None
            and carried.ruled
            and width == carried.width
            and not rows
            and table.bbox[1] < 0.25 * page.height
        ):
            columns, body = carried.columns, table.rows
        else:
            continue
        layout = Layout(ruled=True, columns=columns, width=width)
        for row in body:
            cells = [c.text if c else "" for c in row]
            if is_header(columns_of(cells)):  # the header repeated inside the table
                continue
            rows.append({name: (cells[i] if i < len(cells) else "") for i, name in columns.items()})
    return (rows, layout) if layout else (None, None)
