"""Normalising the text of pack pages: what every parser can take for granted.

- NBSP and other odd spaces become spaces; runs of spaces collapse.
- Private-use bullet glyphs (Symbol/Wingdings, U+F0B7 …) go; one opening a line becomes "•" (a
  bullet still ends the sentence before it); real bullets stay for parsers.
- pdfium marks a word hyphenated across a line break with U+FFFE: it becomes "-".
- Page furniture is dropped: "Page 12", "Page 3 of 12", "- 3 -", "Agenda Item 9", "Appendix 2"
  stamps on a line of their own, "This page is intentionally left blank", "Public Document Pack", mailto: links.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_LEADING_PRIVATE_BULLET = re.compile(r"^\s*[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf06e\uf0a8]\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff\u00ad]")

STAMP_LINE = re.compile(
    r"^(?:page \d{1,4}"
    r"|page \d{1,4} of \d{1,4}"  # a report's own numbering, not the pack's stamp
    r"|[-–] ?\d{1,4} ?[-–]"  # "- 3 -" centred under minutes
    r"|agenda item \d{1,3}[a-z]?"
    r"|appendix \d{1,2}"
    r"|this page is intentionally left blank"
    r"|public document pack"
    r"|mailto:\S+(?: mailto:\S+)*)$",
    re.IGNORECASE,
)
PAGE_STAMP = re.compile(r"^page (\d{1,4})$", re.IGNORECASE)
AGENDA_STAMP = re.compile(r"^agenda item (\d{1,3}[a-z]?)$", re.IGNORECASE)
BLANK_PAGE = re.compile(r"this page is intentionally left blank", re.IGNORECASE)


def clean(text: str) -> str:
    """One string, tidied: odd spaces, private glyphs and controls gone, whitespace collapsed."""
    if not text:
        return ""
    text = text.replace("\ufffe", "-").replace("\r\n", "\n").replace("\r", "\n")
    text = _PRIVATE_USE.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    return re.sub(r"\s*\n\s*", " ", text).strip()


def clean_line(line: str) -> str:
    line = line.replace("\ufffe", "-")
    line = _LEADING_PRIVATE_BULLET.sub("• ", line)  # "\uf0b7 Contacts rose …": still a bullet
    line = _PRIVATE_USE.sub(" ", line)
    line = _CONTROL.sub("", line)
    line = unicodedata.normalize("NFC", line)
    return _SPACES.sub(" ", line).strip()


def is_stamp(line: str) -> bool:
    return bool(STAMP_LINE.match(line.strip()))


def normalise_page_text(raw: str) -> str:
    """Page text with one line per text line, furniture removed."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = [clean_line(line) for line in raw.split("\n")]
    return "\n".join(line for line in lines if line and not is_stamp(line))


def page_stamp(raw_text: str) -> int | None:
    """The 'Page N' number printed on a page (ModernGov counts from the minutes), if any."""
    for line in reversed(raw_text.split("\n")):
        match = PAGE_STAMP.match(line.strip())
        if match:
            return int(match.group(1))
    return None


def agenda_item_stamp(raw_text: str) -> str | None:
    """The "Agenda Item 9" stamp on the first page of an item's papers, if any."""
    for line in raw_text.replace("\r", "\n").split("\n"):
        match = AGENDA_STAMP.match(line.strip())
        if match:
            return match.group(1)
    return None


def join_wrapped(lines: list[str]) -> str:
    """Join lines of one paragraph: a trailing hyphen joins words only when the next is lower case."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and not out.endswith(" -") and line[:1].islower():
            out = out + line
        else:
            out = f"{out} {line}"
    return out.strip()


@dataclass(frozen=True)
class Line:
    """A line of text and the (1-based) PDF page it is on: the unit parsers work on."""

    page: int
    text: str


def lines_of(pages) -> list[Line]:
    """All lines of some pages, in order, each knowing its page."""
    return [Line(page.number, text) for page in pages for text in page.lines]
