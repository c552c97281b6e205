"""Report cover sheets: DECISION-MAKER, SUBJECT, DATE OF DECISION, REPORT OF, confidentiality,
RECOMMENDATIONS and the list of appendices.

Each cover is read from its "DECISION-MAKER" line to the next cover, label by label
(layout_cover.py): labels wrap ("DATE OF" / "DECISION:") and their values may be extracted
before, between or after their lines. Where a key label stands alone on its line, the value might
belong to it or to the label above, so that one page's word positions decide. The agenda number
comes from the "Agenda Item N" stamp on the cover's page, else from the agenda title its subject
matches; an unmatched or doubtful report keeps a null number and a warning.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from meetings.ingest.agenda import parse_agenda
from meetings.ingest.dates import find_date, iso
from meetings.ingest.reports.cover import (
    KEY_FIELDS,
    match_label,
    read_by_position,
    read_labelled,
    rows_of,
)
from meetings.ingest.schema import warning
from meetings.ingest.text import join_wrapped

# the label is printed in capitals; in sentence case only with its colon
COVER = re.compile(r"^(?:DECISION[- ]MAKERS?\b|Decision[- ]makers?\s*:)", re.MULTILINE)
NOT_CONFIDENTIAL = re.compile(
    r"^(?:none|nil|n/?a|not applicable|no|-|–|not confidential|"
    r"(?:this|the) report is not confidential|there (?:is|are) no confidential \w+)\.?$",
    re.IGNORECASE,
)
CONFIDENTIAL = re.compile(
    r"confidential|exempt|category \d|paragraph \d|schedule 12a|not for publication",
    re.IGNORECASE,
)
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
MARKER = re.compile(
    r"^(?:[•·▪\-–]\s*)?(?:\((?P<a>[ivx]{1,4}|[a-h]|\d{1,2})\)|(?P<b>[ivx]{1,4}|[a-h]|\d{1,2})[.)])(?=\s|$)\s*",
    re.IGNORECASE,
)
APPENDICES_HEADING = re.compile(r"^Appendices\b\s*:?\s*(.*)$|^Appendix\s*:?$", re.IGNORECASE)
APPENDICES_END = re.compile(
    r"^(?:Documents? (?:in|held in) Members|Equality (?:and Safety )?Impact|Data Protection|"
    r"Other Background|Background (?:documents|papers)|Privacy Impact|Further information|"
    r"Title of Background|Integrated Impact|KEY DECISION|WARDS)",
    re.IGNORECASE,
)
NOTHING = re.compile(r"^(?:none|non ?e|n/?a|nil|not applicable)\.?$", re.IGNORECASE)
KEYS = [
    "agenda_number",
    "subject",
    "decision_maker",
    "date_of_decision",
    "report_of",
    "confidential",
    "summary",  # beside the contract: the BRIEF SUMMARY, for the meeting page
    "recommendations",
    "appendices",
    "page",
]


def parse_reports(pages, pdf=None, agenda=None):
    """-> (reports per PACK_SCHEMA, warnings). `agenda` (parsed items) helps number them; it is
    read from the pages when not given."""
    if agenda is None:
        agenda, _ = parse_agenda(pages, pdf)
    starts = cover_starts(pages)
    reports, warnings = [], []
    numbered: set[int] = set()
    for n, start in enumerate(starts):
        following = starts[n + 1] if n + 1 < len(starts) else (len(pages), 0)
        page = pages[start[0]]
        same_page_before = sum(1 for s in starts[:n] if s[0] == start[0])
        report, unsure = read_cover(cover_lines(pages, start, following))
        if unsure and pdf is not None:
            unsure = settle_by_position(report, unsure, pdf, page.number, same_page_before)
        if unsure:
            names = ", ".join(sorted(field.replace("_", " ") for field in unsure))
            warnings.append(warn(page, report, f"{names} printed apart from their labels: check"))
        report["page"] = page.number
        number, doubt = agenda_number(report, page, same_page_before, agenda, numbered)
        report["agenda_number"] = number
        if number is not None:
            numbered.add(number)
        if doubt:
            warnings.append(warn(page, report, doubt))
        for field in ("subject", "date_of_decision"):
            if not report[field]:
                warnings.append(warn(page, report, f"no {field.replace('_', ' ')} read"))
        if not report["recommendations"]:
            warnings.append(warn(page, report, "no recommendations read"))
        reports.append({key: report.get(key) for key in KEYS})
    return reports, warnings


def warn(page, report, message) -> dict:
    subject = report.get("subject") or "untitled report"
    return warning(page.number, f"report cover sheet '{subject}': {message}")


def cover_starts(pages) -> list[tuple[int, int]]:
    """(page index, line index) of every "DECISION-MAKER" label that starts its line."""
    starts = []
    for index, page in enumerate(pages):
        for line_at, line in enumerate(page.lines):
            if COVER.match(line.strip()):
                starts.append((index, line_at))
    return starts


def cover_lines(pages, start, following) -> list[str]:
    """The lines from one cover sheet's first line to the next cover sheet."""
    (index, line_at), (next_index, next_line) = start, following
    lines = []
    for at in range(index, min(next_index + 1, len(pages))):
        page_lines = pages[at].lines
        first = line_at if at == index else 0
        last = next_line if at == next_index else len(page_lines)
        lines += page_lines[first:last]
    return lines


def read_cover(lines: list[str]) -> tuple[dict, set[str]]:
    fields = read_labelled(lines)
    values = fields.values

    def text(name):
        return join_wrapped(values.get(name) or []) or None

    report = {name: text(name) for name in ("subject", "decision_maker", "report_of")}
    report["date_of_decision"] = iso(find_date(text("date_of_decision") or ""))
    report["confidential"] = confidentiality(values.get("confidentiality"))
    report["summary"] = text("brief_summary")  # beside the contract: shown on the meeting page
    report["recommendations"] = split_list(values.get("recommendations") or [])
    report["appendices"] = appendices(values.get("supporting") or lines[:300])
    return report, fields.unsure & set(KEY_FIELDS)


def settle_by_position(report: dict, unsure: set[str], pdf, page_number: int, skip: int):
    """Key fields re-read from word positions on the cover's first page, where it is a table.
    -> the fields still unsure (emptied: a value read in doubt is not kept)."""
    words = pdf.words(page_number)
    tops = [row.top for row in rows_of(words) if COVER.match(row.text)]
    found = read_by_position(words, tops[skip]) if len(tops) > skip else None
    if not found:
        return unsure
    for field, value in found.items():
        value = join_wrapped([value])
        report[field] = iso(find_date(value)) if field == "date_of_decision" else value or None
    left = unsure - set(found)
    for field in left:
        report[field] = None
    return left


def confidentiality(lines: list[str] | None) -> bool | None:
    """False for "None" / "N/A" / "Not applicable"; True where exempt information is cited."""
    if lines is None:
        return None
    statement = join_wrapped(lines[:6]).strip()
    if not statement or NOT_CONFIDENTIAL.match(statement):
        return False
    # "None. The report is public." says no; any exempt category or confidential part says yes
    first = statement.split(".")[0].strip()
    return not (NOT_CONFIDENTIAL.match(first) and not CONFIDENTIAL.search(statement))


def split_list(lines: list[str]) -> list[str]:
    """'(i) That …' / '1. Summary …' lines -> one string per item, markers removed. A marker
    alone on its line is followed by its text; '(ii)' inside a line also starts an item. Text
    before the first marker ("The Panel is recommended to:") is a lead-in, not an item."""
    items: list[list[str]] = []
    intro: list[str] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        marker = MARKER.match(line)
        if marker:
            rest = line[marker.end() :].strip()
            items.append([rest] if rest else [])
        elif items:
            items[-1].append(line)
        else:
            intro.append(line)
    if not items:
        return [join_wrapped(intro)] if intro else []
    out = []
    for item in items:
        out += split_inline(join_wrapped(item), len(out))
    return [item for item in out if item]


def split_inline(text: str, before: int) -> list[str]:
    """'That A. (ii) That B.' flattened on one line -> two items (only the next marker in order)."""
    out = [text]
    for n in range(before + 1, len(ROMAN)):
        marker = re.search(rf"\s\({ROMAN[n]}\)\s+(?=[A-Z]|that\b)", out[-1])
        if not marker:
            break
        out[-1:] = [out[-1][: marker.start()].strip(), out[-1][marker.end() :].strip()]
    return out


def appendices(lines: list[str]) -> list[str]:
    """The numbered list under "Appendices", up to "Documents In Members' Rooms"."""
    at = next((i for i, line in enumerate(lines) if APPENDICES_HEADING.match(line.strip())), None)
    if at is None:
        return []
    block = []
    first = APPENDICES_HEADING.match(lines[at].strip()).group(1)
    for line in ([first] if first else []) + lines[at + 1 :]:
        line = line.strip()
        if APPENDICES_END.match(line) or match_label(line):
            break
        block.append(line)
    items = split_list(block)
    if items and not any(MARKER.match(line) for line in block):
        items = [line for line in block if line]  # one title a line, unnumbered
    return [item for item in items if not NOTHING.match(item)]


def agenda_number(report, page, same_page_before, agenda, numbered) -> tuple[int | None, str]:
    """(number, doubt): the page's "Agenda Item N" stamp, else the agenda title matched."""
    numbers = {item.get("number") for item in agenda or []}
    stamp = page.agenda_item if not same_page_before else None
    if stamp and stamp[:1].isdigit():
        number = int(re.match(r"\d+", stamp).group())
        if not numbers or number in numbers:
            return number, ""
    number = match_agenda(report.get("subject"), agenda)
    if number is None:
        return None, "not matched to an agenda item"
    if number in numbered:
        return None, f"agenda item {number} already has a report: this cover may be an appendix"
    return number, ""


def match_agenda(subject, agenda) -> int | None:
    if not subject or not agenda:
        return None
    wanted = normal(subject)
    scored = []
    for item in agenda:
        title = normal(item.get("title") or "")
        if not title:
            continue
        score = SequenceMatcher(None, wanted, title).ratio()
        if len(title) > 8 and (title in wanted or wanted in title):
            score = max(score, 0.9)
        scored.append((score, item.get("number")))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if not scored or scored[0][0] < 0.8:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.05:
        return None  # two titles fit as well: do not guess
    return scored[0][1]


def normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'").replace("'", "")).strip()
