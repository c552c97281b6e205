"""The "Monitoring Scrutiny Recommendations" tracker: Date | Title | Action proposed |
Action Taken | Progress Status, as a ruled table (or, failing that, columns of words).

Columns are found by what their headers mean, not where they are. A row without a date and
title is either a sub-recommendation ("2) That …", inheriting the date and title above) or the
rest of the row above carried over a page break. Statuses are mapped to the PACK_SCHEMA
vocabulary; the printed words are kept in `status_text`.
"""

from __future__ import annotations

import re

from .dates import find_date, find_numeric_date, iso
from .layout import word_lines
from .text import clean_line, join_wrapped

HEADER_WORDS = {
    "date": re.compile(r"^date\b|date of (?:meeting|recommendation)|meeting date", re.IGNORECASE),
    "title": re.compile(r"^(?:title|item|topic|subject|agenda item)\b", re.IGNORECASE),
    "action_proposed": re.compile(r"action proposed|recommendation", re.IGNORECASE),
    "action_taken": re.compile(
        r"action taken|response|update|progress to date|comments?", re.IGNORECASE
    ),
    "status": re.compile(r"status|progress$|rag\b", re.IGNORECASE),
}
TRACKER_PAGE = re.compile(
    r"\bAction\s+(?:proposed|taken)\b|\bProgress\s+Status\b|Scrutiny Monitoring", re.IGNORECASE
)
NUMBER = re.compile(r"^\s*(?:[•·]\s*)?\(?(\d{1,2})[).]\s+")
STATUSES = [
    (
        re.compile(
            r"not\s+(?:yet\s+)?complete[\s\-–,]*(?:but\s+)?within\s+timescale|not\s+yet\s+due|within\s+timescale",
            re.I,
        ),
        "not_due",
    ),
    (
        re.compile(r"partial(?:ly)?\s+complete|partially\s+(?:met|achieved)", re.I),
        "partially_complete",
    ),
    (re.compile(r"not\s+complete|incomplete|outstanding|overdue", re.I), "not_complete"),
    (re.compile(r"\bcomplete[d]?\b|\bachieved\b|\bdone\b", re.I), "complete"),
    (
        re.compile(r"in\s+train|in\s+progress|on\s*going|underway|on\s+track|started", re.I),
        "in_progress",
    ),
    (re.compile(r"reject|declined|not\s+accepted|not\s+agreed", re.I), "rejected"),
]


def parse_tracker(pages, pdf=None):
    """-> (rows per PACK_SCHEMA, warnings)."""
    rows, warnings = [], []
    candidates = [p for p in pages if TRACKER_PAGE.search(p.text[:1500]) and looks_tabular(p)]
    for page in candidates:
        raw = table_rows(page, pdf) if pdf is not None else None
        if raw is None:
            continue
        for cells in raw:
            add_row(rows, cells, page.number, warnings)
    return [finish(row) for row in rows], warnings


def looks_tabular(page) -> bool:
    header = " ".join(page.lines[:12]).lower()
    return (
        sum(
            word in header
            for word in ("date", "title", "action", "status", "recommendation", "progress")
        )
        >= 3
    )


def status_of(text: str) -> str:
    for pattern, status in STATUSES:
        if pattern.search(text or ""):
            return status
    return "unknown"


def columns_of(header_cells: list[str]) -> dict[int, str]:
    """Which column is which, from header text ("Progress\\nStatus", "Action Taken" …)."""
    out = {}
    for i, text in enumerate(header_cells):
        text = " ".join((text or "").split())
        for name, pattern in HEADER_WORDS.items():
            if name not in out.values() and pattern.search(text):
                if name == "action_proposed" and re.search(r"taken", text, re.I):
                    continue
                out[i] = name
                break
    return out


def table_rows(page, pdf) -> list[dict] | None:
    """Rows as {column name: text} from the ruled table, else from word positions."""
    for table in pdf.tables(page.number):
        header_at, columns = None, {}
        for at, row in enumerate(table.rows[:3]):
            columns = columns_of([c.text if c else "" for c in row])
            if {"action_proposed", "action_taken"} <= set(columns.values()) or len(columns) >= 4:
                header_at = at
                break
        if header_at is None:
            continue
        out = []
        for row in table.rows[header_at + 1 :]:
            out.append(
                {
                    name: (row[i].text if i < len(row) and row[i] else "")
                    for i, name in columns.items()
                }
            )
        return out
    return word_table_rows(pdf.words(page.number))


def word_table_rows(words) -> list[dict] | None:
    """An unruled tracker: columns start where the header words start."""
    lines = word_lines(words)
    header = next((line for line in lines if len(columns_of(split_header(line.text))) >= 4), None)
    if header is None:
        return None
    header_words = [w for w in words if abs(w.top - header.top) < 3]
    starts = column_starts(header_words)
    if not starts:
        return None
    rows: list[dict] = []
    for line in lines:
        if line.top <= header.bottom:
            continue
        line_words = [w for w in words if abs(w.top - line.top) < 3]
        cells = {name: [] for _, name in starts}
        for word in line_words:
            name = next((n for x, n in reversed(starts) if word.x0 >= x - 4), starts[0][1])
            cells[name].append(word.text)
        cells = {name: " ".join(ws) for name, ws in cells.items()}
        new_row = bool(find_numeric_date(cells.get("date", ""))) or NUMBER.match(
            cells.get("action_proposed", "")
        )
        if new_row or not rows:
            rows.append({name: text for name, text in cells.items()})
        else:
            for name, text in cells.items():
                if text:
                    rows[-1][name] = (rows[-1].get(name, "") + "\n" + text).strip()
    return rows


def split_header(text: str) -> list[str]:
    return re.split(r"\s{2,}|(?<=[a-z])\s(?=[A-Z])", text)


TWO_WORD_LABEL = re.compile(
    r"^(?:action (?:proposed|taken)|progress status|date of|recommendation made)$", re.IGNORECASE
)


def column_starts(header_words) -> list[tuple[float, str]]:
    """Where each column starts, from the header's words; a two-word label ("Action Taken",
    "Progress Status") starts one column, not two."""
    starts, used, skip = [], set(), False
    for i, word in enumerate(header_words):
        if skip:
            skip = False
            continue
        phrase = " ".join(w.text for w in header_words[i : i + 2])
        two = bool(TWO_WORD_LABEL.match(phrase))
        text = phrase if two else word.text
        skip = two
        name = next(
            (n for n, pattern in HEADER_WORDS.items() if n not in used and pattern.search(text)),
            None,
        )
        if name == "action_proposed" and "taken" in text.lower():
            name = None if "action_taken" in used else "action_taken"
        if name:
            starts.append((word.x0, name))
            used.add(name)
    return sorted(starts)


def add_row(rows: list[dict], cells: dict, page: int, warnings):
    date_text = re.sub(r"\s+", "", cells.get("date", ""))
    title = join_wrapped((cells.get("title") or "").split("\n"))
    proposed_lines = (cells.get("action_proposed") or "").split("\n")
    proposed = join_wrapped(proposed_lines)
    taken = join_wrapped((cells.get("action_taken") or "").split("\n"))
    status_text = clean_line(" ".join((cells.get("status") or "").split()))
    if not any((date_text, title, proposed, taken, status_text)):
        return
    number = NUMBER.match(proposed)
    if not date_text and not title and rows and not number:
        # The row above, carried over a page break.
        previous = rows[-1]
        previous["action_proposed"] = join_wrapped([previous["action_proposed"], proposed])
        previous["action_taken"] = join_wrapped([previous["action_taken"], taken])
        previous["status_text"] = join_wrapped([previous["status_text"], status_text])
        return
    inherited = rows[-1] if rows and not date_text and not title else None
    date = find_numeric_date(date_text) or find_date(cells.get("date", ""))
    if date is None and inherited is None:
        warnings.append(
            {"page": page, "message": f"tracker row without a readable date: '{proposed[:60]}'"}
        )
    rows.append(
        {
            "date": iso(date) if date else (inherited or {}).get("date"),
            "title": title or (inherited or {}).get("title"),
            "number": int(number.group(1)) if number else 1,
            "action_proposed": NUMBER.sub("", proposed, count=1) if number else proposed,
            "action_taken": taken,
            "status_text": status_text,
            "page": page,
        }
    )


def finish(row: dict) -> dict:
    status_text = row["status_text"].strip()
    return {
        "date": row["date"],
        "title": row["title"],
        "number": row["number"],
        "action_proposed": row["action_proposed"],
        "action_taken": row["action_taken"] or None,
        "status": status_of(status_text) if status_text else "unknown",
        "status_text": status_text or None,
        "page": row["page"],
    }
