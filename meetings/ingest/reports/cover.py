"""Reading the labelled fields of a report cover sheet, in text order or by position.

A cover sheet is a two-column table: capital labels on the left ("DECISION-MAKER:", "DATE OF
DECISION:", "STATEMENT OF CONFIDENTIALITY"), values on the right. Labels wrap ("DATE OF" /
"DECISION:") and, depending on how the PDF was written, the value may come before, between or
after the label's lines in the extracted text. So:

- `read_labelled(lines)` walks the text: a line that starts a label opens a field, the rest of the
  line and the following non-label lines are its value, and a label split over two lines is
  completed wherever its second half appears. It reports which fields it is unsure of: a label
  standing alone on its line, whose value may as well have been printed above it.
- `read_by_position(words)` settles those from word positions on the one page: label words in
  the left column, value lines in the right column, each value line belonging to the label whose
  lines it sits beside (labels are often centred on a wrapped value).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from meetings.ingest.layout import Row, rows_of  # the one words → lines grouping

# Field name, label words as printed (capitals). Longer labels first where one starts another.
LABELS: list[tuple[str, tuple[str, ...]]] = [
    ("decision_maker", ("DECISION-MAKER",)),
    ("decision_maker", ("DECISION", "MAKER")),
    ("decision_maker", ("DECISION-MAKERS",)),
    ("subject", ("SUBJECT",)),
    ("subject", ("REPORT", "TITLE")),
    ("date_of_decision", ("DATE", "OF", "DECISION")),
    ("date_of_decision", ("DATE", "OF", "MEETING")),
    ("report_of", ("REPORT", "OF")),
    ("report_of", ("REPORT", "BY")),
    ("contacts", ("CONTACT", "DETAILS")),
    ("confidentiality", ("STATEMENT", "OF", "CONFIDENTIALITY")),
    ("brief_summary", ("BRIEF", "SUMMARY")),
    ("reasons", ("REASONS", "FOR", "REPORT", "RECOMMENDATIONS")),
    ("reasons", ("REASONS", "FOR", "RECOMMENDATIONS")),
    ("recommendations", ("RECOMMENDATIONS",)),
    ("recommendations", ("RECOMMENDATION",)),
    ("recommendations", ("RECOMMENDATION(S)",)),
    ("alternatives", ("ALTERNATIVE", "OPTIONS", "CONSIDERED", "AND", "REJECTED")),
    ("detail", ("DETAIL",)),
    ("detail", ("DETAILS",)),
    ("resources", ("RESOURCE", "IMPLICATIONS")),
    ("supporting", ("SUPPORTING", "DOCUMENTATION")),
    ("wards", ("WARDS/COMMUNITIES", "AFFECTED")),
    ("key_decision", ("KEY", "DECISION")),
]
WORDS_OF_VALUES = {"REPORT", "SUBJECT"}  # labels whose words also start values: need a colon
KEY_FIELDS = ("decision_maker", "subject", "date_of_decision", "report_of")
# A key label inside a line, after some value text: lines that sit at nearly the same height in
# the two columns come out merged ("EXECUTIVE DIRECTOR CHILDREN AND REPORT OF: LEARNING").
EMBEDDED = re.compile(
    r"(?<=\S)(?<!DATE OF)\s+(?=(?:DECISION[- ]MAKER|SUBJECT|DATE OF DECISION|REPORT OF|DECISION)\s*:)"
    r"|(?<=\S)\s+(?=DATE OF\s*$)"
)


def _normal(word: str) -> str:
    return word.rstrip(":?").replace("–", "-").replace("—", "-")


def match_label(text: str) -> tuple[str, tuple[str, ...], int, bool] | None:
    """(field, label words, words of the line used, whole label?) for a line starting a label.

    A whole label may carry its value on the same line; a first half of a label ("DATE OF",
    "STATEMENT OF") must stand alone on its line, so that prose never opens a field.
    """
    raw = [w for w in text.split() if _normal(w)]
    words = [_normal(w) for w in raw]
    if not words:
        return None
    tokens = text.split()
    for field, label in LABELS:
        n = len(label)
        colon = len(tokens) >= n and (
            tokens[n - 1].endswith(":") or (len(tokens) > n and tokens[n].startswith(":"))
        )
        if tuple(words[:n]) == label:
            if label[0] in WORDS_OF_VALUES and len(words) > n and not colon:
                continue  # "REPORT OF THE INDEPENDENT REVIEWING OFFICER" wrapped in a subject
            return field, label, n, True
        # "Subject:" or "Date of decision:" in sentence case, but only with the colon
        if colon and tuple(w.upper() for w in words[:n]) == label:
            return field, label, n, True
    fields = {
        f for f, label in LABELS if len(label) > len(words) and label[: len(words)] == tuple(words)
    }
    if len(fields) == 1:  # a first half, and only one label starts so
        field, label = next((f, lb) for f, lb in LABELS if lb[: len(words)] == tuple(words))
        return field, label, len(words), False
    return None


def completes(text: str, rest: tuple[str, ...]) -> int:
    """How many words of `text` complete a label whose first half was seen (0 if none)."""
    words = [_normal(w) for w in text.split()]
    words = [w for w in words if w]
    n = len(rest)
    return n if tuple(words[:n]) == rest else 0


def value_after(text: str, used: int) -> str:
    """The text of a line after its first `used` words (the label), without the colon."""
    parts = text.split()
    count, at = 0, 0
    for at, part in enumerate(parts):
        if _normal(part):
            count += 1
        if count == used:
            return " ".join(parts[at + 1 :]).lstrip(": ").strip()
    return ""


@dataclass
class Fields:
    values: dict[str, list[str]]
    unsure: set[str]  # fields whose value may have been printed above their label


# a cover sheet's labels split, stacked or run together: one reading with its cases side by side
def read_labelled(lines: list[str]) -> Fields:  # noqa: C901
    """Fields from lines in text order; a label seen a second time (a heading in the report's
    body, an embedded cover) opens nothing. Labels printed one under another and then their
    values (a table read column by column) get one value line each when the counts agree, and
    are otherwise left empty and unsure."""
    values: dict[str, list[str]] = {}
    unsure: set[str] = set()
    current = None
    pending: tuple[str, tuple[str, ...]] | None = None  # a label waiting for its second half
    stack: list[str] = []  # labels in a row without values
    held: list[str] = []  # value lines after such a stack

    def settle_stack():
        if len(stack) > 1 and held:
            if len(held) == len(stack):
                for field, value in zip(stack, held, strict=True):
                    values[field].append(value)
            unsure.update(stack)
        elif stack and held:
            values[stack[0]].extend(held)
        stack.clear()
        held.clear()

    for text, merged in unmerged(lines):
        if merged and current is not None:
            unsure.add(current)  # the text before the label may be the label's own value
        if pending:
            used = completes(text, pending[1])
            if used:
                rest = value_after(text, used)
                if rest:
                    values[pending[0]].append(rest)
                    stack.clear()
                pending = None
                continue
        found = match_label(text)
        if found:
            field, label, used, whole = found
            if held:
                settle_stack()
            if field in values:
                current = pending = None
                stack.clear()
                continue
            current = field
            values[field] = []
            rest = value_after(text, used) if whole else ""
            if rest:
                values[field].append(rest)
                stack.clear()
            else:
                unsure.add(field)
                stack.append(field)
                if not whole:
                    pending = (field, label[used:])
            if merged:
                unsure.add(field)
            continue
        if stack:
            held.append(text)
        elif current is not None:
            values[current].append(text)
    settle_stack()
    return Fields(values, unsure)


def unmerged(lines: list[str]):
    """(line, merged?) with every key label inside a line moved to a line of its own."""
    for line in lines:
        parts = EMBEDDED.split(line.strip())
        for n, part in enumerate(parts):
            if part:
                yield part, n > 0


def value_column(rows: list[Row]) -> float | None:
    """Where the values start, when they sit in a column of their own right of the labels: the
    usual left edge of the text after a label's words, or of rows holding a value alone."""
    label_x, after_label, alone = [], [], []
    for row in rows:
        found = match_label(row.text)
        if not found:
            alone.append(row.words[0].x0)
            continue
        used = found[2]
        label_x.append(row.words[0].x0)
        if found[3] and len(row.words) > used:
            gap = row.words[used].x0 - row.words[used - 1].x1
            if gap > 12:
                after_label.append(row.words[used].x0)
    if not label_x:
        return None
    left = min(label_x)
    starts = after_label or [x for x in alone if x - left > 40]
    if not starts:
        return None
    # the edge most of them share (a value may be indented further, never less)
    counts = Counter(round(x / 4) for x in starts)
    edge = max(counts, key=lambda key: (counts[key], -key))
    column = min(x for x in starts if round(x / 4) == edge)
    return column if column - left > 40 else None


# as read_labelled, by word positions
def read_by_position(words, first_top: float = 0.0) -> dict[str, str] | None:  # noqa: C901
    """The key fields of a cover laid out as a label column and a value column, or None."""
    rows = [row for row in rows_of(words) if row.bottom >= first_top - 1]
    column = value_column(rows)
    if column is None:
        return None
    labels: list[list] = []  # [field, top, bottom, rest-of-label]
    values: list[Row] = []
    for row in rows:
        left = [w for w in row.words if w.x0 < column - 3]
        right = [w for w in row.words if w.x0 >= column - 3]
        if left:
            text = " ".join(w.text for w in left)
            last = labels[-1] if labels else None
            if last and last[3] and completes(text, last[3]):
                last[2], last[3] = row.bottom, ()
            else:
                found = match_label(text)
                if found:
                    field, label, used, whole = found
                    labels.append([field, row.top, row.bottom, () if whole else label[used:]])
                else:
                    right = row.words  # prose running the full width: not a label
        if right:
            values.append(Row(min(w.top for w in right), max(w.bottom for w in right), right))
        if labels and labels[-1][0] in ("brief_summary", "recommendations"):
            break
    owners = [_overlapping(value, labels) for value in values]
    for _ in range(3):  # wrapped value lines above or below a centred label join their neighbour
        for i in range(len(values)):
            if owners[i] is not None:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(values) and owners[j] is not None and _close(values[i], values[j]):
                    owners[i] = owners[j]
                    break
    out: dict[str, list[str]] = {}
    for value, owner in zip(values, owners, strict=True):
        if owner is not None:
            out.setdefault(labels[owner][0], []).append(value.text)
    return {field: " ".join(parts) for field, parts in out.items() if field in KEY_FIELDS}


def _overlapping(value: Row, labels) -> int | None:
    hits = [
        i
        for i, (_, top, bottom, _) in enumerate(labels)
        if value.top < bottom + 1 and value.bottom > top - 1
    ]
    return hits[0] if len(hits) == 1 else None


def _close(a: Row, b: Row) -> bool:
    height = max(a.bottom - a.top, b.bottom - b.top, 1.0)
    gap = max(b.top - a.bottom, a.top - b.bottom)
    return gap <= 0.6 * height
