"""The front sheet: panel, date and time, venue, members, appointed members, contacts, and the
"Dates of Meetings: Municipal Year" table from the public information pages.

A front sheet is the first page that opens with the panel's name and a weekday date and has a
"Members" or "Contacts" heading. Its blocks run from one heading to the next; the people in them
are split by layout_people.py, even where a whole list was flattened onto one line. Where the
text looks interleaved (members and contacts printed side by side come out mixed), the page is
read again column by column from word positions.

A pack without a front sheet still names its panel and date elsewhere: the agenda's heading or
labelled fields ("Date: …", "Venue: …"), the public information page (the panel's name in
capitals), and the report cover sheets (DECISION-MAKER, DATE OF DECISION). We read those, in
that order of trust, and say so in warnings.
"""

from __future__ import annotations

import re
from collections import Counter

from meetings.ingest.dates import find_date, find_time, iso, municipal_year_dates
from meetings.ingest.front_sheet.people import split_appointed, split_contacts, split_members
from meetings.ingest.layout import column_lines
from meetings.ingest.schema import warning
from meetings.ingest.text import clean

__all__ = ["parse_front_sheet", "split_appointed", "split_contacts", "split_members"]

MEMBERS = re.compile(
    r"^(?:panel |committee )?(?:members|membership)\b:?\s*(?=$|Councillor|Cllr)", re.IGNORECASE
)
APPOINTED = re.compile(
    r"^(?:appointed|co-opted|co-optees?|non-voting|independent)\b[\w ]*?members?\b:?\s*"
    r"|^co-optees?\b:?\s*",
    re.IGNORECASE,
)
CONTACTS = re.compile(r"^contacts?\b:?\s*", re.IGNORECASE)
BLOCK_HEADING = re.compile(
    r"^(?:panel |committee )?(?:members|membership|contacts?)\b", re.IGNORECASE
)
WEEKDAY_DATE = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)
MEETING_SUFFIX = re.compile(
    r"\s+(?:[-–]\s*)?(?:(?:hybrid|virtual|remote|online|extraordinary|special|informal|annual|"
    r"reconvened)\s+)*meeting$",
    re.IGNORECASE,
)
PANEL_WORDS = re.compile(
    r"\b(?:panel|committee|board|commission|council|forum|cabinet|sub-committee)\b", re.IGNORECASE
)
COMMITTEE_WORDS = re.compile(  # not "council": "Southampton City Council" heads many pages
    r"\b(?:panel|committee|board|commission|forum|cabinet)\b", re.IGNORECASE
)
NOTICE = re.compile(r"^PLEASE NOTE(?:[\s,]+[A-Z]{2,}\b)*[.:!]?\s*")
OPEN_TO_PUBLIC = re.compile(r"this meeting is (?:open|closed) to the public", re.IGNORECASE)
ONLY_TIME = re.compile(r"(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?", re.IGNORECASE)
YEARS_ROW = re.compile(r"^\s*(20\d\d)\s*[/\-–]?\s*(20\d\d)\s*$")
AGENDA_HEADING = re.compile(
    r"^(?:agenda|a g e n d a|agenda items?|order of business)$", re.IGNORECASE
)
NOT_THE_NAME = re.compile(  # title lines above the panel's name on some front sheets
    r"^(?:agenda|public document pack|supplement(?:ary)?(?: agenda| information)?|"
    r"notice of (?:the )?meeting|[\w ]+ (?:city|county|borough|district) council)$",
    re.IGNORECASE,
)
AGENDA_ITEM = re.compile(r"^\d{1,2}[.)]?\s+[A-Z]")
LABELLED = {
    "date": re.compile(r"^(?:Date(?: of meeting)?)\s*:\s*(.+)$", re.IGNORECASE),
    "time": re.compile(r"^Time\s*:\s*(.+)$", re.IGNORECASE),
    "venue": re.compile(r"^(?:Venue|Place|Location)\s*:\s*(.+)$", re.IGNORECASE),
}
SMALL_WORDS = {"and", "of", "the", "in", "for", "on", "to", "a", "an", "at", "by", "or"}


def empty_meeting() -> dict:
    return {
        "committee": None,
        "date": None,
        "time": None,
        "venue": None,
        "members": [],
        "appointed_members": [],
        "contacts": [],
        "municipal_year_dates": [],
    }


def parse_front_sheet(pages, pdf=None):
    """-> (meeting dict per PACK_SCHEMA, warnings)."""
    meeting, warnings = empty_meeting(), []
    front = find_front_sheet(pages[:4])
    if front is not None:
        read_front_sheet(front.lines, meeting, warnings, front.number)
        if pdf is not None and looks_interleaved(meeting, front.text):
            lines = column_lines(pdf.words(front.number), start=BLOCK_HEADING)
            if lines:
                again, found = empty_meeting(), []
                read_front_sheet(lines, again, found, front.number)
                if not looks_interleaved(again, front.text):
                    meeting, warnings = again, found
        if looks_interleaved(meeting, front.text):
            warnings.append(
                warning(
                    front.number,
                    "the front sheet's members and contacts look mixed together: check them",
                )
            )
    else:
        warnings.append(
            warning(
                1,
                "no front sheet found: the panel and date are read from the agenda, the public information page or the report cover sheets",
            )
        )
        read_agenda_heading(pages[:12], meeting)
        read_labelled_fields(pages[:12], meeting)
        read_public_information(pages[:6], meeting)
        read_cover_sheets(pages, meeting, warnings)
    meeting["municipal_year_dates"] = read_meeting_dates(pages[:8])
    return meeting, warnings


def find_front_sheet(pages):
    for page in pages:
        lines = page.lines[:40]
        has_date = any(WEEKDAY_DATE.match(line) and find_date(line) for line in lines[:8])
        if has_date and any(is_block_heading(line) for line in lines):
            return page
        if any(line.strip().upper() in ("AGENDA", "MINUTES") for line in lines[:3]):
            return None  # the agenda or minutes come first: no front sheet
    return None


def is_block_heading(line: str) -> bool:
    """'Members', 'Contacts:', 'Membership: Councillor …' head a front sheet's blocks; the
    agenda's "Members are asked to declare any interests" does not."""
    line = line.strip()
    if not BLOCK_HEADING.match(line):
        return False
    rest = BLOCK_HEADING.sub("", line, count=1).strip(" :")
    if not rest or re.match(r"^(?:Councillors?|Cllrs?\.?)\b", rest):
        return True
    return rest != line and is_block_heading(rest)  # "Members Contacts": two columns' headings


def read_front_sheet(lines, meeting, warnings, page_number):
    date_at = next(
        (i for i, line in enumerate(lines[:8]) if WEEKDAY_DATE.match(line) and find_date(line)),
        None,
    )
    if date_at is None:
        return
    heading = [line for line in lines[:date_at] if not NOT_THE_NAME.match(line.strip())]
    meeting["committee"] = committee_name(" ".join(heading)) or None
    meeting["date"] = iso(find_date(lines[date_at]))
    meeting["time"] = next(
        (t for t in (find_time(line) for line in lines[date_at : date_at + 3]) if t), None
    )
    members_at = index_of(lines, MEMBERS)
    appointed_at = index_of(lines, APPOINTED)
    contacts_at = index_of(lines, CONTACTS)
    headings = sorted(i for i in (members_at, appointed_at, contacts_at) if i is not None)
    venue_lines = []
    for line in lines[date_at + 1 : headings[0] if headings else date_at + 5]:
        if OPEN_TO_PUBLIC.search(line):
            break
        line = NOTICE.sub("", line).strip()
        if line and not ONLY_TIME.fullmatch(line):
            venue_lines.append(line)
    meeting["venue"] = " ".join(venue_lines).strip() or None

    def block(at, pattern):
        end = next((i for i in headings if i > at), len(lines))
        first = pattern.sub("", lines[at].strip(), count=1).strip()
        return [line for line in [first, *lines[at + 1 : end]] if line]

    if members_at is not None:
        meeting["members"] = split_members(" ".join(block(members_at, MEMBERS)))
    if appointed_at is not None:
        meeting["appointed_members"], doubtful = split_appointed(block(appointed_at, APPOINTED))
        if doubtful:
            warnings.append(
                warning(
                    page_number,
                    "appointed members were printed on one line: check how names and capacities were split",
                )
            )
    if contacts_at is not None:
        meeting["contacts"] = split_contacts(" ".join(block(contacts_at, CONTACTS)))


def looks_interleaved(meeting, page_text: str) -> bool:
    """Contact details among the members, or details printed but no contact read."""
    names = [m["name"] for m in meeting["members"]] + [
        f"{m['name']} {m['capacity']}" for m in meeting["appointed_members"]
    ]
    if any(re.search(r"@|\bTel\b|\d{4}|Officer|Manager|Contacts?\b", n or "") for n in names):
        return True
    return bool(re.search(r"@|\bTel\b", page_text)) and not meeting["contacts"]


def index_of(lines, pattern):
    return next((i for i, line in enumerate(lines) if pattern.match(line.strip())), None)


def committee_name(heading: str) -> str:
    return MEETING_SUFFIX.sub("", clean(heading)).strip(" -–")


def read_agenda_heading(pages, meeting):
    """'Children and Families Scrutiny Panel / Thursday, 7 February 2019 at 6.00 pm / AGENDA':
    the lines around the agenda's heading, before its first item."""
    for page in pages:
        lines = page.lines
        at = next((i for i, line in enumerate(lines[:8]) if AGENDA_HEADING.match(line)), None)
        if at is None:
            continue
        first_item = next(
            (i for i, line in enumerate(lines[at + 1 :], at + 1) if AGENDA_ITEM.match(line)),
            len(lines),
        )
        heading = lines[:at] + lines[at + 1 : min(first_item, at + 6)]
        for n, line in enumerate(heading):
            if WEEKDAY_DATE.match(line) and find_date(line) and not meeting["date"]:
                meeting["date"] = iso(find_date(line))
                meeting["time"] = find_time(" ".join(heading[n : n + 2]))
                meeting["venue"] = meeting["venue"] or venue_after(heading[n + 1 : n + 3])
            elif (
                COMMITTEE_WORDS.search(line)
                and not re.search(r"[\d:]|\.$", line)
                and len(line) < 90
                and not meeting["committee"]
            ):
                meeting["committee"] = title_case(committee_name(line))
        return


def venue_after(lines: list[str]) -> str | None:
    """The place printed under the date in an agenda's heading ("Committee Room 2, Town Hall"),
    past a line that only gives the time; not a notice, the panel or a label."""
    for line in lines:
        line = NOTICE.sub("", line).strip()
        if not line or ONLY_TIME.fullmatch(line):
            continue
        if (
            OPEN_TO_PUBLIC.search(line)
            or AGENDA_HEADING.match(line)
            or AGENDA_ITEM.match(line)
            or ":" in line
            or line.endswith(".")
            or len(line) > 90
        ):
            return None
        return line
    return None


def read_labelled_fields(pages, meeting):
    """Agendas without a front sheet often print 'Date: …', 'Time: …', 'Venue: …'."""
    for page in pages:
        for line in page.lines[:40]:
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


def read_public_information(pages, meeting):
    """The public information page names the panel in capitals under its heading."""
    for page in pages:
        lines = page.lines
        for at, line in enumerate(lines[:5]):
            if line.strip().upper() != "PUBLIC INFORMATION" or at + 1 >= len(lines):
                continue
            name = lines[at + 1].strip()
            if PANEL_WORDS.search(name) and not meeting["committee"]:
                meeting["committee"] = title_case(committee_name(name))
            return


def read_cover_sheets(pages, meeting, warnings):
    """The panel and date most report cover sheets agree on (some covers carry a typo)."""
    if meeting["committee"] and meeting["date"]:
        return
    makers, dates, first_page = Counter(), Counter(), {}
    for page in pages:
        text = page.text
        maker = re.search(r"^DECISION[- ]MAKER:?[ \t]*(.*)", text, re.MULTILINE)
        if not maker:
            continue
        when = re.search(r"DATE OF\b", text)
        # the date may be printed after "DATE OF DECISION:" or, extracted out of order, just
        # before the label or between its two halves
        date = None
        if when:
            line_start = text.rfind("\n", 0, when.start()) + 1
            date = iso(find_date(text[when.end() : when.end() + 60])) or iso(
                find_date(text[line_start : when.start()])
            )
        if PANEL_WORDS.search(maker.group(1)):
            makers[maker.group(1).strip()] += 1
            first_page.setdefault("committee", page.number)
        if date:
            dates[date] += 1
            first_page.setdefault("date", page.number)
    used = []
    if not meeting["committee"] and makers:
        meeting["committee"] = title_case(makers.most_common(1)[0][0])
        used.append("committee")
    if not meeting["date"] and dates:
        meeting["date"] = dates.most_common(1)[0][0]
        used.append("date")
    if used:
        warnings.append(
            warning(
                first_page[used[0]],
                f"meeting {' and '.join(used)} read from the report cover sheets",
            )
        )


def read_meeting_dates(pages) -> list[str]:
    """'Dates of Meetings: Municipal Year' then a '2021 2022' row and day-month cells."""
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
        for line in lines[at + 1 : at + 24]:
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
        written_out = full_dates(" ".join(block))
        if written_out:
            return written_out
        return municipal_year_dates(" ".join(block), years)
    return []


def full_dates(text: str) -> list[str]:
    """Dates printed with their year ('Thursday 14 June 2018', '14/06/2018'), when most are."""
    found = re.findall(
        r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+20\d\d\b|\b\d{1,2}/\d{1,2}/(?:20)?\d\d\b",
        text,
    )
    if len(found) < 2:
        return []
    dates = {iso(find_date(date)) for date in found}
    return sorted(date for date in dates if date)


def title_case(text: str) -> str:
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(
        w if (i and w in SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
