"""Recommendations from packs: made by substantive resolutions, followed through tracker rows.

A tracker row of a later pack continues a recommendation made earlier. It is matched on the date
it was made, its number and the wording of the action proposed; titles and tense drift between
packs ("THE YOUTH JUSTICE SERVICE IN SOUTHAMPTON" becomes "Youth Offending Service", "would be
added" becomes "is added"), so wording is compared without auxiliaries and the title only helps.
A confident match adds a dated update; an uncertain one creates the row as its own
recommendation with a `suggested_match` that the scrutiny manager confirms or dismisses.
"""

from __future__ import annotations

import datetime
import re
from difflib import SequenceMatcher

from django.utils.dateparse import parse_date

from meetings.ingest.months import month_number
from meetings.models import Meeting, Recommendation, RecommendationUpdate, Resolution

from .text_match import normalised

CONFIDENT = 0.8
POSSIBLE = 0.5
AUXILIARIES = {
    "that",
    "would",
    "will",
    "should",
    "shall",
    "be",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "the",
    "a",
    "an",
}


def clear_recommendations(pack):
    """Undo what a pack did to the tracker, keeping what other packs and people added.

    A recommendation made by one of this pack's resolutions moves to the same resolution as
    another pack reads it (a corrected pack of the same minutes) rather than disappearing.
    """
    RecommendationUpdate.objects.filter(pack=pack).delete()
    for rec in Recommendation.objects.filter(pack=pack).select_related("resolution__minute"):
        twin = twin_resolution(rec.resolution, pack) if rec.resolution_id else None
        other = rec.updates.order_by("date").first()
        if twin is None and other is None:
            rec.delete()
            continue
        rec.resolution = twin if rec.resolution_id else rec.resolution
        rec.pack = twin.minute.pack if twin else other.pack
        rec.save(update_fields=["pack", "resolution"])


def twin_resolution(resolution, pack):
    """The same resolution read from another pack, not yet making a recommendation of its own."""
    minute = resolution.minute
    return (
        Resolution.objects.filter(
            minute__meeting_id=minute.meeting_id,
            minute__number=minute.number,
            number=resolution.number,
        )
        .exclude(minute__pack=pack)
        .filter(recommendation__isnull=True)
        .select_related("minute__pack")
        .first()
    )


def recommend_from_resolutions(pack, committee, resolutions):
    for resolution in resolutions:
        if not resolution.is_substantive:
            continue
        minute = resolution.minute
        rec, score = find_match(
            committee, minute.meeting.date, resolution.number, minute.title, resolution.text
        )
        if rec is not None and score >= CONFIDENT:
            if rec.resolution_id is None:
                rec.resolution = resolution
                rec.save(update_fields=["resolution"])
            continue
        recommendation_from(
            resolution, suggested=rec if rec is not None and score >= POSSIBLE else None
        )


def recommendation_from(resolution, suggested=None) -> Recommendation:
    """A tracked recommendation made by a resolution of the minutes."""
    minute = resolution.minute
    committee = minute.meeting.committee
    text = strip_number(resolution.text)
    return Recommendation.objects.create(
        committee=committee,
        resolution=resolution,
        meeting=minute.meeting,
        made_on=minute.meeting.date,
        title=title_case(minute.title)[:300],
        number=resolution.number,
        text=text,
        pack=minute.pack,
        pdf_page=minute.pdf_page,
        suggested_match=suggested,
        **due_from(committee, text),
    )


def record_tracker_rows(pack, committee, meeting, rows):
    for row in rows:
        text = strip_number(row.get("action_proposed") or "")
        if not text:
            continue
        made_on = parse_date(str(row.get("date") or ""))
        status = (
            row.get("status")
            if row.get("status") in Recommendation.Progress.values
            else Recommendation.Progress.UNKNOWN
        )
        rec, score = find_match(committee, made_on, row.get("number"), row.get("title") or "", text)
        if rec is None or score < CONFIDENT:
            rec = Recommendation.objects.create(
                committee=committee,
                meeting=Meeting.objects.filter(committee=committee, date=made_on).first()
                if made_on
                else None,
                made_on=made_on,
                title=(row.get("title") or "")[:300],
                number=row.get("number") or 1,
                text=text,
                status=status,
                pack=pack,
                pdf_page=row.get("page"),
                suggested_match=rec if rec is not None and score >= POSSIBLE else None,
                **due_from(committee, text, row.get("action_taken") or ""),
            )
        RecommendationUpdate.objects.create(
            recommendation=rec,
            date=meeting.date,
            status=status,
            status_text=(row.get("status_text") or "")[:200],
            action_taken=row.get("action_taken") or "",
            pack=pack,
            pdf_page=row.get("page"),
        )


def apply_published_updates(pack):
    """When a pack is published its tracker rows become each recommendation's current status."""
    for update in RecommendationUpdate.objects.filter(pack=pack).select_related("recommendation"):
        rec = update.recommendation
        if rec.state == Recommendation.State.OPEN and rec.status != update.status:
            rec.status = update.status
            rec.save(update_fields=["status"])


def comparable(text: str) -> str:
    return " ".join(w for w in normalised(strip_number(text)).split() if w not in AUXILIARIES)


def find_match(committee, made_on, number, title, text):
    """The committee's recommendation this text most likely is, and how sure we are (0..1)."""
    candidates = Recommendation.objects.filter(committee=committee)
    if made_on:
        candidates = candidates.filter(made_on=made_on)
    wanted = comparable(text)
    best, best_score = None, 0.0
    for rec in candidates.only("id", "text", "number", "title"):
        score = SequenceMatcher(None, wanted, comparable(rec.text), autojunk=False).ratio()
        if number and rec.number == number:
            score += 0.05
        if title and SequenceMatcher(None, normalised(title), normalised(rec.title)).ratio() > 0.8:
            score += 0.05
        if score > best_score:
            best, best_score = rec, min(score, 1.0)
    return best, best_score


NUMBER_PREFIX = re.compile(r"^\s*(?:\(?[0-9ivx]{1,4}[).]\s+)")
DUE_MEETING = re.compile(
    r"\b(?:at|to|by|for)\s+the\s+(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+)\s+(\d{4})\s+(?:meeting|Panel meeting|meeting of the Panel)",
)


def due_from(committee, *texts) -> dict:
    """A due date read from wording such as "provisionally at the 28 November 2024 meeting"."""
    for text in texts:
        for day, month, year in DUE_MEETING.findall(text or ""):
            if month_number(month):
                try:
                    due = datetime.date(int(year), month_number(month), int(day))
                except ValueError:
                    continue
                meeting = Meeting.objects.filter(committee=committee, date=due).first()
                return {"due_date": due, "due_meeting": meeting}
    return {}


def strip_number(text: str) -> str:
    return NUMBER_PREFIX.sub("", text or "").strip()


def title_case(title: str) -> str:
    """Minutes print titles in capitals; trackers in title case. Keep short words lower."""
    if not title.isupper():
        return title
    small = {"and", "of", "the", "in", "for", "on", "to", "a", "an", "at", "by", "or"}
    words = title.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))
