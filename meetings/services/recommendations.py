"""Recommendations: made from substantive resolutions, followed through tracker rows.

A tracker row of a later pack continues a recommendation made earlier; it is matched on the
date it was made, its number and the wording of the action proposed (titles and tense drift
between packs: "THE YOUTH JUSTICE SERVICE IN SOUTHAMPTON" becomes "Youth Offending Service").
A confident match adds a dated update; an uncertain one creates the row as its own
recommendation with a suggested match the scrutiny manager confirms or dismisses.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from meetings.models import Recommendation, RecommendationUpdate

from .text_match import normalised

CONFIDENT = 0.82
POSSIBLE = 0.55


def clear_recommendations(pack):
    """Undo what a pack did to the tracker, keeping what other packs added."""
    RecommendationUpdate.objects.filter(pack=pack).delete()
    for rec in Recommendation.objects.filter(pack=pack):
        later = rec.updates.exclude(pack=pack).exclude(pack=None).order_by("date").first()
        if later is None and not rec.updates.filter(pack=None).exists():
            rec.delete()
        else:
            rec.pack = later.pack if later else None
            rec.resolution = (
                None
                if rec.resolution and rec.resolution.minute.pack_id == pack.pk
                else rec.resolution
            )
            rec.save(update_fields=["pack", "resolution"])


def recommend_from_resolutions(pack, committee, resolutions):
    for resolution in resolutions:
        if not resolution.is_substantive:
            continue
        minute = resolution.minute
        existing = find_match(
            committee, minute.meeting.date, resolution.number, minute.title, resolution.text
        )
        rec, score = existing
        if rec is not None and score >= CONFIDENT:
            if rec.resolution_id is None:
                rec.resolution = resolution
                rec.save(update_fields=["resolution"])
            continue
        Recommendation.objects.create(
            committee=committee,
            resolution=resolution,
            meeting=minute.meeting,
            made_on=minute.meeting.date,
            title=title_case(minute.title),
            number=resolution.number,
            text=strip_number(resolution.text),
            pack=pack,
            pdf_page=minute.pdf_page,
            suggested_match=rec if rec is not None and score >= POSSIBLE else None,
        )


def record_tracker_rows(pack, committee, meeting, rows):
    from .extraction import parse_date

    for row in rows:
        text = strip_number(row.get("action_proposed") or "")
        if not text:
            continue
        made_on = parse_date(row.get("date"))
        rec, score = find_match(committee, made_on, row.get("number"), row.get("title") or "", text)
        if rec is None or score < CONFIDENT:
            rec = Recommendation.objects.create(
                committee=committee,
                made_on=made_on,
                title=(row.get("title") or "")[:300],
                number=row.get("number") or 1,
                text=text,
                pack=pack,
                pdf_page=row.get("page"),
                suggested_match=rec if rec is not None and score >= POSSIBLE else None,
            )
        status = row.get("status") or Recommendation.Progress.UNKNOWN
        RecommendationUpdate.objects.create(
            recommendation=rec,
            date=meeting.date,
            status=status,
            status_text=(row.get("status_text") or "")[:200],
            action_taken=row.get("action_taken") or "",
            meeting=meeting,
            pack=pack,
            pdf_page=row.get("page"),
        )
        if rec.state == Recommendation.State.OPEN and status in Recommendation.Progress.values:
            rec.status = status
            rec.save(update_fields=["status"])


def find_match(committee, made_on, number, title, text):
    """The committee's recommendation this text most likely is, and how sure we are (0..1)."""
    candidates = Recommendation.objects.filter(committee=committee)
    if made_on:
        candidates = candidates.filter(made_on=made_on)
    best, best_score = None, 0.0
    wanted = normalised(strip_number(text))
    for rec in candidates:
        score = SequenceMatcher(None, wanted, normalised(rec.text), autojunk=False).ratio()
        if number and rec.number == number:
            score += 0.05
        if title and normalised(title) == normalised(rec.title):
            score += 0.05
        if score > best_score:
            best, best_score = rec, min(score, 1.0)
    return best, best_score


NUMBER_PREFIX = re.compile(r"^\s*(?:\(?[0-9ivx]{1,4}[).]\s+)")


def strip_number(text: str) -> str:
    return NUMBER_PREFIX.sub("", text or "").strip()


def title_case(title: str) -> str:
    """Minutes print titles in capitals; trackers in title case. Keep short words lower."""
    if not title.isupper():
        return title
    small = {"and", "of", "the", "in", "for", "on", "to", "a", "an", "at", "by", "or"}
    words = title.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))
