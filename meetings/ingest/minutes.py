"""The minutes of previous meetings: date, present, apologies, numbered items and resolutions.

Each set of minutes opens with "MINUTES OF THE MEETING HELD ON <date>" and runs to the next such
heading, a report cover sheet, a blank page or an "Agenda Item" stamp. Minute numbers run on
through the municipal year and always increase, which tells item headings ("30. KEY PERFORMANCE
INDICATORS …", capitals or title case, possibly wrapped) from numbered lists in the discussion.
RESOLVED (in capitals, or "Resolved:" opening a line) starts the resolutions: one per number
("1) That …", "(ii) that …", bulleted or not, across page breaks), or one when unnumbered.
Where "Present:" and "Apologies:" are printed above their values, the values are matched to the
labels in order, by paragraph, using word positions on that one page (or, without them, by the
lines that start with "Councillor").
"""

from __future__ import annotations

import re

from meetings.ingest.dates import find_date, iso
from meetings.ingest.layout import SMALL_WORDS, is_blank, is_cover_sheet, paragraphs, word_lines
from meetings.ingest.schema import warning
from meetings.ingest.text import Line, join_wrapped

HEADER = re.compile(  # "… MEETING HELD ON", "… of the Place Scrutiny Committee held at … on"
    r"^\s*MINUTES OF (?:(?:THE|A|AN) )?(?:[\w&,'’\- ]{0,100}? )?"
    r"(?:MEETING|PANEL|COMMITTEE|SUB-COMMITTEE|BOARD|COMMISSION|FORUM) (?:OF [\w ,&'’\-]+? )?"
    r"HELD (?:(?:REMOTELY|VIRTUALLY|ONLINE|IN PUBLIC) )?(?:ON|AT [^\n]{0,80}? ON)\s+(.+)",
    re.IGNORECASE
    | re.MULTILINE,  # a heading starts its line: "… approved the minutes of the meeting held on" does not
)
ITEM = re.compile(r"^(\d{1,3})\.?\s+(\S.*)$")
LABEL = re.compile(
    r"^(Present|Apologies(?: for absence)?|Also in attendance|Also present|In attendance|Absent)"
    r"\s*:\s*(.*)$",
    re.IGNORECASE,
)
LABEL_INSIDE = re.compile(  # "Present: Councillors A and B Apologies: Councillor C" flattened
    r"\s+(?=(?:Apologies|Also in attendance|Also present|In attendance|Absent)\s*:)", re.IGNORECASE
)
RESOLVED = re.compile(r"\bRESOLVED\b\s*[:\-–]?\s*|^Resolved\b\s*(?::|-|–|(?=that\b))\s*")
NUMBERED = re.compile(
    r"^(?:[•\-–·▪]\s*)?(?:\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)|(?:\d{1,2}|[ivx]{1,4}|[a-h])[).])\s+"
)
INLINE_NUMBER = re.compile(  # "…; (ii) that …", "… Panel. 2) That …": numbered resolutions run on
    r"(?<=\S)\s+(?:[•·▪]\s+)?"
    r"(?=(?:\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)|(?:\d{1,2}|[ivx]{1,4}|[a-h])\))\s+[Tt]hat\b)"
)
APPOINTED = re.compile(r"^\s*(?:Appointed|Co-opted)\s+Members?\b\s*:?\s*", re.IGNORECASE)
MONTH_YEAR = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?\s+\d{4}\b", re.IGNORECASE
)


def parse_minutes(pages, pdf=None):
    """-> (list of minutes per PACK_SCHEMA, warnings)."""
    out, warnings = [], []
    for start, end in minutes_sections(pages):
        section = pages[start:end]
        lines = join_lone_numbers([Line(p.number, text) for p in section for text in p.lines])
        found = find_header([line.text for line in lines])
        header, span, date = found if found else (0, 1, None)
        first_item = next(
            (i for i in range(header + span, len(lines)) if item_heading(lines[i].text, None)),
            len(lines),
        )
        attendance = read_attendance(lines[header + span : first_item], section[0], pdf)
        items = read_items(lines[first_item:], warnings)
        if date is None:
            warnings.append(
                warning(
                    section[0].number, "minutes found but the date of the meeting could not be read"
                )
            )
        if not items:
            warnings.append(warning(section[0].number, "minutes found but no numbered items read"))
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


def find_header(lines: list[str], limit: int = 15):
    """(index, lines it spans, date) of the minutes' heading among a page's first lines. The
    heading may wrap: "Minutes of a meeting of the Place Scrutiny Committee held at" /
    "Committee Room 2, Town Hall on Tuesday 8 November 2022"."""
    for i in range(min(limit, len(lines))):
        if not re.match(r"^\s*MINUTES OF\b", lines[i], re.IGNORECASE):
            continue
        fallback = None
        for span in (1, 2, 3):
            heading = HEADER.search(" ".join(lines[i : i + span]))
            if heading:
                date = find_date(heading.group(1))
                if date:
                    return i, span, date
                fallback = fallback or (i, span, None)
        if fallback:
            return fallback
    # "MINUTES" as a title, the panel and the date on the lines below it
    for i, line in enumerate(lines[:6]):
        if re.match(r"^\s*MINUTES\s*$", line, re.IGNORECASE):
            for span in (2, 3, 4):
                below = lines[i + span - 1] if i + span - 1 < len(lines) else ""
                date = find_date(below) if not re.match(r"^\d", below.strip()) else None
                if date:
                    return i, span, date
    return None


def minutes_sections(pages) -> list[tuple[int, int]]:
    """(start, end) indexes of each run of minutes pages."""
    sections = []
    i = 0
    while i < len(pages):
        if find_header(pages[i].lines):
            end = i + 1
            while end < len(pages) and not (
                find_header(pages[end].lines)
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


LONE_NUMBER = re.compile(r"^(\d{1,3})[.)]?$")


def join_lone_numbers(lines: list[Line]) -> list[Line]:
    """A minute number printed alone on its line, its title on the next ("17." /
    "MINUTES OF THE PREVIOUS MEETING"): one heading line, as most packs print it."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        number = LONE_NUMBER.match(line.text.strip())
        following = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        if number and (is_heading(following) or split_run_in(following)):
            out.append(Line(line.page, f"{number.group(1)}. {lines[i + 1].text.strip()}"))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def item_heading(text: str, last_number: int | None):
    """(number, title, rest) when a line opens a minute item: the next number(s) and a heading,
    alone or run into the first sentence of its discussion ("41. SCHOOL ATTENDANCE The Panel
    considered …": rest is "The Panel considered …")."""
    match = ITEM.match(text.strip())
    if not match:
        return None
    number, title = int(match.group(1)), match.group(2).strip()
    if last_number is not None and not 0 < number - last_number <= 3:
        return None
    if len(title) <= 3 or MONTH_YEAR.match(title):  # "30 MARCH 2023" wrapped in the discussion
        return None
    run_in = split_run_in(title)
    if run_in and reads_as_sentence(run_in[1]):
        return number, *run_in  # "SCRUTINY TRACKER The Panel noted …" is not one title-case heading
    if is_heading(title):
        return number, title, ""
    return (number, *run_in) if run_in else None


SENTENCE_START = re.compile(
    r"^(?:The|This|These|There|It|In|Members|Officers|Councillors?|Cllr|A|An|Following|Further|"
    r"Consideration|Having|Upon|On|At|RESOLVED|Resolved|To|Report of)\b"
)


def reads_as_sentence(text: str) -> bool:
    """'The Panel considered …', 'Officers presented the …': a sentence, not more of a title."""
    if SENTENCE_START.match(text):
        return True
    lower = [w for w in re.findall(r"[A-Za-z][\w'’]*", text) if w.lower() not in SMALL_WORDS]
    return sum(w[0].islower() for w in lower) >= 2 or text.rstrip().endswith((".", ","))


def split_run_in(text: str, wrapped: bool = False) -> tuple[str, str] | None:
    """'SCHOOL ATTENDANCE The Panel considered …' -> ('SCHOOL ATTENDANCE', 'The Panel …'): a
    heading in capitals (two words or more, or one long one) then a sentence; "RESOLVED" after
    the heading belongs to the discussion, as does a lone "A" opening the sentence."""
    words = text.split()
    cut = 0
    while cut < len(words) and is_capitals(words[cut]):
        cut += 1
    while cut and words[cut - 1].strip(":-–").upper() in ("RESOLVED", "A", "I"):
        cut -= 1
    while cut and not any(c.isalpha() for c in words[cut - 1]) and words[cut - 1] in "-–:":
        cut -= 1  # a dash left after the heading
    head, rest = " ".join(words[:cut]), " ".join(words[cut:])
    letters = sum(c.isalpha() for c in head)
    heading_words = sum(any(c.isalpha() for c in w) for w in words[:cut])
    if not rest or not (
        letters >= 8 or (heading_words >= 2 and letters >= 6) or (wrapped and letters >= 2)
    ):
        return None
    if not (re.match(r"^[A-Z][a-z]", rest) or RESOLVED.match(rest)):
        return None
    return head, rest


def is_capitals(word: str) -> bool:
    """'ATTENDANCE', 'SEND', '2023/24', '–', '(NEET)': a word of a heading in capitals."""
    letters = [c for c in word if c.isalpha()]
    return all(c.isupper() for c in letters) and (bool(letters) or not word.isalpha())


def is_heading(text: str) -> bool:
    """Capitals ("CHILD FRIENDLY SOUTHAMPTON") or title case without a full stop."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    if sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text) if w.lower() not in SMALL_WORDS]
    return (
        len(text) < 90
        and not text.rstrip().endswith((".", ",", ";"))
        and bool(words)
        and all(w[0].isupper() for w in words)
    )


APOLOGIES_SENTENCE = re.compile(  # "Apologies were received from Councillors A and B."
    r"^\s*Apologies(?: for absence)? (?:were|was|had been) (?:received|submitted|given|noted|"
    r"tendered|reported) (?:from|by|on behalf of|for)\s+",
    re.IGNORECASE,
)
TITLED = re.compile(
    r"^(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr|Professor|Revd?\.?)\s", re.IGNORECASE
)


def read_attendance(lines: list[Line], page, pdf) -> dict:
    """Present and apologies, however printed: "Present: Councillors A (Chair), B and C" on one
    line; the label above a line of names, or above one name a line ("Councillor A (Chair)" /
    "Councillor B"); "Apologies were received from …"; or both labels stacked above both values
    (then matched by position, stacked_values())."""
    labelled: dict[str, str] = {}
    pending: list[str] = []  # labels printed without their values
    stacked = False
    last = None
    texts = [
        APOLOGIES_SENTENCE.sub("Apologies: ", part)
        for line in lines
        for part in LABEL_INSIDE.split(APOLOGIES_SENTENCE.sub("Apologies: ", line.text))
    ]
    for text in texts:
        text = text.strip()
        match = LABEL.match(text)
        if match:
            key = match.group(1).lower().split()[0]
            if match.group(2).strip():
                labelled[key] = match.group(2).strip()
                last = key
            else:
                stacked = stacked or (
                    bool(pending) and last is None
                )  # two labels, no value between
                pending.append(key)
                last = None
            continue
        if stacked or not text:
            continue
        if last is None and pending:  # the value under the label just above it
            last = pending.pop()
            labelled[last] = text
        elif last:
            one_a_line = TITLED.match(text) and (
                TITLED.match(labelled[last]) or labelled[last].endswith(")")
            )
            labelled[last] += ("; " if one_a_line else " ") + text
    if stacked:
        values = stacked_values(lines, page, pdf)
        for key, value in zip(pending, values, strict=False):
            labelled.setdefault(key, value)
    return {
        key: people(value) for key, value in labelled.items() if key in ("present", "apologies")
    }


def stacked_values(lines: list[Line], page, pdf) -> list[str]:
    """The values under labels printed one above the other, in order: paragraphs by position
    when the page's words are at hand, else runs of lines each opening with "Councillor"."""
    if pdf is not None:
        values = []
        labels_seen = 0
        for paragraph in paragraphs(word_lines(pdf.words(page.number))):
            if HEADER.search(paragraph):
                continue
            if LABEL.match(paragraph.strip()):
                labels_seen += 1
                continue
            if item_heading(paragraph.split("  ")[0], None) or re.match(
                r"^\d{1,3}\.\s+[A-Z]{3,}", paragraph
            ):
                break
            if labels_seen and not paragraph.isupper():
                values.append(paragraph)
        return values
    runs: list[list[str]] = []
    for line in lines:
        text = line.text.strip()
        if LABEL.match(text) or HEADER.search(text) or text.isupper():
            continue
        if re.match(r"^(?:Councillors?|Cllrs?\.?)\b", text) or not runs:
            runs.append([text])
        else:
            runs[-1].append(text)
    return [join_wrapped(run) for run in runs]


def people(text: str) -> list[str]:
    """'Councillors Guthrie (Chair), Bell and Dr Paffey. Appointed Member: Rob Sanders' -> names."""
    out = []
    text = text.strip().rstrip(".")
    for part in re.split(
        r"(?<=[a-z)])\.\s+(?=[A-Z])|;\s*|\s+(?=(?:Appointed|Co-opted) Members?\b)", text
    ):
        appointed = bool(APPOINTED.search(part))
        part = APPOINTED.sub("", part).strip()
        prefix = ""
        plural = re.match(r"^(Councillors|Cllrs\.?)\s+", part)
        if plural:
            prefix, part = "Councillor ", part[plural.end() :]
        for name in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", part):
            name = APPOINTED.sub("", name.strip(" ."))
            name = re.sub(r"^Cllr\.?\s+", "Councillor ", name)
            if not name:
                continue
            if prefix and not appointed and not name.startswith("Councillor"):
                name = prefix + name
            out.append(name)
    return out


def read_items(lines: list[Line], warnings) -> list[dict]:
    items, current, last_number = [], None, None
    for line in lines:
        text = line.text.strip()
        heading = item_heading(text, last_number)
        if heading:
            number, title, rest = heading
            current = {"number": number, "title": [title], "body": [], "page": line.page}
            if rest:
                current["body"].append(rest)
            items.append(current)
            last_number = current["number"]
            continue
        if current is None:
            continue
        if not current["body"] and text.isupper() and len(text) > 3 and not RESOLVED.match(text):
            current["title"].append(text)  # a title wrapped onto a second line
            continue
        run_in = split_run_in(text, wrapped=True) if not current["body"] else None
        if run_in:  # "… SPECIAL EDUCATIONAL" / "NEEDS The Panel considered …"
            current["title"].append(run_in[0])
            current["body"].append(run_in[1])
        else:
            current["body"].append(text)
    return [finish_item(item, warnings) for item in items]


def finish_item(item, warnings) -> dict:
    text_lines, resolution_lines = [], []
    found = False
    for line in item["body"]:
        parts = RESOLVED.split(line, maxsplit=1)
        if len(parts) == 1:
            (resolution_lines if found else text_lines).append(line)
            continue
        if parts[0].strip():
            (resolution_lines if found else text_lines).append(parts[0].strip())
        found = True
        resolution_lines.append("\u2028")  # where a RESOLVED began: a new resolution
        if parts[1].strip():
            resolution_lines.append(parts[1].strip())
    resolutions = split_resolutions(
        [
            part
            for line in resolution_lines
            for part in INLINE_NUMBER.split(line)
            if part.strip(" •·▪")
        ]
    )
    if found and not resolutions:
        warnings.append(
            warning(
                item["page"],
                f"minute {item['number']}: RESOLVED found but its text could not be read",
            )
        )
    return {
        "number": item["number"],
        "title": join_wrapped(item["title"]),
        "resolutions": resolutions,
        "text": paragraph_text(text_lines),
        "page": item["page"],
    }


def split_resolutions(lines: list[str]) -> list[str]:
    """One string per numbered resolution; a lead-in ending with ':' before numbers is dropped."""
    numbered = any(NUMBERED.match(line) for line in lines)
    groups: list[list[str]] = []
    for line in lines:
        if line == "\u2028":
            groups.append([])
            continue
        if numbered and NUMBERED.match(line):
            if groups and groups[-1] and groups[-1][-1].endswith(":") and len(groups[-1]) <= 2:
                groups[-1] = []  # "that the Panel:" introduces the numbered list
            groups.append([NUMBERED.sub("", line)])
        elif groups:
            groups[-1].append(line)
        else:
            groups.append([line])
    return [text for text in (join_wrapped(g) for g in groups) if len(text) > 3]


def paragraph_text(lines: list[str]) -> str:
    """The discussion as paragraphs, one a line: a bullet starts one, and so does a line after a
    short line ending a sentence (it did not wrap, so the paragraph ended)."""
    out: list[list[str]] = []
    longest = max((len(line) for line in lines), default=0)
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            line = "• " + line[2:]
        previous = out[-1][-1] if out else ""
        ended = previous.endswith((".", ":")) and len(previous) < 0.85 * longest
        if not out or line.startswith("•") or ended:
            out.append([line])
        else:
            out[-1].append(line)
    return "\n".join(join_wrapped(group) for group in out)
