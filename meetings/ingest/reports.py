"""Report cover sheets: DECISION-MAKER, SUBJECT, DATE OF DECISION, REPORT OF, confidentiality,
RECOMMENDATIONS and the list of appendices.

A cover sheet is a two-column table whose labels wrap ("DATE OF / DECISION:"), so fields are
read from the text between one label and the next rather than line by line. A cover may start
half-way down a page (after the previous report's last appendix). Its agenda number comes from
the "Agenda Item N" stamp on its page, else from the agenda title its subject matches.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .dates import find_date, iso
from .text import join_wrapped

COVER = re.compile(r"^DECISION[- ]MAKER\b")  # the label is printed in capitals
FIELD_END = r"(?=\n\s*(?:SUBJECT|DATE OF|REPORT OF|CONTACT|STATEMENT OF|BRIEF SUMMARY|RECOMMENDATIONS?|AUTHOR)\b)"
LABELS = {
    "decision_maker": re.compile(
        r"DECISION[- ]MAKER\s*:?\s*(.+?)" + FIELD_END, re.IGNORECASE | re.DOTALL
    ),
    "subject": re.compile(r"\nSUBJECT\s*:?\s*(.+?)" + FIELD_END, re.IGNORECASE | re.DOTALL),
    "report_of": re.compile(r"\nREPORT OF\s*:?\s*(.+?)" + FIELD_END, re.IGNORECASE | re.DOTALL),
}
DATE_OF_DECISION = re.compile(r"DATE OF\s*(?:DECISION\s*:?)?(.{0,80})", re.IGNORECASE | re.DOTALL)
CONFIDENTIALITY = re.compile(
    r"STATEMENT OF\s+CONFIDENTIALITY\s*(.*?)(?=\n\s*BRIEF SUMMARY\b|\Z)", re.IGNORECASE | re.DOTALL
)
NOT_CONFIDENTIAL = re.compile(r"^\s*(?:none|n/?a|not applicable|nil|-|–)\.?\s*$", re.IGNORECASE)
RECOMMENDATIONS = re.compile(
    r"\n[ \t]*(?:RECOMMENDATIONS?|Recommendations?)[ \t]*:?[ \t]*(?=\n|\(i\)|\(a\)|1[.)])(.*?)(?=\n\s*REASONS FOR|\n\s*ALTERNATIVE OPTIONS|\n\s*DETAIL\b|\Z)",
    re.DOTALL,
)
APPENDICES = re.compile(
    r"\nAppendices\s*:?\s*\n(.*?)(?=\n\s*Documents in Members|\n\s*Equality Impact|\n\s*Other Background|\Z)",
    re.IGNORECASE | re.DOTALL,
)
ROMAN_ITEM = re.compile(r"^\s*\(?((?:[ivx]{1,4})|[a-h]|\d{1,2})\)\s*", re.IGNORECASE)
NUMBERED_ITEM = re.compile(r"^\s*(\d{1,2})[.)]\s*")
MAX_PAGES = 6  # the fields of a cover sheet never run further than this


def parse_reports(pages, pdf=None, agenda=None):
    """-> (reports per PACK_SCHEMA, warnings). `agenda` (parsed items) helps number them."""
    starts = cover_starts(pages)
    reports, warnings = [], []
    for n, (index, line_at) in enumerate(starts):
        following = starts[n + 1] if n + 1 < len(starts) else (len(pages), 0)
        lines = cover_lines(pages, (index, line_at), following)
        report = read_cover("\n" + "\n".join(lines))
        report["page"] = pages[index].number
        stamp = pages[index].agenda_item if line_at <= 1 else None
        report["agenda_number"] = (
            int(re.sub(r"\D", "", stamp))
            if stamp and stamp[:1].isdigit()
            else match_agenda(report["subject"], agenda)
        )
        if report["agenda_number"] is None:
            warnings.append(
                {
                    "page": report["page"],
                    "message": f"report '{report['subject']}' could not be matched to an agenda item",
                }
            )
        if not report["recommendations"]:
            warnings.append(
                {
                    "page": report["page"],
                    "message": f"no recommendations read from the cover sheet of '{report['subject']}'",
                }
            )
        reports.append(order(report))
    return reports, warnings


def cover_lines(pages, start, following) -> list[str]:
    """The lines from one cover sheet's first line to the next cover sheet (or MAX_PAGES)."""
    (index, line_at), (next_index, next_line) = start, following
    lines = []
    for at in range(index, min(next_index + 1, index + MAX_PAGES, len(pages))):
        page_lines = pages[at].lines
        first = line_at if at == index else 0
        last = next_line if at == next_index else len(page_lines)
        lines += page_lines[first:last]
    return lines


def cover_starts(pages) -> list[tuple[int, int]]:
    starts = []
    for index, page in enumerate(pages):
        for line_at, line in enumerate(page.lines):
            if COVER.match(line.strip()):
                starts.append((index, line_at))
                break
    return starts


def field(text, name):
    match = LABELS[name].search(text)
    return join_wrapped(match.group(1).split("\n")) if match else None


def read_cover(text: str) -> dict:
    date = DATE_OF_DECISION.search(text)
    confidentiality = CONFIDENTIALITY.search(text)
    statement = join_wrapped(confidentiality.group(1).split("\n")) if confidentiality else ""
    recommendations = RECOMMENDATIONS.search(text)
    appendices = APPENDICES.search(text)
    return {
        "subject": field(text, "subject"),
        "decision_maker": field(text, "decision_maker"),
        "date_of_decision": iso(find_date(date.group(1))) if date else None,
        "report_of": field(text, "report_of"),
        "confidential": bool(statement) and not NOT_CONFIDENTIAL.match(statement),
        "recommendations": split_list(recommendations.group(1), ROMAN_ITEM)
        if recommendations
        else [],
        "appendices": split_list(appendices.group(1), NUMBERED_ITEM, drop_none=True)
        if appendices
        else [],
    }


def split_list(block: str, marker: re.Pattern, drop_none=False) -> list[str]:
    """'(i) That … (ii) That …' or '1. Summary … 2. Glossary' -> one string per item."""
    items: list[list[str]] = []
    for line in block.split("\n"):
        line = line.strip()
        if not line:
            continue
        if marker.match(line):
            rest = marker.sub("", line, count=1).strip()
            items.append([rest] if rest else [])
        elif items:
            items[-1].append(line)
        else:
            items.append([line])
    out = [join_wrapped(item) for item in items if item]
    out = [re.sub(r"(\w)- (\w)", r"\1-\2", item) for item in out]
    if drop_none:
        out = [
            item
            for item in out
            if not re.fullmatch(
                r"none\.?|non e|n/?a", item.replace("\n", "").strip(), re.IGNORECASE
            )
        ]
    return out


def match_agenda(subject, agenda) -> int | None:
    if not subject or not agenda:
        return None
    wanted = normal(subject)
    best, best_score = None, 0.0
    for item in agenda:
        title = normal(item.get("title") or "")
        score = SequenceMatcher(None, wanted, title).ratio()
        if title and (title in wanted or wanted in title):
            score = max(score, 0.9)
        if score > best_score:
            best, best_score = item.get("number"), score
    return best if best_score >= 0.8 else None


def normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'")).strip()


def order(report: dict) -> dict:
    keys = [
        "agenda_number",
        "subject",
        "decision_maker",
        "date_of_decision",
        "report_of",
        "confidential",
        "recommendations",
        "appendices",
        "page",
    ]
    return {key: report.get(key) for key in keys}
