"""The front sheet: panel, date and time, venue, members, appointed members, contacts, and the
"Dates of Meetings: Municipal Year" table from the public information pages.

Front sheets are short and regular, but their lines are often flattened ("Councillor A Bunday
Councillor Denness …" on one line). Members split on the word "Councillor"; appointed members on
"Name, Capacity" pairs, using the words capacities end with where several share a line. A pack
without a front sheet still names its panel and date on report cover sheets: we fall back to
those, and say so in a warning.
"""

from __future__ import annotations

import re

from .dates import find_date, find_time, iso, municipal_year_dates
from .text import clean

EMPTY_MEETING = {
    "committee": None,
    "date": None,
    "time": None,
    "venue": None,
    "members": [],
    "appointed_members": [],
    "contacts": [],
    "municipal_year_dates": [],
}

MEMBERS = re.compile(r"^(?:panel |committee )?members:?$", re.IGNORECASE)
APPOINTED = re.compile(
    r"^(?:appointed|co-opted|co-optees?|non-voting)\b.*members?:?$|^appointed members:?",
    re.IGNORECASE,
)
CONTACTS = re.compile(r"^contacts?\b:?", re.IGNORECASE)
WEEKDAY_DATE = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)
MEETING_SUFFIX = re.compile(
    r"\s+(?:[-–]\s*)?(?:(?:hybrid|virtual|remote|online|extraordinary|special|informal|annual|reconvened)\s+)*meeting$",
    re.IGNORECASE,
)
PANEL_WORDS = re.compile(
    r"\b(?:panel|committee|board|commission|council|forum|cabinet|sub-committee)\b", re.IGNORECASE
)
NOTICE = re.compile(r"^PLEASE NOTE(?:[\s,]+[A-Z]{2,}\b)*[.:!]?\s*")
OPEN_TO_PUBLIC = re.compile(r"this meeting is (?:open|closed) to the public", re.IGNORECASE)
COUNCILLOR = re.compile(r"\b(?:Councillors?|Cllr\.?)\s+")
ROLE_IN_BRACKETS = re.compile(
    r"\s*\((Chair|Vice[- ]Chair|Chairman|Vice[- ]Chairman|Deputy Chair)\)", re.IGNORECASE
)
CAPACITY_ENDS = re.compile(
    r"\b(?:Governor|Church|England|Wales|Diocese|Representative|Member|Officer|Council|Forum|Board|"
    r"Trust|Authority|Service|Sector|Parent|Community|Person|Youth|Association)\b"
)
CONTACT = re.compile(
    r"(?P<role>(?:[A-Z][\w&'’\-]*\s+){0,4}?(?:Officer|Manager|Clerk|Adviser|Advisor|Lead|Co-?ordinator|Secretary|Head of [A-Z][\w ]+?))"
    r"\s+(?P<name>(?:[A-Z][\w'’\-]+\s+){1,3}?[A-Z][\w'’\-]+)"
    r"\s+(?:Tel(?:ephone)?|Phone)[:.]?\s*(?P<phone>\+?[\d(][\d ()]{5,}\d)"
    r"(?:\s+E-?mail[:.]?\s*(?P<email>[\w.\-+]+@[\w.\-]+\w))?"
)
YEARS_ROW = re.compile(r"^\s*(20\d\d)\s*[/\-–]?\s*(20\d\d)\s*$")


def parse_front_sheet(pages, pdf=None):
    """-> (meeting dict per PACK_SCHEMA, warnings)."""
    meeting = dict(
        EMPTY_MEETING, members=[], appointed_members=[], contacts=[], municipal_year_dates=[]
    )
    warnings = []
    front = find_front_sheet(pages[:4])
    if front is not None:
        read_front_sheet(front.lines, meeting, warnings, front.number)
    else:
        warnings.append(
            {
                "page": 1,
                "message": "no front sheet found: panel, date and venue read from the agenda and report cover sheets",
            }
        )
    if front is None:
        read_labelled_fields(pages[:4], meeting)
    if not meeting["committee"] or not meeting["date"]:
        fall_back_to_cover_sheets(pages, meeting, warnings)
    meeting["municipal_year_dates"] = read_meeting_dates(pages[:8])
    return meeting, warnings


def find_front_sheet(pages):
    for page in pages:
        lines = page.lines[:40]
        has_date = any(WEEKDAY_DATE.match(line) and find_date(line) for line in lines[:8])
        has_members = any(MEMBERS.match(line) for line in lines)
        if has_date and (has_members or any(CONTACTS.match(line) for line in lines)):
            return page
        if any(line.strip().upper() in ("AGENDA", "MINUTES") for line in lines[:3]):
            return None  # the agenda or minutes come first: no front sheet
    return None


def read_front_sheet(lines, meeting, warnings, page_number):
    date_at = next(
        (i for i, line in enumerate(lines[:8]) if WEEKDAY_DATE.match(line) and find_date(line)),
        None,
    )
    if date_at is None:
        return
    heading = " ".join(lines[:date_at]).strip()
    meeting["committee"] = committee_name(heading) or None
    after = lines[date_at : date_at + 3]
    meeting["date"] = iso(find_date(lines[date_at]))
    meeting["time"] = next((t for t in (find_time(line) for line in after) if t), None)
    members_at = index_of(lines, MEMBERS)
    venue_lines = []
    for line in lines[date_at + 1 : members_at or date_at + 5]:
        if OPEN_TO_PUBLIC.search(line):
            break
        line = NOTICE.sub("", line).strip()
        if line and not re.fullmatch(r"at\s+[\d.:]+\s*[ap]\.?m\.?", line, re.IGNORECASE):
            venue_lines.append(line)
    meeting["venue"] = " ".join(venue_lines).strip() or None
    appointed_at = index_of(lines, APPOINTED)
    contacts_at = index_of(lines, CONTACTS)
    if members_at is not None:
        end = next(
            (i for i in (appointed_at, contacts_at) if i is not None and i > members_at), len(lines)
        )
        meeting["members"] = split_members(" ".join(lines[members_at + 1 : end]))
    if appointed_at is not None:
        end = contacts_at if contacts_at is not None and contacts_at > appointed_at else len(lines)
        block = lines[appointed_at + 1 : end]
        meeting["appointed_members"], doubtful = split_appointed(block)
        if doubtful:
            warnings.append(
                {
                    "page": page_number,
                    "message": "appointed members were printed on one line: check how names and capacities were split",
                }
            )
    if contacts_at is not None:
        first = CONTACTS.sub("", lines[contacts_at]).strip()
        meeting["contacts"] = split_contacts(" ".join([first, *lines[contacts_at + 1 :]]))


def index_of(lines, pattern):
    return next((i for i, line in enumerate(lines) if pattern.match(line.strip())), None)


def committee_name(heading: str) -> str:
    return MEETING_SUFFIX.sub("", clean(heading)).strip(" -–")


def split_members(text: str) -> list[dict]:
    members = []
    for part in COUNCILLOR.split(text):
        part = part.strip(" ,;")
        if not part:
            continue
        role = None
        found = ROLE_IN_BRACKETS.search(part)
        if found:
            role = "Vice-Chair" if "vice" in found.group(1).lower() else "Chair"
            part = ROLE_IN_BRACKETS.sub("", part).strip()
        members.append({"name": f"Councillor {part}", "role": role})
    return members


def split_appointed(lines: list[str]) -> tuple[list[dict], bool]:
    """One 'Name, Capacity' a line, or several flattened on a line (then split on capacity words)."""
    if all(line.count(",") <= 1 for line in lines) and not any(
        VACANCY.search(line[1:]) for line in lines
    ):
        return [appointed(line) for line in lines if line.strip()], False
    text = " ".join(lines)
    out, doubtful = [], False
    pieces = [p.strip() for p in re.split(r",\s*", text)]
    name = pieces[0] if pieces else ""
    for piece in pieces[1:]:
        # A piece is "<capacity of the previous person> <next name>", possibly with a vacancy inside.
        for segment in re.split(r"(?=\bVacanc(?:y|ies)\b)", piece):
            segment = segment.strip()
            if not segment:
                continue
            if VACANCY.match(segment):
                capacity, name_after = split_capacity_name(VACANCY.sub("", segment).strip())
                out.append({"name": None, "capacity": capacity, "vacancy": True})
            else:
                capacity, name_after = split_capacity_name(segment)
                if name is not None:
                    out.append({"name": name, "capacity": capacity})
            doubtful |= name_after is not None and not CAPACITY_ENDS.search(segment)
            name = name_after
    if name:
        out.append({"name": name, "capacity": None})
    return out, doubtful


VACANCY = re.compile(r"^\s*Vacanc(?:y|ies)\s*[-–:,]?\s*", re.IGNORECASE)


def appointed(line: str) -> dict:
    line = line.strip()
    if VACANCY.match(line):
        return {"name": None, "capacity": VACANCY.sub("", line).strip() or None, "vacancy": True}
    name, _, capacity = line.partition(",")
    return {"name": name.strip(), "capacity": capacity.strip() or None}


def split_capacity_name(segment: str) -> tuple[str, str | None]:
    """'Roman Catholic Church Francis Otieno' -> ('Roman Catholic Church', 'Francis Otieno')."""
    ends = list(CAPACITY_ENDS.finditer(segment))
    if ends:
        cut = ends[-1].end()
        rest = segment[cut:].strip()
        if not rest or re.fullmatch(
            r"of [A-Z][\w ]+", rest
        ):  # "Church of England" ends the segment
            return segment.strip(), None
        return segment[:cut].strip(), rest
    words = segment.split()
    if len(words) <= 2:
        return segment, None
    return " ".join(words[:-2]), " ".join(words[-2:])


def split_contacts(text: str) -> list[dict]:
    contacts = []
    for match in CONTACT.finditer(clean(text)):
        contacts.append(
            {
                "role": match.group("role").strip(),
                "name": match.group("name").strip(),
                "phone": re.sub(r"\s+", " ", match.group("phone")).strip(),
                "email": match.group("email"),
            }
        )
    return contacts


def read_meeting_dates(pages) -> list[str]:
    for page in pages:
        lines = page.lines
        at = next(
            (
                i
                for i, line in enumerate(lines)
                if re.search(r"dates of (?:the )?meetings", line, re.IGNORECASE)
            ),
            None,
        )
        if at is None:
            continue
        years, block = None, []
        for line in lines[at + 1 : at + 20]:
            row = YEARS_ROW.match(line)
            if row and years is None:
                years = (int(row.group(1)), int(row.group(2)))
                continue
            if line.isupper() and len(line) > 8:  # the next heading
                break
            block.append(line)
        if years is None:
            found = re.search(r"(20\d\d)\s*[/\-–]\s*(20\d\d|\d\d)\b", lines[at])
            if found:
                start = int(found.group(1))
                years = (start, start + 1)
        return municipal_year_dates(" ".join(block), years)
    return []


LABELLED = {
    "date": re.compile(r"^(?:Date(?: of meeting)?)\s*:\s*(.+)$", re.IGNORECASE),
    "time": re.compile(r"^Time\s*:\s*(.+)$", re.IGNORECASE),
    "venue": re.compile(r"^(?:Venue|Place|Location)\s*:\s*(.+)$", re.IGNORECASE),
}


def read_labelled_fields(pages, meeting):
    """Without a front sheet, agendas often print 'Date: …', 'Time: …', 'Venue: …', and the
    public information page names the panel in capitals."""
    for page in pages:
        for at, line in enumerate(page.lines[:40]):
            for field, pattern in LABELLED.items():
                match = pattern.match(line.strip())
                if not match or meeting[field]:
                    continue
                value = match.group(1).strip()
                if field == "date":
                    meeting["date"] = iso(find_date(value))
                    meeting["time"] = meeting["time"] or find_time(value)
                elif field == "time":
                    meeting["time"] = find_time(value)
                else:
                    meeting["venue"] = value
            if (
                line.strip().upper() == "PUBLIC INFORMATION"
                and not meeting["committee"]
                and at + 1 < len(page.lines)
            ):
                name = page.lines[at + 1].strip()
                if PANEL_WORDS.search(name):
                    meeting["committee"] = title_case(name)


def fall_back_to_cover_sheets(pages, meeting, warnings):
    for page in pages:
        text = page.text
        if "DECISION-MAKER" not in text.upper():
            continue
        maker = re.search(r"DECISION[- ]MAKER:?\s*(.+)", text, re.IGNORECASE)
        when = re.search(
            r"DATE OF\s+DECISION:?\s*(.+)|DATE OF\s*\n(.+)\nDECISION", text, re.IGNORECASE
        )
        if maker and not meeting["committee"] and PANEL_WORDS.search(maker.group(1)):
            meeting["committee"] = title_case(maker.group(1).strip())
        if when and not meeting["date"]:
            meeting["date"] = iso(find_date(when.group(1) or when.group(2) or ""))
        if meeting["committee"] and meeting["date"]:
            warnings.append(
                {
                    "page": page.number,
                    "message": "panel and meeting date read from a report cover sheet",
                }
            )
            return


SMALL_WORDS = {"and", "of", "the", "in", "for", "on", "to", "a", "an", "at", "by", "or"}


def title_case(text: str) -> str:
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(
        w if (i and w in SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
