"""Which panel and meeting a pack is filed under: what the pack says, unless the officer chose.

A pack without a front sheet (a lone dashboard, one report) may name no panel or date at all;
the officer then chooses them on the upload form or the review screen, and that choice is kept
on the pack (`filed_committee`, `filed_date`) so that reading the pack again files it the same.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from meetings.models import Committee, Meeting, Pack


class NotFiled(ValueError):
    """Neither the pack nor the officer says which panel and meeting it belongs to."""


def committee_named(name: str) -> Committee:
    existing = Committee.objects.filter(name__iexact=name).first()
    return existing or Committee.objects.create(name=name)


def read_date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def meeting_for(pack: Pack, meeting_data: dict) -> tuple[Committee, Meeting]:
    """The panel and meeting to store a pack under: the officer's choice, else what was read."""
    name = (meeting_data.get("committee") or "").strip()
    committee = pack.filed_committee or (committee_named(name) if name else None)
    date = pack.filed_date or read_date(meeting_data.get("date"))
    if committee is None or date is None:
        missing = " and ".join(
            what for what, ok in (("panel", committee), ("meeting date", date)) if not ok
        )
        raise NotFiled(
            f"The {missing} could not be read from this pack (it has no front sheet). "
            "Choose the panel and the meeting below to file it."
        )
    meeting, _ = Meeting.objects.get_or_create(committee=committee, date=date)
    return committee, meeting


def read_filing(pack: Pack) -> dict:
    """What the pack itself says (for pre-filling the choice): panel, date, matching meeting."""
    data = (pack.extraction or {}).get("meeting") or {}
    name = (data.get("committee") or "").strip()
    committee = pack.filed_committee or pack.committee
    if committee is None and name:
        committee = Committee.objects.filter(name__iexact=name).first()
    date = pack.filed_date or (pack.meeting.date if pack.meeting else read_date(data.get("date")))
    meeting = pack.meeting
    if meeting is None and committee and date:
        meeting = Meeting.objects.filter(committee=committee, date=date).first()
    return {
        "committee": committee,
        "meeting": meeting,
        "date": None if meeting else date,
        "read_committee": name,
        "read_date": data.get("date"),
    }


def file_pack(pack: Pack, committee: Committee, date: datetime.date) -> Pack:
    """File a read pack under the chosen panel and meeting date, storing its extraction again
    (a draft, or a failed pack that could not be filed); one transaction."""
    # pack_contents.py files packs through this module (meeting_for): asked for when called
    from .pack_contents import store_pack_contents  # noqa: PLC0415

    with transaction.atomic():
        pack = Pack.objects.select_for_update().get(pk=pack.pk)
        if pack.status not in (Pack.Status.NEEDS_REVIEW, Pack.Status.FAILED):
            raise NotFiled("Only a draft, or a pack that could not be filed, can be filed again.")
        if not pack.extraction:
            raise NotFiled("This pack has not been read yet: try reading it again first.")
        pack.filed_committee, pack.filed_date = committee, date
        pack.extraction_sha256 = ""  # the same extraction, filed elsewhere: store it again
        pack.save(update_fields=["filed_committee", "filed_date", "extraction_sha256"])
        return store_pack_contents(pack, pack.extraction)
