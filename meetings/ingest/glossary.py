"""The glossary of terms (a contents list, then each term with its definition) and lists of
acronyms ("CLA – Child Looked After").

The contents list names every term in order, which is what makes flattened text readable:
"Parental Responsibility 8 Abuse Abuse is the act of …" is the last contents entry, then the
heading "Abuse" and its definition. Each term is looked for, in order, at the start of a line.
"""

from __future__ import annotations

import re

from .layout import is_cover_sheet
from .text import join_wrapped

GLOSSARY_HEADING = re.compile(
    r"^(?:[A-Z][A-Z &’']+ )?GLOSSARY(?: OF TERMS)?$|^Glossary of terms$", re.MULTILINE
)
ACRONYM_HEADING = re.compile(
    r"^(?:ACRONYMS|ABBREVIATIONS|Acronyms|Abbreviations)(?: used)?\b.*$", re.MULTILINE
)
CONTENTS_ENTRY = re.compile(r"^(.+?)\s+(\d{1,3})(?=\s|$)")
ACRONYM = re.compile(
    r"^([A-Z][A-Za-z0-9&/]*[A-Z][A-Za-z0-9&/]*)\s*(?:[–\-:=]\s*|\s{2,}|\s+(?=[A-Z][a-z]))(.{3,})$"
)
SKIP_TERMS = {"sources", "references", "contents"}
MAX_PAGES = 20


def parse_glossary(pages, pdf=None):
    """-> ([{term, definition, page}], warnings)."""
    terms, warnings = [], []
    for index, page in enumerate(pages):
        if GLOSSARY_HEADING.search("\n".join(page.lines[:3])):
            found, found_warnings = read_glossary(pages[index : index + MAX_PAGES])
            terms += found
            warnings += found_warnings
        elif ACRONYM_HEADING.search("\n".join(page.lines[:3])):
            terms += read_acronyms(page)
    unique = {}
    for term in terms:
        unique.setdefault(term["term"].lower(), term)
    return list(unique.values()), warnings


def glossary_lines(pages) -> list[tuple[int, str]]:
    out = []
    for n, page in enumerate(pages):
        if n and (is_cover_sheet(page) or not page.lines):
            break
        for line in page.lines:
            if n and re.match(r"^DECISION[- ]MAKER\b", line):
                return out
            out.append((page.number, line))
    return out


def read_glossary(pages) -> tuple[list[dict], list[dict]]:
    lines = glossary_lines(pages)
    heading = next((i for i, (_, line) in enumerate(lines) if GLOSSARY_HEADING.match(line)), 0)
    lines = lines[heading + 1 :]
    contents, body_start = read_contents(lines)
    if not contents:
        return [], [
            {"page": pages[0].number, "message": "glossary without a contents list: terms not read"}
        ]
    # The body as one text with line starts marked, and where each character came from.
    text, pages_at = "", []
    for page, line in lines[body_start[0] :]:
        if not text and body_start[1]:
            line = line[body_start[1] :].strip()
        text += line + "\n"
        pages_at.append((len(text), page))
    positions = []
    cursor = 0
    warnings = []
    for term in contents:
        found = find_heading(text, term, cursor)
        if found is None:
            warnings.append(
                {
                    "page": pages[0].number,
                    "message": f"glossary term '{term}' listed in the contents but not found",
                }
            )
            continue
        positions.append(found)
        cursor = found[2]
    if positions:
        # Terms after the last one listed (a contents list that stops short): headings that
        # their definition repeats ("Pathway Plan The Pathway Plan sets out …").
        extra = [
            (m.group(1), m.start(1), m.end(1))
            for m in REPEATED_HEADING.finditer(text, positions[-1][2])
        ]
        if extra:
            warnings.append(
                {
                    "page": pages[0].number,
                    "message": f"{len(extra)} glossary terms found after the contents list ends: check them",
                }
            )
        positions += extra
    out = []
    for n, (term, start, end) in enumerate(positions):
        stop = positions[n + 1][1] if n + 1 < len(positions) else len(text)
        body = text[end:stop]
        if n + 1 == len(positions):
            body = re.split(r"\n\s*(?:Sources|References)\s*\n", body)[0]
        definition = join_wrapped(body.split("\n"))
        if term.lower() in SKIP_TERMS or not definition:
            continue
        page = next((p for at, p in pages_at if at > start), pages[0].number)
        out.append({"term": term, "definition": definition, "page": page})
    return out, warnings


REPEATED_HEADING = re.compile(
    r"(?:^|\n|(?<=[.:;)]\s))\s*([A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-()]*|of|and|to|a|the|at|or|for|in|on)){0,6})"
    r"\s+(?=(?:The\s+|A\s+|An\s+)?\1\b)"
)


def find_heading(text, term, cursor):
    """Where `term` is printed as a heading: at a line start, or (in flattened text) after the
    end of the previous definition's sentence. Falls back to the first three words of the term
    when the heading is worded slightly differently from the contents list."""
    follows = r"(?=\s*\n|\s+[A-Z“\"(])"
    starts = r"(?:^|\n|(?<=[.:;)]\s))\s*"
    match = re.compile(starts + f"({re.escape(term)})" + follows).search(text, cursor)
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
    """Contents entries ('Term 3', possibly wrapped) and where the body begins (line, column)."""
    terms, pending = [], ""
    for i, (_, line) in enumerate(lines):
        whole = WHOLE_ENTRY.match(line)
        if whole:  # "Section 20 11": the page number is the last number on the line
            terms.append(f"{pending} {whole.group(1)}".strip())
            pending = ""
            continue
        if terms and re.fullmatch(r"\([^)]{1,20}\)", line.strip()):
            terms[-1] = f"{terms[-1]} {line.strip()}"  # "(LSCB)" wrapped after the page number
            continue
        entry = CONTENTS_ENTRY.match(line)
        if terms and entry and not pending:
            # An entry and the first heading of the body flattened onto one line.
            rest = line[entry.end() :].strip()
            if rest.startswith(terms[0]):
                terms.append(entry.group(1).strip())
                return terms, (i, len(line) - len(rest))
        if terms and not pending and line.startswith(terms[0]):
            return terms, (i, 0)
        pending = f"{pending} {line}".strip()
        if len(pending) > 120:  # prose, not a wrapped entry
            return (terms, (i, 0)) if terms else ([], (0, 0))
    return terms, (len(lines), 0)


WHOLE_ENTRY = re.compile(r"^(.+?)\s+(\d{1,3})$")


def read_acronyms(page) -> list[dict]:
    out = []
    for line in page.lines[1:]:
        match = ACRONYM.match(line.strip())
        if match and len(match.group(1)) <= 12:
            out.append(
                {"term": match.group(1), "definition": match.group(2).strip(), "page": page.number}
            )
    return out
