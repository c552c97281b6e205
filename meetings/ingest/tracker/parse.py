"""The "Monitoring Scrutiny Recommendations" tracker: Date | Title | Action proposed |
Action Taken | Progress Status, as a ruled table (or, failing that, columns of words).

Tracker pages are found cheaply from their text (a tracker heading or column labels); only those
pages, and a page that may continue their table, are read for geometry (tracker_columns.py).
A row without a date and title is either a sub-recommendation ("2) That …", inheriting the date
and title above) or the rest of the row above carried over a page break. Several numbered
recommendations printed in one cell become one row each. Statuses are mapped to the
PACK_SCHEMA vocabulary; the printed words are kept in `status_text`.
"""

from __future__ import annotations

import re

from meetings.ingest.dates import find_date, find_numeric_date, iso
from meetings.ingest.layout import is_cover_sheet
from meetings.ingest.schema import warning
from meetings.ingest.text import clean_line, join_wrapped
from meetings.ingest.tracker.columns import NUMBERED, Layout, ruled_rows
from meetings.ingest.tracker.words import word_rows

TRACKER_PAGE = re.compile(
    r"\bActions?\s+(?:proposed|taken)\b|\bProgress\s+Status\b|Scrutiny\s+Monitoring"
    r"|Monitoring\s+(?:of\s+)?Scrutiny\s+Recommendations|Recommendations?\s+(?:Tracker|Monitoring)"
    r"|Progress\s+on\s+(?:Scrutiny\s+)?Recommendations",
    re.IGNORECASE,
)
STATUSES = [
    (
        re.compile(
            r"not\s+(?:yet\s+)?complete[\s\-–,:(]*(?:but\s+)?(?:within|in)\s+timescale"
            r"|not\s+(?:yet\s+)?due",
            re.I,
        ),
        "not_due",
    ),
    (
        re.compile(r"partial(?:ly)?\s+complete|partially\s+(?:met|achieved|implemented)", re.I),
        "partially_complete",
    ),
    (
        re.compile(
            r"not\s+(?:yet\s+)?(?:complete|started|achieved)|incomplete|outstanding|overdue",
            re.I,
        ),
        "not_complete",
    ),
    (re.compile(r"reject|declined|not\s+accepted|not\s+agreed", re.I), "rejected"),
    (re.compile(r"\bcomplete[d]?\b|\bachieved\b|\bimplemented\b|\bdone\b", re.I), "complete"),
    (
        re.compile(
            r"in\s+train|in\s+progress|on\s*-?\s*going|under\s*way|on\s+track|\bstarted\b",
            re.I,
        ),
        "in_progress",
    ),
]
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def parse_tracker(pages, pdf=None):
    """-> (rows per PACK_SCHEMA, warnings)."""
    rows: list[dict] = []
    warnings: list[dict] = []
    if pdf is None:
        return rows, warnings
    layout: Layout | None = None
    previous = None
    for page in pages:
        candidate = (
            bool(TRACKER_PAGE.search(page.text[:1500]))
            and looks_tabular(page)
            and not is_cover_sheet(page)  # the report about the tracker, not the tracker
        )
        continues = (
            layout is not None
            and previous is not None
            and page.number == previous + 1
            and page.has_text_layer
            and not is_cover_sheet(page)
            and (page.may_hold_table or not layout.ruled)
        )
        if not (candidate or continues):
            layout = None
            continue
        raw, layout, doubtful = read_page(page, pdf, layout if continues else None, candidate)
        if raw is None:
            layout = None
            continue
        previous = page.number
        for line in doubtful:
            warnings.append(
                warning(
                    page.number, f"tracker line not split into columns confidently: '{line[:70]}'"
                )
            )
        for cells in raw:
            add_row(rows, cells, page.number, warnings)
    return records(rows), warnings


def read_page(page, pdf, carried: Layout | None, candidate: bool):
    """Raw rows of a tracker page: its ruled table if it has one, else its words in columns. A
    page that only continues the table before is read the way that table was."""
    if carried is None or carried.ruled:
        raw, layout = ruled_rows(page, pdf, carried)
        if raw is not None:
            return raw, layout, []
        if not candidate:
            return None, None, []
        carried = None
    return word_rows(pdf.words(page.number), carried)


def looks_tabular(page) -> bool:
    header = " ".join(page.lines[:30]).lower()
    words = ("date", "title", "action", "status", "recommendation", "progress", "response")
    return sum(word in header for word in words) >= 3


def status_of(text: str) -> str:
    for pattern, status in STATUSES:
        if pattern.search(text or ""):
            return status
    return "unknown"


def number_of(label: str) -> int:
    label = label.lower()
    if label.isdigit():
        return int(label)
    if label in ROMAN:
        return ROMAN[label]
    return ord(label) - ord("a") + 1


def split_numbered(text: str) -> list[tuple[int | None, str]]:
    """'1) That …\\n2) That …' in one cell -> [(1, 'That …'), (2, 'That …')]; a cell without
    numbering -> [(None, text)]. Numbers must run on (1, 2, 3 …) to count as separate items."""
    lines = (text or "").split("\n")
    items: list[tuple[int | None, list[str]]] = []
    for line in lines:
        match = NUMBERED.match(line)
        expected = (items[-1][0] or 0) + 1 if items else None
        if match and (not items or number_of(match.group(1)) == expected):
            items.append((number_of(match.group(1)), [line[match.end() :]]))
        elif items:
            items[-1][1].append(line)
        else:
            items.append((None, [line]))
    if items and items[0][0] is None and len(items) > 1:
        return [(None, text)]  # text before the first number: not a numbered list
    return [(number, join_wrapped(part)) for number, part in items] or [(None, "")]


def add_row(rows: list[dict], cells: dict, page: int, warnings):
    date_text = cells.get("date") or ""
    title = join_wrapped((cells.get("title") or "").split("\n"))
    proposed_items = split_numbered(cells.get("action_proposed") or "")
    taken = join_wrapped((cells.get("action_taken") or "").split("\n"))
    status_text = clean_line(" ".join((cells.get("status") or "").split()))
    if not any((date_text.strip(), title, proposed_items[0][1], taken, status_text)):
        return
    number = proposed_items[0][0]
    if not (proposed_items[0][1] or taken or status_text):
        # A date or title alone ("Meeting of 17 June 2021" across the table): it heads the rows
        # below, which inherit it.
        date = complete_date(date_text) or complete_date(title)
        rows.append({"heading": True, "date": iso(date), "title": title or None})
        return
    if not date_text.strip() and not title and rows and number is None and not is_heading(rows):
        # The row above, carried over a page break.
        previous = rows[-1]
        for key, text in (
            ("action_proposed", proposed_items[0][1]),
            ("action_taken", taken),
            ("status_text", status_text),
        ):
            previous[key] = join_wrapped([previous[key] or "", text])
        return
    inherited = rows[-1] if rows and not date_text.strip() and not title else None
    context = next((r for r in reversed(rows) if r.get("heading")), {})
    date = complete_date(date_text)
    date_iso = iso(date) if date else (inherited or {}).get("date") or context.get("date")
    title = title or (inherited or {}).get("title") or context.get("title")
    if date_iso is None:
        warnings.append(
            warning(page, f"tracker row without a readable date: '{proposed_items[0][1][:60]}'")
        )
    responses = paired(proposed_items, cells, page, warnings)
    for (number, proposed), (taken_part, status_part) in zip(
        proposed_items, responses, strict=True
    ):
        rows.append(
            {
                "date": date_iso,
                "title": title,
                "number": number or 1,
                "action_proposed": proposed,
                "action_taken": taken_part,
                "status_text": status_part,
                "page": page,
            }
        )


def is_heading(rows) -> bool:
    return bool(rows) and rows[-1].get("heading", False)


def complete_date(text: str):
    return find_numeric_date(re.sub(r"\s+", "", text or "")) or find_date(text or "")


def paired(proposed_items, cells: dict, page: int, warnings):
    """The response and status of each recommendation printed in one cell: numbered alike, they
    pair up; otherwise each recommendation keeps the whole printed response."""
    taken = join_wrapped((cells.get("action_taken") or "").split("\n"))
    status_text = clean_line(" ".join((cells.get("status") or "").split()))
    if len(proposed_items) == 1:
        return [(taken, status_text)]
    taken_items = split_numbered(cells.get("action_taken") or "")
    status_items = split_numbered(cells.get("status") or "")
    count = len(proposed_items)
    if len(taken_items) == count and (len(status_items) == count or not status_text):
        statuses = [clean_line(s) for _, s in status_items] if status_text else [""] * count
        return [(t, s) for (_, t), s in zip(taken_items, statuses, strict=True)]
    warnings.append(
        warning(
            page,
            f"{count} recommendations share one response in the tracker: check which "
            "action taken and status belong to each",
        )
    )
    return [(taken, status_text)] * count


def records(rows: list[dict]) -> list[dict]:
    """The rows as PACK_SCHEMA records; heading rows only lent their date and title."""
    return [finish(row) for row in rows if not row.get("heading")]


def finish(row: dict) -> dict:
    status_text = (row["status_text"] or "").strip()
    return {
        "date": row["date"],
        "title": row["title"],
        "number": row["number"],
        "action_proposed": row["action_proposed"],
        "action_taken": row["action_taken"] or None,
        # a blank status cell is not a status: null, never a default (PACK_SCHEMA)
        "status": status_of(status_text) if status_text else None,
        "status_text": status_text or None,
        "page": row["page"],
    }
