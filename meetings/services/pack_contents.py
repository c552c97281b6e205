"""store_pack_contents: one PACK_SCHEMA dict into the models, as a draft, in one transaction.

The storing end of the pack's path (ingest/extract.py is the reading end): agenda, reports,
minutes, glossary, recommendations and indicator values become rows tied to their pack and page.

Idempotent: storing the same extraction for the same pack again changes nothing; storing a
different one (a re-run after a parser fix, or the officer's edits) replaces the pack's draft rows.
"""

from __future__ import annotations

import datetime
import hashlib
import json

from django.db import transaction

from indicators.cache import figures_changed
from indicators.services.values import clear_indicator_values, store_indicator_values
from meetings.models import (
    AgendaItem,
    Attendance,
    GlossaryTerm,
    Meeting,
    Minute,
    Pack,
    Report,
    Resolution,
)

from .filing import NotFiled, committee_named, meeting_for  # noqa: F401 (committee_named: moved)
from .memberships import person_named
from .recommendation_sources import (
    clear_recommendations,
    recommend_from_resolutions,
    record_tracker_rows,
)


class ExtractionIncomplete(ValueError):
    """The extraction lacks what a meeting needs (its panel and date)."""


def extraction_digest(extraction: dict) -> str:
    return hashlib.sha256(json.dumps(extraction, sort_keys=True, default=str).encode()).hexdigest()


def parse_date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def parse_time(value):
    if not value:
        return None
    try:
        return datetime.time.fromisoformat(str(value))
    except ValueError:
        return None


@transaction.atomic
def store_pack_contents(pack: Pack, extraction: dict) -> Pack:
    pack = Pack.objects.select_for_update().get(pk=pack.pk)
    digest = extraction_digest(extraction)
    if pack.extraction_sha256 == digest and pack.status in Pack.STORED:
        return pack
    if pack.status in (Pack.Status.DISCARDED, Pack.Status.SUPERSEDED):
        return pack  # the officer threw it away while the worker was reading it

    meeting_data = extraction.get("meeting") or {}
    try:  # the officer's choice of panel and meeting, else what the pack says
        committee, meeting = meeting_for(pack, meeting_data)
    except NotFiled as exc:
        raise ExtractionIncomplete(str(exc)) from exc
    clear_stored_rows(pack)
    fill_blanks(
        meeting, time=parse_time(meeting_data.get("time")), venue=meeting_data.get("venue") or ""
    )

    # An earlier draft of the same meeting goes first, so nothing read now is matched to it.
    replace_earlier_drafts(pack, meeting)
    agenda = store_agenda(pack, meeting, extraction.get("agenda") or [])
    store_reports(pack, meeting, agenda, extraction.get("reports") or [])
    resolutions = store_minutes(pack, committee, extraction.get("minutes") or [])
    store_glossary(pack, committee, extraction.get("glossary") or [])
    recommend_from_resolutions(pack, committee, resolutions)
    record_tracker_rows(pack, committee, meeting, extraction.get("tracker") or [])
    store_indicator_values(pack, committee, meeting, extraction)

    pack.committee, pack.meeting = committee, meeting
    pack.extraction, pack.extraction_sha256 = extraction, digest
    pack.page_count = (extraction.get("source") or {}).get("pages") or pack.page_count
    if pack.status != Pack.Status.PUBLISHED:
        pack.status = Pack.Status.NEEDS_REVIEW
    pack.reason = ""
    pack.save()
    if pack.status == Pack.Status.PUBLISHED:
        figures_changed(committee.pk)
    return pack


def fill_blanks(obj, **values):
    changed = [field for field, value in values.items() if value and not getattr(obj, field)]
    for field in changed:
        setattr(obj, field, values[field])
    if changed:
        obj.save(update_fields=changed)


def replace_earlier_drafts(pack: Pack, meeting: Meeting):
    """A corrected pack for the same meeting replaces the earlier draft; the old Pack row stays."""
    earlier = Pack.objects.filter(meeting=meeting).exclude(pk=pack.pk)
    for old in earlier.filter(status=Pack.Status.NEEDS_REVIEW):
        supersede_pack(old)
        pack.replaces = old
    published = earlier.filter(status=Pack.Status.PUBLISHED).first()
    if published and not pack.replaces_id:
        pack.replaces = published


def supersede_pack(old: Pack):
    """A pack replaced by a corrected one: its rows go, its Pack row stays as the record."""
    clear_stored_rows(old)
    Pack.objects.filter(pk=old.pk).supersede()
    old.status = Pack.Status.SUPERSEDED


def clear_stored_rows(pack: Pack):
    """Remove every row read from this pack (its draft, or a published pack being replaced)."""
    clear_recommendations(pack)  # first: it moves recommendations to the minutes that stay
    for model in (AgendaItem, Report, Minute, Attendance, GlossaryTerm):
        model.objects.filter(pack=pack).delete()
    clear_indicator_values(pack)


def store_agenda(pack, meeting, items) -> dict[int, AgendaItem]:
    rows = []
    for item in items:
        if item.get("number") is None:
            continue
        pages = item.get("pages") or []
        first, last = (pages[0], pages[-1]) if pages else (None, None)
        rows.append(
            AgendaItem(
                pack=pack,
                meeting=meeting,
                number=item["number"],
                title=(item.get("title") or "")[:500],
                description=item.get("description") or "",
                first_page=first,
                last_page=last,
                exempt=bool(item.get("exempt")),
                pdf_page=item.get("page"),
                papers_pdf_page=(item.get("pdf_pages") or [None])[0],
            )
        )
    unique = {row.number: row for row in rows}  # a number printed twice keeps its last reading
    AgendaItem.objects.bulk_create(unique.values())
    return {row.number: row for row in AgendaItem.objects.filter(pack=pack)}


def store_reports(pack, meeting, agenda, reports):
    Report.objects.bulk_create(
        Report(
            pack=pack,
            meeting=meeting,
            agenda_item=agenda.get(report.get("agenda_number")),
            subject=(report.get("subject") or "")[:500],
            decision_maker=(report.get("decision_maker") or "")[:300],
            date_of_decision=parse_date(report.get("date_of_decision")),
            report_of=(report.get("report_of") or "")[:300],
            confidential=bool(report.get("confidential")),
            summary=report.get("summary") or "",
            recommendations=report.get("recommendations") or [],
            appendices=report.get("appendices") or [],
            pdf_page=report.get("page"),
        )
        for report in reports
    )


PROCEDURAL_MARKERS = (
    "minutes of the",
    "be approved and signed",
    "correct record",
    "exclu",  # exclude / exclusion of the press and public
    "press and the public",
    "press and public",
)


def is_procedural(text: str, title: str = "") -> bool:
    """Approving minutes or excluding the press is procedure, not a recommendation to track."""
    words = f"{title} {text}".lower()
    return any(marker in words for marker in PROCEDURAL_MARKERS)


def store_minutes(pack, committee, minutes_list) -> list[Resolution]:
    resolutions = []
    for minutes in minutes_list:
        date = parse_date(minutes.get("meeting_date"))
        if not date:
            continue
        meeting, created = Meeting.objects.get_or_create(
            committee=committee, date=date, defaults={"status": Meeting.Status.HELD}
        )
        if not created and meeting.status == Meeting.Status.SCHEDULED:
            meeting.status = Meeting.Status.HELD
            meeting.save(update_fields=["status"])
        store_attendance(pack, meeting, minutes)
        for item in minutes.get("items") or []:
            if item.get("number") is None:
                continue
            minute = Minute.objects.create(
                pack=pack,
                meeting=meeting,
                number=item["number"],
                title=(item.get("title") or "")[:500],
                text=item.get("text") or "",
                pdf_page=item.get("page"),
            )
            for n, text in enumerate(item.get("resolutions") or [], start=1):
                resolutions.append(
                    Resolution.objects.create(
                        minute=minute,
                        number=n,
                        text=text,
                        is_substantive=not is_procedural(text, minute.title),
                    )
                )
    return resolutions


def store_attendance(pack, meeting, minutes):
    for status, names in (
        (Attendance.Status.PRESENT, minutes.get("present") or []),
        (Attendance.Status.APOLOGIES, minutes.get("apologies") or []),
    ):
        for printed in names:
            name, note = split_note(printed)
            person = person_named(name)
            Attendance.objects.create(
                pack=pack, meeting=meeting, person=person, status=status, note=note
            )


def split_note(printed: str) -> tuple[str, str]:
    """'Councillor Guthrie (Chair)' -> ('Councillor Guthrie', '(Chair)')."""
    printed = printed.strip()
    if printed.endswith(")") and "(" in printed:
        at = printed.rindex("(")
        return printed[:at].strip(), printed[at:]
    return printed, ""


def store_glossary(pack, committee, terms):
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            pack=pack,
            committee=committee,
            term=(term.get("term") or "")[:300],
            definition=term.get("definition") or "",
            pdf_page=term.get("page"),
        )
        for term in terms
        if term.get("term")
    )
