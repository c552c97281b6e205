"""Officers' commentary: the "Analysis", "Action/next steps", "Progress analysis" blocks of the
performance report, each with the priority area (section) it is about.

A block runs from its heading to the next heading. The section is the short title-case line
printed before the block ("Right Service at the Right Time"); in slide decks flattened to text
it is the tail of the line before, after the last full stop ("… rates. Purposeful Direct
Contact"), above an "Overview highlighting …" subtitle.
"""

from __future__ import annotations

import re

from meetings.ingest.text import join_wrapped

HEADING = re.compile(
    r"^(Analysis|Action\s*/\s*next steps|Actions?|Next steps|Progress analysis|What the data tells us|Commentary|"
    r"Key messages|Areas? (?:of|for) (?:concern|improvement|focus)|What(?:'s| is) working well|Impact)\s*(?::\s*(.*)|$)",
    re.IGNORECASE,
)
SUBTITLE = re.compile(r"^(?:Overview\b|KPI Dashboard\b|ChAT\b)", re.IGNORECASE)
SECTION = re.compile(
    r"^[A-Z][\w’'&,\-]*(?:\s+(?:[A-Z][\w’'&,\-]*|and|of|the|for|at|to|in|on|a)){0,8}$"
)


def read(pages) -> list[dict]:
    blocks: list[dict] = []
    section, current, last_page = None, None, None
    for page in sorted(pages, key=lambda p: p.number):
        lines = page.lines
        if last_page is not None and page.number != last_page + 1:
            current = None  # a block goes on over a page break, not across a gap
        last_page = page.number
        for i, line in enumerate(lines):
            text = line.strip()
            heading = HEADING.match(text)
            if heading:
                section = section_before(lines, i) or section
                current = {
                    "section": section,
                    "heading": heading_name(heading.group(1)),
                    "lines": [heading.group(2)] if heading.group(2) else [],
                    "page": page.number,
                }
                blocks.append(current)
                continue
            if SUBTITLE.match(text) or (
                SECTION.match(text) and len(text) < 70 and is_standalone_heading(lines, i)
            ):
                current = None  # a slide subtitle or the next priority area's title ends the block
                continue
            if current is not None:
                current["lines"].append(text)
    spelled: dict[str, str] = {}  # "effective assessment and intervention" as the title has it
    for block in blocks:
        if block["section"]:
            key = block["section"].lower()
            if key not in spelled or spelled[key].islower():
                spelled[key] = block["section"]
    out = []
    for block in blocks:
        if block["section"]:
            block["section"] = spelled[block["section"].lower()]
        text = join_wrapped(block["lines"])
        text = trailing_section(text)[0] if text else text
        if (
            block["heading"] == "What the data tells us"
            or len(re.findall(r"[A-Za-z]{3,}", text)) < 5
        ):
            continue  # a table caption, or nothing said
        out.append(
            {
                "section": block["section"],
                "heading": block["heading"],
                "text": text,
                "page": block["page"],
            }
        )
    return out


def heading_name(text: str) -> str:
    text = " ".join(text.split())
    return (
        "Action/next steps"
        if re.match(r"action\s*/\s*next steps", text, re.IGNORECASE)
        else text[:1].upper() + text[1:]
    )


def is_standalone_heading(lines, i) -> bool:
    """A short title-case line followed by a heading or a subtitle: a section title."""
    following = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return bool(HEADING.match(following) or SUBTITLE.match(following))


def section_before(lines, i) -> str | None:
    """The priority area printed above a block (skipping subtitles like 'Overview highlighting')."""
    named = re.match(
        r"\s*For the priority area\s+[‘'\"“](.+?)[’'\"”]",
        lines[i][lines[i].find(":") + 1 :] if ":" in lines[i] else "",
    )
    if named:
        return named.group(1)
    j = i - 1
    while j >= 0 and SUBTITLE.match(lines[j].strip()):
        j -= 1
    if j < 0:
        return None
    candidate = lines[j].strip()
    if SECTION.match(candidate) and not HEADING.match(candidate):
        under_dashboard = j > 0 and re.match(r"^KPI Dashboard", lines[j - 1].strip(), re.IGNORECASE)
        if under_dashboard and j == i - 1:
            return None  # the title of a chart under a dashboard heading, not a priority area
        start = trailing_section(lines[j - 1].strip())[1] if j > 0 else None
        return (
            f"{start} {candidate}" if start else candidate
        )  # "… conversation. Management" + "Support for …"
    return trailing_section(candidate)[1]


def trailing_section(text: str) -> tuple[str, str | None]:
    """'… re-referral rates. Purposeful Direct Contact' -> ('… re-referral rates.', 'Purposeful Direct Contact')."""
    match = re.search(
        r"(?<=[.!?])\s+([A-Z][\w’'&,\-]*(?:\s+(?:[A-Z][\w’'&,\-]*|and|of|the|for|at|to|in|on|a)){0,8})$",
        text,
    )
    if match and SECTION.match(match.group(1)):
        return text[: match.start()].strip(), match.group(1)
    return text, None
