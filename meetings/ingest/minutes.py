"""The minutes of previous meetings: date, present, apologies, numbered items and resolutions.

Minute numbers run on through the municipal year and always increase, which tells item headings
("30. KEY PERFORMANCE INDICATORS …") from numbered lists in the discussion. RESOLVED text is split
into one resolution per number ("1) That …", "(ii) That …"); an unnumbered RESOLVED is one.
Where "Present:" and "Apologies:" are printed above their values, the values are matched to the
labels in order, by paragraph, using word positions on that one page.
"""

from __future__ import annotations

import re

from .dates import find_date, iso
from .layout import is_blank, is_cover_sheet, paragraphs, word_lines
from .text import Line, join_wrapped

HEADER = re.compile(
    r"^\s*MINUTES OF (?:THE )?(?:[\w&,'’\- ]{0,80}? )?MEETING (?:OF [\w ,&'’\-]+? )?HELD (?:ON|AT [^\n]{0,60}? ON)\s+(.+)",
    re.IGNORECASE
    | re.MULTILINE,  # a heading starts its line: "… approved the minutes of the meeting held on" does not
)
ITEM = re.compile(r"^(\d{1,3})\.?\s+([A-Z][A-Z0-9 ,.'’&()\-–/:]+)$")
LABEL = re.compile(
    r"^(Present|Apologies|Also in attendance|Also present|In attendance|Absent)\s*:\s*(.*)$",
    re.IGNORECASE,
)
RESOLVED = re.compile(r"\bRESOLVED\b\s*:?\s*", re.IGNORECASE)
NUMBERED = re.compile(
    r"^(?:[•\-–·]\s*)?(?:\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)|(?:\d{1,2}|[ivx]{1,4}|[a-h])[).])\s+"
)
APPOINTED = re.compile(r"\b(?:Appointed|Co-opted)\s+Members?\s*:\s*", re.IGNORECASE)


def parse_minutes(pages, pdf=None):
    """-> (list of minutes per PACK_SCHEMA, warnings)."""
    out, warnings = [], []
    for start, end in minutes_sections(pages):
        section = pages[start:end]
        lines = [Line(p.number, text) for p in section for text in p.lines]
        header = next((i for i, line in enumerate(lines) if HEADER.search(line.text)), 0)
        date = (
            find_date(HEADER.search(lines[header].text).group(1))
            if HEADER.search(lines[header].text)
            else None
        )
        first_item = next(
            (i for i in range(header + 1, len(lines)) if ITEM.match(lines[i].text.strip())),
            len(lines),
        )
        attendance = read_attendance(lines[header + 1 : first_item], section[0], pdf)
        items = read_items(lines[first_item:], warnings)
        if date is None:
            warnings.append(
                {
                    "page": section[0].number,
                    "message": "minutes found but the date of the meeting could not be read",
                }
            )
        out.append(
            {
                "meeting_date": iso(date),
                "present": attendance.get("present", []),
                "apologies": attendance.get("apologies", []),
                "items": items,
                "page": section[0].number,
            }
        )
    return out, warnings


def minutes_sections(pages) -> list[tuple[int, int]]:
    """(start, end) indexes of each run of minutes pages."""
    sections = []
    i = 0
    while i < len(pages):
        if HEADER.search(pages[i].text[:800]):
            end = i + 1
            while end < len(pages) and not (
                HEADER.search(pages[end].text[:800])
                or is_cover_sheet(pages[end])
                or is_blank(pages[end])
                or pages[end].agenda_item
            ):
                end += 1
            sections.append((i, end))
            i = end
        else:
            i += 1
    return sections


def read_attendance(lines: list[Line], page, pdf) -> dict:
    labelled = {}
    pending = []  # labels printed without their values
    for line in lines:
        match = LABEL.match(line.text.strip())
        if match:
            key = match.group(1).lower().split()[0]
            if match.group(2).strip():
                labelled[key] = match.group(2).strip()
                last = key
            else:
                pending.append(key)
            continue
        if not pending and labelled:
            labelled[last] += " " + line.text.strip()
    if pending and pdf is not None:
        # Labels stacked above their values: the values are the paragraphs that follow, in order.
        values = [p for p in paragraphs(word_lines(pdf.words(page.number))) if not HEADER.search(p)]
        labels_seen = 0
        queue = list(pending)
        for paragraph in values:
            if LABEL.match(paragraph.strip()):
                labels_seen += 1
                continue
            if ITEM.match(paragraph.strip().split("  ")[0]) or re.match(
                r"^\d{1,3}\.\s+[A-Z]{3,}", paragraph
            ):
                break
            if labels_seen and queue and not paragraph.isupper():
                labelled[queue.pop(0)] = paragraph
    return {
        key: people(value) for key, value in labelled.items() if key in ("present", "apologies")
    }


def people(text: str) -> list[str]:
    """'Councillors Guthrie (Chair), Bell and Dr Paffey. Appointed Member: Rob Sanders' -> names."""
    out = []
    text = text.strip().rstrip(".")
    for part in re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])|;\s*", text):
        appointed = bool(APPOINTED.search(part))
        part = APPOINTED.sub("", part).strip()
        prefix = ""
        plural = re.match(r"^(Councillors|Cllrs\.?)\s+", part)
        if plural:
            prefix, part = "Councillor ", part[plural.end() :]
        for name in re.split(r",\s*|\s+and\s+", part):
            name = name.strip(" .")
            if not name:
                continue
            if prefix and not appointed:
                name = prefix + name
            out.append(name)
    return out


def read_items(lines: list[Line], warnings) -> list[dict]:
    items, current, last_number = [], None, None
    for line in lines:
        text = line.text.strip()
        match = ITEM.match(text)
        if (
            match
            and (last_number is None or 0 < int(match.group(1)) - last_number <= 3)
            and len(match.group(2)) > 3
        ):
            current = {
                "number": int(match.group(1)),
                "title": [match.group(2).strip()],
                "body": [],
                "page": line.page,
            }
            items.append(current)
            last_number = current["number"]
            continue
        if current is None:
            continue
        if not current["body"] and text.isupper() and len(text) > 3:
            current["title"].append(text)  # a title wrapped onto a second line
        else:
            current["body"].append(text)
    return [finish_item(item, warnings) for item in items]


def finish_item(item, warnings) -> dict:
    body = item["body"]
    resolutions = []
    at = next((i for i, line in enumerate(body) if RESOLVED.search(line)), None)
    text_lines = body
    if at is not None:
        text_lines = body[:at]
        first = RESOLVED.split(body[at], maxsplit=1)
        before, after = first[0].strip(), first[1] if len(first) > 1 else ""
        if before:
            text_lines = [*text_lines, before]
        resolutions = split_resolutions([after, *body[at + 1 :]])
        if not resolutions:
            warnings.append(
                {
                    "page": item["page"],
                    "message": f"minute {item['number']}: RESOLVED found but its text could not be read",
                }
            )
    return {
        "number": item["number"],
        "title": join_wrapped(item["title"]),
        "resolutions": resolutions,
        "text": bullet_text(text_lines),
        "page": item["page"],
    }


def split_resolutions(lines: list[str]) -> list[str]:
    groups: list[list[str]] = []
    numbered = any(NUMBERED.match(line.strip()) for line in lines if line.strip())
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if numbered and NUMBERED.match(line):
            groups.append([NUMBERED.sub("", line)])
        elif groups:
            groups[-1].append(line)
        else:
            groups.append([line])
    return [text for text in (join_wrapped(g) for g in groups) if len(text) > 3]


def bullet_text(lines: list[str]) -> str:
    """The discussion as paragraphs: each bullet on its own line."""
    out: list[list[str]] = []
    for line in lines:
        if line.startswith(("•", "- ")) or not out:
            out.append([line])
        else:
            out[-1].append(line)
    return "\n".join(join_wrapped(group) for group in out)
