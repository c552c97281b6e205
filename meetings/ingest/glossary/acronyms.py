"""Lists of acronyms and abbreviations: "CLA – Child Looked After", "CIN Children in Need" (a
two-column table read as lines), "LAC: Looked After Child". A list may run over several pages;
it ends at a cover sheet or where lines stop looking like entries."""

from __future__ import annotations

import re

from meetings.ingest.layout import is_cover_sheet

ACRONYM_HEADING = re.compile(
    r"^(?:(?:Glossary of |List of )?(?:ACRONYMS|ABBREVIATIONS|Acronyms|Abbreviations))\b.*$",
    re.MULTILINE,
)
ENTRY = re.compile(
    r"^([A-Z][A-Za-z0-9&/]*[A-Z][A-Za-z0-9&/]*s?)\s*(?:[–\-:=]\s*|\s{2,}|\s+(?=[A-Z][a-z]))(.{3,})$"
)
MAX_ACRONYM = 12


def entry_of(line: str) -> tuple[str, str] | None:
    match = ENTRY.match(line.strip())
    if not match or len(match.group(1)) > MAX_ACRONYM:
        return None
    return match.group(1), match.group(2).strip()


def read_acronym_lines(lines: list[str], page: int) -> list[dict]:
    """Entries from lines under an acronyms heading; a line that is not an entry continues the
    definition above it (a wrapped cell)."""
    out: list[dict] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        entry = entry_of(line)
        if entry:
            out.append({"term": entry[0], "definition": entry[1], "page": page})
        elif out and line[:1].islower():
            out[-1]["definition"] = f"{out[-1]['definition']} {line}"
    return out


def read_acronyms(pages) -> tuple[list[dict], int]:
    """The list starting under the heading on pages[0], over the pages that follow while most
    of their lines are entries. -> (terms, last page read)."""
    out: list[dict] = []
    last = pages[0].number
    for n, page in enumerate(pages):
        lines = page.lines
        if n == 0:
            at = next((i for i, x in enumerate(lines) if ACRONYM_HEADING.match(x)), 0)
            lines = lines[at + 1 :]
        elif is_cover_sheet(page) or not lines:
            break
        entries = read_acronym_lines(lines, page.number)
        if n and len(entries) < 0.6 * len(lines):
            break
        out += entries
        last = page.number
    return out, last
