"""The agenda: numbered items with titles, printed page ranges, descriptions and exempt flags.

An item starts on a line beginning with the next expected number (so "2 Child Safeguarding
Practice Reviews" inside a description is not item 2 twice). Titles are in capitals and may wrap,
as may "(Pages 13 - 70)". The description is the sentence-case text up to the next item. The
agenda ends with the date it was published and who published it, which are not descriptions.
"""

from __future__ import annotations

import itertools
import re

from .layout import SMALL_WORDS
from .text import Line, join_wrapped, lines_of

AGENDA_HEADING = re.compile(r"^agenda$", re.IGNORECASE)
ITEM = re.compile(r"^(\d{1,2})[.)]?\s+(.+)$")
PAGES = re.compile(r"\(\s*Pages?\s+(\d+)\s*(?:[-–]\s*(\d+))?\s*\)", re.IGNORECASE)
PAGES_OPEN = re.compile(r"\(\s*Pages?\b[^)]*$", re.IGNORECASE)
ENDS_AGENDA = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+\d", re.IGNORECASE
)
STOP_PAGE = re.compile(  # the minutes' heading or a report cover sheet: the agenda is over
    r"^\s*MINUTES OF (?:THE )?[^\n]{0,120}?\bHELD\b|^\s*DECISION[- ]MAKER",
    re.IGNORECASE | re.MULTILINE,
)
EXEMPT = re.compile(
    r"exclusion of the press|press and public be excluded|\bconfidential\b|\bexempt\b|"
    r"category\s+\d+[a-z]?\b|schedule\s+12a|not for publication|in private\b|"
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
    """The lines of the agenda page(s): from the AGENDA heading (or, without one, the first
    page listing items 1 and 2) to the agenda's end, the minutes or the first report."""
    for at, page in enumerate(pages[:12]):
        if STOP_PAGE.search(page.text[:400]) or page.stamp == 1:
            break  # the papers have begun: the agenda, if any, was before
        first = next(
            (i for i, line in enumerate(page.lines[:8]) if AGENDA_HEADING.match(line.strip())),
            None,
        )
        if first is None:
            first = first_item_at(page.lines)
            if first is None:
                continue
            first -= 1
        chosen = [page]
        last = last_item_number(page.lines[first + 1 :])
        if last == 0:
            continue  # a heading "Agenda" over no items (a front sheet's title): look further
        for following in pages[at + 1 : at + 5]:
            if (
                any(ENDS_AGENDA.match(line.strip()) for line in chosen[-1].lines[-4:])
                or STOP_PAGE.search(following.text[:400])
                or following.stamp == 1
                or following.agenda_item
            ):
                break
            # the agenda goes on where the next item number turns up near the top of the page
            found = last_item_number(following.lines[:12], after=last)
            if found == last:
                break
            last = last_item_number(following.lines, after=last)
            chosen.append(following)
        return lines_of(chosen)[first + 1 :]
    return []


def first_item_at(lines: list[str]) -> int | None:
    """Where item 1 is, on a page that lists items 1 and 2 as agenda items."""
    numbered = [
        (i, int(m.group(1)))
        for i, m in ((i, ITEM.match(line.strip())) for i, line in enumerate(lines[:40]))
        if m and looks_like_title(m.group(2))
    ]
    for (i, n), (_, m) in itertools.pairwise(numbered):
        if (n, m) == (1, 2):
            return i
    return None


def last_item_number(lines: list[str], after: int = 0) -> int:
    """The last agenda item number reached, counting on from `after` in order."""
    last = after
    for line in lines:
        match = ITEM.match(line.strip())
        if match and int(match.group(1)) == last + 1 and looks_like_title(match.group(2)):
            last += 1
    return last


def looks_like_title(text: str) -> bool:
    """Capitals ("MINUTES OF THE PREVIOUS MEETING") or title case ("Minutes of the Previous
    Meeting"), not a sentence."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    if sum(c.isupper() for c in letters) / len(letters) > 0.6:
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text) if w.lower() not in SMALL_WORDS]
    return (
        bool(words)
        and not text.rstrip().endswith(".")
        and sum(w[0].isupper() for w in words) / len(words) >= 0.8
    )


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
    found = PAGES.search(description or "") if pages is None else None
    if found:  # "(Pages 1 - 4)" printed at the end of the description instead
        pages = [int(found.group(1)), int(found.group(2) or found.group(1))]
        description = (description[: found.start()] + description[found.end() :]).strip() or None
    return {
        "number": item["number"],
        "title": title,
        "pages": pages,
        "description": description,
        "exempt": bool(EXEMPT.search(title) or EXEMPT.search(description or "")),
        "page": item["page"],
    }
