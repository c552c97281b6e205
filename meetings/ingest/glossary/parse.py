"""The glossary of terms (a contents list, then each term with its definition) and lists of
acronyms ("CLA – Child Looked After").

The contents list names every term in order, which is what makes flattened text readable:
"Parental Responsibility 8 Abuse Abuse is the act of …" is the last contents entry, then the
heading "Abuse" and its definition. Each listed term is looked for, in order, where a heading
can be (a line start, or after the end of a sentence). Terms the contents list does not name
(a list that stops short, a pack without one) are found by their headings (glossary_headings.py)
and flagged for checking. The appendix ends at the next cover sheet; a closing "Sources" or
"References" section is not a term.
"""

from __future__ import annotations

import re

from meetings.ingest.glossary.acronyms import ACRONYM_HEADING, read_acronym_lines, read_acronyms
from meetings.ingest.glossary.headings import find_headings
from meetings.ingest.layout import is_cover_sheet
from meetings.ingest.schema import warning
from meetings.ingest.text import join_wrapped

GLOSSARY_HEADING = re.compile(
    r"^(?:[A-Z][A-Z &’']+ )?GLOSSARY(?: OF TERMS)?$|^Glossary(?: of [Tt]erms)?$", re.MULTILINE
)
# "Abuse 3", "Abuse ........ 3": the page number after the term, perhaps after a leader.
CONTENTS_ENTRY = re.compile(r"^(.+?)(?:\s*[.…_]{3,})?\s+(\d{1,3})(?=\s|$)")
WHOLE_ENTRY = re.compile(r"^(.+?)(?:\s*[.…_]{3,})?\s+(\d{1,3})$")
SKIP_TERMS = {"sources", "references", "contents", "further information", "further reading"}
# Where the definitions end: a closing list of sources, or a list of acronyms.
CLOSING_WORDS = r"(?:Sources|References|Further (?:information|reading)|Acronyms|Abbreviations)"
CLOSING = re.compile(r"(?:^|\n|(?<=[.;:)] ))\s*" + CLOSING_WORDS + r"\b(?=[ :]*(?:\n|[A-Z]|$))")
CLOSING_HEADING = re.compile(CLOSING_WORDS + r"\b")
MAX_PAGES = 40
FURNITURE = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^\d{1,3} of \d{1,3}$", re.IGNORECASE)


def parse_glossary(pages, pdf=None):
    """-> ([{term, definition, page}], warnings)."""
    terms, warnings = [], []
    done = 0
    for index, page in enumerate(pages):
        if page.number <= done:
            continue
        head = "\n".join(page.lines[:3])
        if is_cover_sheet(page):
            continue  # a report listing "Glossary of terms" among its appendices
        if GLOSSARY_HEADING.search(head):
            found, found_warnings, done = read_glossary(pages[index : index + MAX_PAGES])
            terms += found
            warnings += found_warnings
        elif ACRONYM_HEADING.search(head):
            found, done = read_acronyms(pages[index : index + MAX_PAGES])
            terms += found
    unique = {}
    for term in terms:
        unique.setdefault(term["term"].lower(), term)
    return list(unique.values()), warnings


def glossary_lines(pages) -> list[tuple[int, str]]:
    """(page, line) of the appendix: up to the next cover sheet, blank page or DECISION-MAKER."""
    out = []
    for n, page in enumerate(pages):
        if n and (is_cover_sheet(page) or not page.lines):
            break
        for i, line in enumerate(page.lines):
            if n and re.match(r"^DECISION[- ]MAKER\b", line):
                return out
            edge = i in (0, len(page.lines) - 1)
            if (edge and FURNITURE.match(line)) or (out and i < 3 and GLOSSARY_HEADING.match(line)):
                continue  # the glossary's own page numbers and running heading
            out.append((page.number, line))
    return out


def read_glossary(pages) -> tuple[list[dict], list[dict], int]:
    """Terms of the glossary starting on pages[0], warnings, and the last page it covers."""
    lines = glossary_lines(pages)
    last_page = lines[-1][0] if lines else pages[0].number
    heading = next((i for i, (_, line) in enumerate(lines) if GLOSSARY_HEADING.match(line)), 0)
    lines = lines[heading + 1 :]
    contents, body_start = read_contents(lines)
    # The body as one text with line breaks kept, and the page each line starts on.
    text, pages_at = "", []
    for page, line in lines[body_start[0] :]:
        if not text and body_start[1]:
            line = line[body_start[1] :].strip()
        pages_at.append((len(text), page))
        text += line + "\n"
    positions, warnings = listed_headings(text, contents, pages[0].number)
    positions = add_unlisted_headings(
        text, positions, bool(contents), lambda at: page_of(pages_at, at), warnings
    )
    out = []
    for n, (term, start, end) in enumerate(positions):
        stop = positions[n + 1][1] if n + 1 < len(positions) else len(text)
        body = text[end:stop]
        # Only the last definition can run into the closing sources or acronyms.
        closing = CLOSING.search(body) if n + 1 == len(positions) else None
        acronyms = []
        if closing and re.search(r"Acronyms|Abbreviations", closing.group(0)):
            after = body[closing.end() :].split("\n")
            acronyms = read_acronym_lines(after, page_of(pages_at, end + closing.end()))
        if closing:
            body = body[: closing.start()]
        definition = join_wrapped(body.split("\n"))
        if term.lower() not in SKIP_TERMS and definition:
            out.append({"term": term, "definition": definition, "page": page_of(pages_at, start)})
        out += acronyms
    return out, warnings, last_page


def page_of(pages_at, offset: int) -> int:
    page = pages_at[0][1] if pages_at else 0
    for at, number in pages_at:
        if at > offset:
            break
        page = number
    return page


def listed_headings(text, contents, page):
    """[(term, start, end)] of each contents entry's heading in the body, in order."""
    positions, warnings, cursor = [], [], 0
    for term in contents:
        found = find_heading(text, term, cursor)
        if found is None:
            warnings.append(
                warning(page, f"glossary term '{term}' listed in the contents but not found")
            )
            positions.append((term, None, None))
            continue
        positions.append(found)
        cursor = found[2]
    return positions, warnings


def add_unlisted_headings(text, positions, has_contents, page_at, warnings):
    """Headings found by their look where the contents list cannot help: after its last term
    (a list that stops short), where a listed term was not found, or everywhere without a list."""
    # A closing "Sources" or "Acronyms" heading is where a definition ends, not a term.
    detected = [(h, s, e) for s, e, h in find_headings(text) if not CLOSING_HEADING.match(text, s)]
    if not has_contents:
        if detected:
            warnings.append(
                warning(
                    page_at(detected[0][1]),
                    f"glossary without a contents list: {len(detected)} terms read "
                    "from their headings, check them",
                )
            )
        return detected
    out = []
    previous_end = 0
    for i, (term, start, end) in enumerate(positions):
        if start is None:
            # Look between the terms found either side of the missing one.
            following = next((p[1] for p in positions[i + 1 :] if p[1] is not None), len(text))
            gap = [d for d in detected if previous_end <= d[1] < following]
            gap = [d for d in gap if not any(d[1] == o[1] for o in out)]
            out += gap
            continue
        out.append((term, start, end))
        previous_end = end
    tail = [d for d in detected if d[1] >= previous_end]
    if tail:
        warnings.append(
            warning(
                page_at(tail[0][1]),
                f"{len(tail)} glossary terms found after the contents list ends: check them",
            )
        )
    return sorted(out + tail, key=lambda p: p[1])


def find_heading(text, term, cursor):
    """Where `term` is printed as a heading: at a line start, or (in flattened text) after the
    end of the previous definition's sentence. Falls back to the first three words of the term
    when the heading is worded slightly differently from the contents list."""
    follows = r"(?=\s*\n|\s+[A-Z“\"(•])"
    starts = r"(?:^|\n|(?<=[.:;)]\s))\s*"
    # The heading may be in capitals where the contents list is not ("ABUSE").
    match = re.compile(starts + f"((?i:{re.escape(term)}))" + follows).search(text, cursor)
    if match:
        return term, match.start(1), match.end(1)
    words = term.split()
    if len(words) > 3:
        match = re.compile(
            r"(?:^|\n)\s*(" + re.escape(" ".join(words[:3])) + r"[^\n]{0,60}?)\s*\n"
        ).search(text, cursor)
        if match:
            return match.group(1).strip(), match.start(1), match.end(1)
    return None


def read_contents(lines) -> tuple[list[str], tuple[int, int]]:
    """Contents entries ('Term 3', possibly wrapped) and where the body begins (line, column).
    Fewer than three entries, or page numbers going backwards, is not a contents list."""
    terms, numbers, pending, pending_from = [], [], "", 0
    body = None
    for i, (_, line) in enumerate(lines):
        whole = WHOLE_ENTRY.match(line)
        if whole and len(line) <= 90:  # "Section 20 11": the page number ends the line
            terms.append(f"{pending} {whole.group(1)}".strip())
            numbers.append(int(whole.group(2)))
            pending = ""
            continue
        if terms and re.fullmatch(r"\([^)]{1,20}\)", line.strip()):
            terms[-1] = f"{terms[-1]} {line.strip()}"  # "(LSCB)" wrapped after the page number
            continue
        entry = CONTENTS_ENTRY.match(line)
        if terms and entry and not pending:
            # An entry and the first heading of the body flattened onto one line.
            rest = line[entry.end() :].strip()
            if rest.lower().startswith(terms[0].lower()):
                terms.append(entry.group(1).strip())
                numbers.append(int(entry.group(2)))
                body = (i, len(line) - len(rest))
                break
        if terms and not pending and line.lower().startswith(terms[0].lower()):
            body = (i, 0)
            break
        if not pending:
            pending_from = i
        pending = f"{pending} {line}".strip()
        if len(pending) > 120:  # prose, not a wrapped entry
            body = (pending_from, 0)
            break
    if len(terms) < 3 or numbers != sorted(numbers):
        return [], (0, 0)
    if body is None:  # the lines ran out: the body starts where the unfinished entry did
        body = (pending_from, 0) if pending else (len(lines), 0)
    return terms, body
