"""ModernGov's XML (`GetCommittees`, `GetMeetings`, `GetMeeting`) into plain dicts.

No specification is published; what is known comes from public accounts of the service, so the
reader is tolerant: tags are matched without regard to case or namespace, fields it does not
know are ignored, and a meeting missing its id or date is skipped with a problem noted rather
than stopping the rest. Untrusted XML is parsed with defusedxml (no entity expansion).
"""

from __future__ import annotations

import datetime
import html
import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element, ParseError

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from meetings.ingest.dates import find_numeric_date, find_time


class NotModernGovXml(ValueError):
    """The answer is not the XML the service gives: the message says what it was instead."""


def parse(body: bytes) -> Element:
    head = body.lstrip()[:512].lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or b"<html" in head:
        raise NotModernGovXml(
            "the council's website answered with a web page instead of the committee data "
            "(often a firewall's check or a maintenance page)"
        )
    if not head:
        raise NotModernGovXml("the council's website sent an empty answer")
    try:
        return ElementTree.fromstring(body)
    except DefusedXmlException as exc:
        raise NotModernGovXml(
            f"the committee data uses XML features refused for safety ({exc})"
        ) from exc
    except ParseError as exc:
        raise NotModernGovXml(f"the committee data is not well-formed XML ({exc})") from exc


def _tag(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1].lower()


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element.iter() if _tag(child) == name]


def _text(element: Element, name: str) -> str:
    for child in element:
        if _tag(child) == name:
            return " ".join((child.text or "").split())
    return ""


def _int(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


def _flag(value: str) -> bool:
    return value.strip().lower() in {"true", "1", "yes", "y"}


def parse_date(value: str) -> datetime.date | None:
    """'31/03/2022' (the service's dd/mm/yyyy), also '31/03/2022 00:00:00' and ISO '2022-03-31':
    read as the packs' own numeric dates are (ingest/dates.py)."""
    value = value.strip()
    try:
        return find_numeric_date(value) or datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_time(value: str) -> datetime.time | None:
    """'17:30', '5.30 pm', '10.00am': read as the front sheet's times are (ingest/dates.py)."""
    found = find_time(value)
    return datetime.time.fromisoformat(found) if found else None


class _TextOnly(HTMLParser):
    BREAKS = {"p", "br", "li", "div", "tr", "h1", "h2", "h3", "h4", "table"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(value: str) -> str:
    """`minutesnonemptyhtmlbody` holds escaped HTML ('&lt;p&gt;RESOLVED …'): plain paragraphs."""
    if "&lt;" in value:
        value = html.unescape(value)
    reader = _TextOnly()
    reader.feed(value)
    lines = (" ".join(line.split()) for line in "".join(reader.parts).splitlines())
    return "\n".join(line for line in lines if line)


def committees(root: Element) -> list[dict]:
    found = []
    for element in _children(root, "committee"):
        committee_id = _int(_text(element, "committeeid"))
        title = _text(element, "committeetitle")
        if committee_id is not None and title:
            found.append({"id": committee_id, "title": title})
    return found


def _meeting_fields(element: Element) -> dict | None:
    meeting_id = _int(_text(element, "meetingid"))
    date = parse_date(_text(element, "meetingdate"))
    if meeting_id is None or date is None:
        return None
    return {
        "id": meeting_id,
        "date": date,
        "time": parse_time(_text(element, "meetingtime")),
        "status": _text(element, "meetingstatus"),
        "venue": _text(element, "meetinglocation"),
        "agenda_published": _flag(_text(element, "agendapublished")),
        "minutes_published": _flag(_text(element, "minutepublished")),
    }


def meetings(root: Element) -> tuple[list[dict], int]:
    """-> (meetings, how many were skipped for want of an id or a readable date)."""
    found, skipped = [], 0
    for element in _children(root, "meeting"):
        fields = _meeting_fields(element)
        if fields is None:
            skipped += 1
        else:
            found.append(fields)
    return found, skipped


def _documents(element: Element) -> list[dict]:
    docs = []
    for holder in element:
        if _tag(holder) != "linkeddocuments":
            continue
        for doc in holder:
            if _tag(doc) != "linkeddoc":
                continue
            url = _text(doc, "url")
            if not url:
                continue
            docs.append(
                {
                    "id": _int(_text(doc, "attachmentid")),
                    "title": _text(doc, "title") or url.rsplit("/", 1)[-1],
                    "url": url,
                }
            )
    return docs


def meeting(root: Element) -> dict | None:
    """One `GetMeeting` answer: the meeting, its agenda items and the documents linked to both."""
    element = next(iter(_children(root, "meeting")), None)
    if element is None:
        return None
    fields = _meeting_fields(element)
    if fields is None:
        return None
    items = []
    for position, item in enumerate(_children(element, "agendaitem"), start=1):
        title = _text(item, "agendaitemtitle")
        if not title:
            continue
        items.append(
            {
                "id": _int(_text(item, "agendaitemid")),
                "number": _text(item, "agendaitemnumber") or str(position),
                "position": position,
                "title": title,
                "restricted": _flag(_text(item, "isrestricted")),
                "minutes": html_to_text(_text_raw(item, "minutesnonemptyhtmlbody")),
                "documents": _documents(item),
            }
        )
    fields["agenda_items"] = items
    fields["documents"] = _documents(element)
    return fields


def _text_raw(element: Element, name: str) -> str:
    for child in element:
        if _tag(child) == name:
            return child.text or ""
    return ""


PACK_TITLE = re.compile(r"\b(reports?\s+pack|agenda\s+(reports?\s+)?pack|public\s+pack)\b", re.I)
SUPPLEMENT = re.compile(r"\bsupplement", re.I)


def agenda_pack(documents: list[dict]) -> dict | None:
    """The document that is the whole agenda pack ('Agenda reports pack', 'Public reports pack');
    a frontsheet, printed minutes or a supplement is not."""
    for doc in documents:
        if PACK_TITLE.search(doc["title"]) and not SUPPLEMENT.search(doc["title"]):
            return doc
    return None
