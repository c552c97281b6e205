"""The panel's glossary: every term and acronym read from its packs, newest definition first."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from meetings.models import GlossaryTerm
from meetings.services.text_match import normalised
from scrutiny.access import published_filter

# "CLA", "CIN", "EHCPs", "S47": printed in capitals, 2-10 characters; these are explained on hover.
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}s?$")


@dataclass
class Entry:
    term: str
    definitions: list[GlossaryTerm] = field(default_factory=list)  # newest first

    @property
    def anchor(self):
        return "term-" + re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")

    @property
    def latest(self):
        return self.definitions[0]

    @property
    def is_acronym(self):
        return bool(ACRONYM.match(self.term))


def key_of(text: str) -> str:
    return normalised(re.sub(r"[’‘']", "", text or ""))


def visible_terms(user, committee):
    return (
        GlossaryTerm.objects.filter(committee=committee)
        .filter(published_filter(user))
        .select_related("pack__meeting")
        .order_by("-pack__meeting__date", "-pack__uploaded_at", "pdf_page")
    )


def glossary_page(user, committee, q: str = "") -> dict:
    entries: dict[str, Entry] = {}
    for term in visible_terms(user, committee):
        # "Children's" and "Children’s" are one term; one definition reprinted is shown once.
        entry = entries.setdefault(key_of(term.term), Entry(term.term.strip()))
        wording = key_of(term.definition)
        same = any(key_of(d.definition) == wording for d in entry.definitions)
        if not same:  # a definition printed unchanged in every pack is shown once, newest
            entry.definitions.append(term)
    listed = sorted(entries.values(), key=lambda e: e.term.lower())
    if q:
        needle = q.lower()
        listed = [
            e for e in listed if needle in e.term.lower() or needle in e.latest.definition.lower()
        ]
    letters = sorted({e.term[:1].upper() for e in listed if e.term[:1].isalpha()})
    return {"committee": committee, "entries": listed, "letters": letters, "q": q}
