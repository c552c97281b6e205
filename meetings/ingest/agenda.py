"""The agenda: numbered items with titles, printed page ranges, descriptions and exempt flags.

An item starts on a line beginning with the next expected number (so "2 Child Safeguarding
Practice Reviews" inside a description is not item 2 twice). Titles are in capitals and may wrap,
as may "(Pages 13 - 70)". The description is the sentence-case text up to the next item. The
agenda ends with the date it was published and who published it, which are not descriptions.
"""

from __future__ import annotations

import re

from .text import Line, join_wrapped, lines_of

AGENDA_HEADING = re.compile(r"^agenda$", re.IGNORECASE)
ITEM = re.compile(r"^(\d{1,2})[.)]?\s+(.+)$")
PAGES = re.compile(r"\(\s*Pages?\s+(\d+)\s*(?:[-–]\s*(\d+))?\s*\)", re.IGNORECASE)
PAGES_OPEN = re.compile(r"\(\s*Pages?\b[^)]*$", re.IGNORECASE)
ENDS_AGENDA = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+\d", re.IGNORECASE
)
STOP_PAGE = re.compile(r"MINUTES OF THE|DECISION[- ]MAKER", re.IGNORECASE)
EXEMPT = re.compile(
    r"exclusion of the press|press and public be excluded|confidential|exempt|category\s+\d+[a-z]?|schedule\s+12a|"
    r"paragraph\s+\d+\s+of\s+(?:part\s+1\s+of\s+)?schedule",
    re.IGNORECASE,
)


def parse_agenda(pages, pdf=None):
    """-> (items per PACK_SCHEMA, warnings)."""
    lines = agenda_lines(pages)
    if not lines:
        return [], [{"page": 1, "message": "no agenda found"}]
    items, warnings = [], []
    current = None
    expected = 1
    for line in lines:
        text = line.text.strip()
        if ENDS_AGENDA.match(text) and current is not None:
            break
        match = ITEM.match(text)
        if match and int(match.group(1)) == expected and looks_like_title(match.group(2)):
            current = {
                "number": expected,
                "title_lines": [match.group(2)],
                "description_lines": [],
                "page": line.page,
            }
            items.append(current)
            expected += 1
            continue
        if current is None:
            continue
        if not current["description_lines"] and title_continues(current, text):
            current["title_lines"].append(text)
        else:
            current["description_lines"].append(text)
    out = [finish(item) for item in items]
    for item in out:
        if item["exempt"]:
            warnings.append(
                {
                    "page": item["page"],
                    "message": f"agenda item {item['number']} is exempt: its papers are not in the public pack",
                }
            )
    return out, warnings


def agenda_lines(pages) -> list[Line]:
    """The lines of the agenda page(s): from the AGENDA heading to the minutes or first report."""
    for at, page in enumerate(pages[:12]):
        first = next(
            (i for i, line in enumerate(page.lines[:5]) if AGENDA_HEADING.match(line.strip())), None
        )
        if first is None:
            continue
        chosen = [page]
        for following in pages[at + 1 : at + 4]:
            if STOP_PAGE.search(following.text[:400]) or following.stamp == 1:
                break
            if not ITEM.match((following.lines or [""])[0]):
                break
            chosen.append(following)
        lines = lines_of(chosen)
        return lines[first + 1 :]
    return []


def looks_like_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper > 0.6 or text.istitle()


def title_continues(item, text: str) -> bool:
    """A wrapped title: still capitals, or the rest of an open "(Pages …" bracket."""
    joined = " ".join(item["title_lines"])
    if PAGES_OPEN.search(joined):
        return True
    if PAGES.search(joined):
        return False
    if re.match(r"\(\s*Pages?\b", text, re.IGNORECASE):  # the page range on a line of its own
        return True
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters)
        and sum(c.isupper() for c in letters) / len(letters) > 0.8
        and not text.endswith(".")
    )


def finish(item) -> dict:
    title = join_wrapped(item["title_lines"])
    pages = None
    found = PAGES.search(title)
    if found:
        first = int(found.group(1))
        pages = [first, int(found.group(2) or first)]
        title = (title[: found.start()] + title[found.end() :]).strip()
    title = re.sub(r"\s+", " ", title).strip(" -–")
    description = join_wrapped(item["description_lines"]) or None
    return {
        "number": item["number"],
        "title": title,
        "pages": pages,
        "description": description,
        "exempt": bool(EXEMPT.search(title) or EXEMPT.search(description or "")),
        "page": item["page"],
    }
