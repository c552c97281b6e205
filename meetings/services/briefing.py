"""The councillor's briefing for a panel's next meeting: one page, read in ten minutes.

What got worse since the figures before (with the figures), what breached its target, what fell
behind statistical neighbours, the officers' new commentary, the recommendations due or overdue
at this meeting, the agenda, and questions the data suggests. Status and direction come from
indicators/status.py (the one definition); this module only chooses and words them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from indicators import status as st
from indicators.models import Commentary
from indicators.periods import period_label
from indicators.selectors import dashboard_rows, last_published_meeting
from meetings.models import Pack, Recommendation
from meetings.selectors import visible_agenda, visible_meetings
from meetings.selectors.meetings import next_meeting, with_papers
from meetings.selectors.tracker import overdue_filter, visible_recommendations
from scrutiny.access import is_staff_reader

WORSE, BREACHED, BEHIND = "worse", "breached", "behind"
REASONS = {
    WORSE: "Got worse",
    BREACHED: "Now off target",
    BEHIND: "Fell behind statistical neighbours",
}


@dataclass
class Flagged:
    """An indicator that moved the wrong way since the figures before, and why it is here."""

    row: object  # indicators.selectors.Row
    reasons: list[str] = field(default_factory=list)

    @property
    def indicator(self):
        return self.row.indicator

    @property
    def unit(self):
        return self.row.indicator.unit

    def fmt(self, value):
        return st.format_value(value, self.unit)

    @property
    def now(self):
        return self.fmt(self.row.value)

    @property
    def before(self):
        return self.fmt(self.row.previous.value) if self.row.previous else "–"

    @property
    def before_period(self):
        return period_label(self.row.previous.period) if self.row.previous else ""

    @property
    def target(self):
        return self.fmt(self.row.target) if self.row.target is not None else None

    @property
    def neighbours(self):
        value = self.row.benchmark("statistical_neighbours")
        return self.fmt(value) if value is not None else None

    @property
    def reason_labels(self):
        return [REASONS[r] for r in self.reasons]

    @property
    def question(self) -> str:
        name = self.indicator.name
        moved = "fell" if (self.row.change or 0) < 0 else "rose"
        if WORSE in self.reasons and self.target and self.row.rag.key == "green":
            return (
                f"{name} {moved} from {self.before} to {self.now}, still meeting its target of "
                f"{self.target}: is the fall in performance expected to continue?"
            )
        if WORSE in self.reasons and self.target:
            return (
                f"{name} {moved} from {self.before} to {self.now} against a target of "
                f"{self.target}: what is the recovery plan?"
            )
        if BREACHED in self.reasons:
            return (
                f"{name} is {self.now} against a target of {self.target}, having been "
                f"{self.before} in {self.before_period}: what changed, and when will it be back "
                "on target?"
            )
        if BEHIND in self.reasons:
            return (
                f"{name} is {self.now}, behind statistical neighbours at {self.neighbours}: "
                "what are similar councils doing differently?"
            )
        return (
            f"{name} {moved} from {self.before} in {self.before_period} to {self.now} in "
            f"{self.row.period}: what is behind the change, and is it expected to continue?"
        )


def flag(row) -> Flagged | None:
    """Why this indicator belongs in the briefing, judged against its previous period."""
    if row.latest is None or row.previous is None:
        return None
    polarity, unit = row.indicator.polarity, row.indicator.unit
    reasons = []
    if row.direction.key == "worsening":
        reasons.append(WORSE)
    was = st.rag(row.previous.value, row.target, polarity, unit)
    if row.rag.key in ("red", "amber") and was.key == "green":
        reasons.append(BREACHED)
    neighbours = row.benchmark("statistical_neighbours")
    if row.worse_than_neighbours and not st.worse_than(row.previous.value, neighbours, polarity):
        reasons.append(BEHIND)
    return Flagged(row, reasons) if reasons else None


def recommendation_question(rec) -> str:
    due = f"due by {rec.due_date:%-d %B %Y}" if rec.due_date else "due at this meeting"
    asked = f" on {rec.made_on:%-d %B %Y}" if rec.made_on else ""
    text = rec.text if len(rec.text) <= 160 else rec.text[:157].rsplit(" ", 1)[0] + "…"
    return (
        f"The panel asked{asked}: “{text}” It was {due} and is "
        f"{rec.get_status_display().lower()}: what is left to do, and by when?"
    )


def briefing_meeting(user, committee, today=None):
    """The next meeting; when none is ahead, the latest meeting with papers (and say so)."""
    ahead = next_meeting(user, committee, today)
    if ahead is not None:
        return ahead, True
    latest = (
        with_papers(user, visible_meetings(user, committee))
        .filter(has_pack=True)
        .order_by("-date")
        .first()
    )
    return latest, False


def build_briefing(user, committee, today=None) -> dict:
    today = today or datetime.date.today()
    meeting, is_ahead = briefing_meeting(user, committee, today)
    figures_from = last_published_meeting(committee)
    rows = dashboard_rows(committee)
    current = [r for r in rows if r.latest and r.latest.reported_on == figures_from]
    flagged = [f for f in map(flag, current) if f is not None]
    flagged.sort(key=lambda f: (f.row.rag_rank, -len(f.reasons), f.indicator.name))  # worst first

    commentary = Commentary.objects.filter(committee=committee, reported_on=figures_from)
    if not is_staff_reader(user):
        commentary = commentary.filter(Q(pack=None) | Q(pack__status=Pack.Status.PUBLISHED))
    commentary = list(
        commentary.select_related("indicator").order_by("section", "pdf_page")
        if figures_from
        else []
    )

    due = Q(state=Recommendation.State.OPEN) & (
        overdue_filter(on=meeting.date if meeting else today)
        | Q(due_meeting=meeting)
        | Q(due_date=meeting.date if meeting else today)
    )
    recommendations = list(
        visible_recommendations(user)
        .filter(committee=committee)
        .filter(due)
        .exclude(status__in=[Recommendation.Progress.COMPLETE, Recommendation.Progress.REJECTED])
        .order_by("due_date", "made_on", "title", "number")
    )
    agenda = list(visible_agenda(user, meeting)) if meeting else []
    questions = [f.question for f in flagged[:8]]
    questions += [recommendation_question(rec) for rec in recommendations[:4]]
    return {
        "committee": committee,
        "meeting": meeting,
        "is_ahead": is_ahead,
        "figures_from": figures_from,
        "flagged": flagged,
        "counts": {reason: sum(1 for f in flagged if reason in f.reasons) for reason in REASONS},
        "indicator_count": len(rows),
        "commentary": commentary,
        "recommendations": recommendations,
        "agenda": agenda,
        "questions": questions,
        "generated_on": today,
    }
