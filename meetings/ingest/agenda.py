"""The agenda: numbered items with titles, printed page ranges, descriptions and exempt flags.

An item starts on a line beginning with the next expected number (so "2 Child Safeguarding
Practice Reviews" inside a description is not item 2 twice). Titles are in capitals and may wrap,
as may "(Pages 13 - 70)". The description is the sentence-case text up to the next item. The
agenda ends with the date it was published and who published it, which are not descriptions.
"""

from __future__ import annotations

import itertools
import re

from meetings.ingest.layout import SMALL_WORDS
from meetings.ingest.minutes import reads_as_sentence, split_run_in
from meetings.ingest.schema import warning
from meetings.ingest.stamps import link_items
from meetings.ingest.text import Line, join_wrapped, lines_of

AGENDA_HEADING = re.compile(
    r"^(?:agenda|a g e n d a|agenda items?|order of business)$", re.IGNORECASE
)
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
MOTION = re.compile(  # "Exclusion of the Press and Public", "… that the public be excluded …"
    r"exclusion of (?:the )?(?:press|public)|(?:press and |the )?public (?:be|are to be) excluded|"
    r"exclude the (?:press|public)",
    re.IGNORECASE,
)
LEADERS = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}")  # "Introduction ........ 3"
FIGURES = re.compile(r"(?:\d[\d,.%£]*\s+){3,}|\d[\d,.]*\s+\d[\d,.]*\s*$")  # "Widgets 12 40 3.5"
STANDING = re.compile(
    r"\b(?:apologies|declarations?|interests?|minutes|chair(?:man)?'?s?|urgent|"
    r"exclusion of the press|substitut|membership)\b",
    re.IGNORECASE,
)
DESCRIPTION_OPENS = re.compile(r"^(?:To|Report of|Members|This|Attached|Please)\b")
EXEMPT = re.compile(
    r"exclusion of the press|press and public be excluded|\bconfidential\b|\bexempt\b|"
    r"category\s+\d+[a-z]?\b|schedule\s+12a|not for publication|in private\b|"
    r"paragraph\s+\d+\s+of\s+(?:part\s+1\s+of\s+)?schedule",
    re.IGNORECASE,
)


def parse_agenda(pages, pdf=None):
    """-> (items per PACK_SCHEMA, warnings). Each item also carries `pdf_pages`: the PDF pages
    of its papers, from the printed stamps (stamps.py)."""
    lines, heading = agenda_lines(pages)
    lines = join_lone_numbers(lines)
    if not lines:
        return [], [warning(1, "no agenda found")]
    items, warnings = [], []
    current = None
    expected = 1
    for line in lines:
        text = line.text.strip()
        if ENDS_AGENDA.match(text) and current is not None:
            break
        match = ITEM.match(text)
        opened = (
            split_item_line(match.group(2)) if match and int(match.group(1)) == expected else None
        )
        if opened:
            title, description = opened
            current = {
                "number": expected,
                "title_lines": [title],
                "description_lines": [description] if description else [],
                "page": line.page,
            }
            items.append(current)
            expected += 1
            continue
        if current is None:
            continue
        if current["description_lines"]:
            current["description_lines"].append(text)
            continue
        title, description = split_continuation(current, text)
        if title:
            current["title_lines"].append(title)
        if description:
            current["description_lines"].append(description)
    out = [finish(item) for item in items]
    doubt = not_an_agenda(out, heading)
    if doubt:
        return [], [warning(out[0]["page"] if out else 1, f"no agenda read: {doubt}")]
    mark_after_exclusion_motions(out)
    for item in out:
        item["pdf_pages"] = None  # set by link_papers() once the papers are read
    for item in out:
        if item["exempt"]:
            warnings.append(
                warning(
                    item["page"],
                    f"agenda item {item['number']} is exempt: its papers are not in the public pack",
                )
            )
    return out, warnings


def link_papers(items: list[dict], pages, reports=(), minutes=()) -> list:
    """PDF pages of each item's papers (`pdf_pages`), exempt items found from stamp gaps, and
    the warnings: see stamps.py. Call after the reports and minutes are read."""
    return link_items(items, pages, reports, minutes)


def join_lone_numbers(lines: list[Line]) -> list[Line]:
    """An item number printed in its own column comes out on a line of its own, the title on
    the next ("6" / "MINUTES OF THE PREVIOUS MEETING (Pages 1 - 4)"): one line, as usual."""
    out: list[Line] = []
    skip = False
    for line, following in zip(lines, [*lines[1:], None], strict=False):
        if skip:
            skip = False
            continue
        number = re.match(r"^(\d{1,2})[.)]?$", line.text.strip())
        if number and following is not None and looks_like_title(following.text.strip()):
            out.append(Line(line.page, f"{number.group(1)} {following.text.strip()}"))
            skip = True
            continue
        out.append(line)
    return out


def papers_begin(page) -> bool:
    """The minutes' heading, a report cover sheet or an "Agenda Item 6" stamp: the papers."""
    return bool(STOP_PAGE.search(page.text[:400]) or page.agenda_item)


def not_an_agenda(items: list[dict], heading: bool) -> str | None:
    """Why numbered lines are not an agenda (None when they are). An agenda has items with
    titles and, unless it is headed "Agenda", printed page ranges, descriptions or the standing
    items (apologies, declarations, minutes). Contents lines with dot leaders ("3 Method ....
    12"), numbered table rows and electoral-roll numbers are not agendas."""
    if not items:
        return None
    titles = [item["title"] for item in items]
    if sum(bool(LEADERS.search(t)) for t in titles) * 2 >= len(titles):
        return "the numbered lines are a contents list (dot leaders), not agenda items"
    if sum(bool(FIGURES.search(t)) for t in titles) * 2 > len(titles):
        return "the numbered lines are rows of figures, not agenda items"
    if heading:
        return None
    signs = sum(
        bool(item["pages"] or STANDING.search(item["title"]) or described(item)) for item in items
    )
    if len(items) < 2 or signs * 2 < len(items):
        return "numbered lines without an agenda heading, page ranges or descriptions"
    return None


def described(item: dict) -> bool:
    """A description reads as a sentence ("To approve …", "Report of …")."""
    text = item.get("description") or ""
    return bool(re.match(r"^(?:To|Report|The|This|Members|Update|A|An)\b", text)) and len(text) > 20


def is_exclusion_motion(item: dict) -> bool:
    text = f"{item['title']} {item.get('description') or ''}"
    return bool(MOTION.search(text))


def mark_after_exclusion_motions(items: list[dict]) -> None:
    """'Exclusion of the press and public' is a motion taken in public: it marks the item after
    it exempt (the one whose papers are withheld), not itself — even when its title says
    "- CONFIDENTIAL PAPERS INCLUDED IN THE FOLLOWING ITEM"."""
    for item, following in zip(items, [*items[1:], None], strict=True):
        if not is_exclusion_motion(item):
            continue
        item["exempt"] = False
        if following is not None and not is_exclusion_motion(following):
            following["exempt"] = True


def agenda_lines(pages) -> tuple[list[Line], bool]:
    """The lines of the agenda page(s): from the AGENDA heading (or, without one, the first
    page listing items 1 and 2) to the agenda's end, the minutes or the first report; and
    whether the heading was printed."""
    for at, page in enumerate(pages[:12]):
        if papers_begin(page):
            break  # the papers have begun: the agenda, if any, was before
        first = next(
            (i for i, line in enumerate(page.lines[:15]) if AGENDA_HEADING.match(line.strip())),
            None,
        )
        heading = first is not None
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
            if any(
                ENDS_AGENDA.match(line.strip()) for line in chosen[-1].lines[-4:]
            ) or papers_begin(following):
                break
            # the agenda goes on where the next item number turns up near the top of the page
            found = last_item_number(following.lines[:12], after=last)
            if found == last:
                break
            last = last_item_number(following.lines, after=last)
            chosen.append(following)
        return lines_of(chosen)[first + 1 :], heading
    return [], False


def numbered(lines: list[str]):
    """(index, number, title) of each line opening an item, the number on the line or alone on
    the line before its title."""
    for i, line in enumerate(lines):
        text = line.strip()
        match = ITEM.match(text)
        opened = split_item_line(match.group(2)) if match else None
        if opened:
            yield i, int(match.group(1)), opened[0]
            continue
        lone = re.match(r"^(\d{1,2})[.)]?$", text)
        if lone and i + 1 < len(lines) and looks_like_title(lines[i + 1].strip()):
            yield i, int(lone.group(1)), lines[i + 1].strip()


def first_item_at(lines: list[str]) -> int | None:
    """Where item 1 is, on a page that lists items 1 and 2 as agenda items."""
    found = [(i, n) for i, n, _ in numbered(lines[:40])]
    for (i, n), (_, m) in itertools.pairwise(found):
        if (n, m) == (1, 2):
            return i
    return None


def last_item_number(lines: list[str], after: int = 0) -> int:
    """The last agenda item number reached, counting on from `after` in order."""
    last = after
    for _, number, _ in numbered(lines):
        if number == last + 1:
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


def split_item_line(text: str) -> tuple[str, str | None] | None:
    """(title, start of the description) of a line opening an item, or None when it is not
    one. A title and its description may run on in one paragraph: "MINUTES OF THE PREVIOUS
    MEETING (Pages 1 - 4) To approve …", "APOLOGIES (IF ANY) To note any changes …"."""
    found = PAGES.search(text)
    if found and text[found.end() :].strip():
        before, after = text[: found.end()], text[found.end() :].strip()
        if looks_like_title(PAGES.sub("", before)):
            return before.strip(), after
    run_in = split_run_in(text)
    if run_in and reads_as_sentence(run_in[1]) and looks_like_title(run_in[0]):
        return run_in
    if looks_like_title(text):
        return text, None
    return None


def split_continuation(item, text: str) -> tuple[str | None, str | None]:
    """(more title, start of the description) of the line after a title's first line."""
    found = PAGES.search(text)
    if found and text[found.end() :].strip() and not PAGES.search(" ".join(item["title_lines"])):
        before, after = text[: found.end()].strip(), text[found.end() :].strip()
        if title_continues(item, before):
            return before, after
    if not PAGES.search(" ".join(item["title_lines"])) and not PAGES_OPEN.search(
        " ".join(item["title_lines"])
    ):
        run_in = split_run_in(text, wrapped=True)
        if run_in and reads_as_sentence(run_in[1]) and is_capitals_title(item):
            return run_in
    if title_continues(item, text):
        return text, None
    return None, text


def is_capitals_title(item) -> bool:
    letters = [c for c in " ".join(item["title_lines"]) if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def title_continues(item, text: str) -> bool:
    """A wrapped title: the rest of an open "(Pages …" bracket, the page range on its own line,
    a line still in capitals, or a title-case last line that closes with "(Pages 9 - 24)" or
    follows a line broken after "of the" / "and" / "–" ("SEND STRATEGY – Ofsted Findings")."""
    joined = " ".join(item["title_lines"])
    if PAGES_OPEN.search(joined):
        return True
    if PAGES.search(joined):
        return False
    if re.match(r"\(\s*Pages?\b", text, re.IGNORECASE):  # the page range on a line of its own
        return True
    rest = PAGES.sub("", PAGES_OPEN.sub("", text)).strip()
    letters = [c for c in rest if c.isalpha()]
    if not letters or rest.endswith("."):
        return False
    if sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    closes = bool(PAGES.search(text) or PAGES_OPEN.search(text))
    broken = bool(re.search(r"(?:\b(?:of|the|and|for|to|in|on|with|a|an)|[-–&,:])$", joined, re.I))
    if not (closes or broken) or len(rest) > 80 or DESCRIPTION_OPENS.match(rest):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", rest) if w.lower() not in SMALL_WORDS]
    return not words or sum(w[0].isupper() for w in words) / len(words) >= 0.6


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
