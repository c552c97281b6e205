"""Members over time: who sat on the panel when (from each pack's front sheet), in what role,
appointed members and vacancies, and each member's attendance across meetings (from minutes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from meetings.models import Attendance, Pack
from meetings.services.memberships import ROLE_WORDS
from scrutiny.access import is_staff_reader, published_filter


@dataclass
class Spell:
    """An unbroken run of front sheets listing the same person in the same role."""

    role: str
    first: object  # date of the first meeting whose front sheet lists it
    last: object


@dataclass
class Member:
    name: str
    appointed: bool = False
    capacity: str = ""
    spells: list[Spell] = field(default_factory=list)
    present: int = 0
    apologies: int = 0
    attendance: dict = field(default_factory=dict)  # meeting date -> "present" / "apologies"
    current: bool = False
    by_meeting: list = field(default_factory=list)  # attendance in the order of the meetings

    @property
    def role_now(self):
        return self.spells[-1].role if self.spells else ""

    @property
    def attendance_rate(self):
        held = self.present + self.apologies
        return round(100 * self.present / held) if held else None


def key_of(name: str) -> str:
    return " ".join((name or "").lower().split())


TITLES = {"councillor", "cllr", "cllr.", "mr", "mrs", "ms", "miss"}


def canonical_names(names) -> dict[str, str]:
    """{key: the name to show}. "Councillor Laurent" on one front sheet and "Councillor V Laurent"
    on the next are one person when only one Laurent with a first name or initial is known;
    two different initials ("A Bunday", "T Bunday") stay two people."""
    parsed = {}
    for name in names:
        words = name.split()
        rest = [w for w in words if w.lower() not in TITLES]
        if rest:
            parsed[key_of(name)] = (name.strip(), rest[-1].lower(), rest[:-1])
    canonical = {key: name for key, (name, _, _) in parsed.items()}
    for key, (_, surname, given) in parsed.items():
        if given:
            continue
        fuller = {n for n, s, g in parsed.values() if s == surname and g}
        if len(fuller) == 1:
            canonical[key] = fuller.pop()
    return canonical


def front_sheets(user, committee) -> list[tuple[object, dict]]:
    """(meeting date, front sheet) of each pack the user may see, oldest first; one a meeting."""
    packs = Pack.objects.filter(committee=committee, meeting__isnull=False)
    packs = (
        packs.filter(status__in=Pack.STORED)
        if is_staff_reader(user)
        else packs.filter(status=Pack.Status.PUBLISHED)
    )
    rows = packs.order_by("meeting__date", "status").values_list(
        "meeting__date", "extraction__meeting"
    )
    by_date = {}
    for date, front in rows:
        if isinstance(front, dict) and (front.get("members") or front.get("appointed_members")):
            by_date[date] = front
    return sorted(by_date.items())


def role_label(printed) -> str:
    role = ROLE_WORDS.get((printed or "").strip().lower())
    return role.label if role else "Member"


def members_over_time(user, committee) -> dict:
    sheets = front_sheets(user, committee)
    attendance = list(
        Attendance.objects.filter(meeting__committee=committee)
        .filter(published_filter(user))
        .select_related("person", "meeting")
        .order_by("meeting__date")
    )
    names = [row.person.name for row in attendance] + [
        entry["name"]
        for _, front in sheets
        for entry in (front.get("members") or []) + (front.get("appointed_members") or [])
        if entry.get("name")
    ]
    canonical = canonical_names(names)
    members: dict[str, Member] = {}
    vacancies = []
    previous = None
    for date, front in sheets:
        for entry in front.get("members") or []:
            if entry.get("name"):
                name = canonical.get(key_of(entry["name"]), entry["name"])
                extend(members, name, role_label(entry.get("role")), date, previous)
        for entry in front.get("appointed_members") or []:
            capacity = entry.get("capacity") or ""
            if entry.get("vacancy") or not entry.get("name"):
                extend_vacancy(vacancies, capacity, date, previous)
                continue
            name = canonical.get(key_of(entry["name"]), entry["name"])
            member = extend(members, name, "Appointed member", date, previous)
            member.appointed, member.capacity = True, capacity
        previous = date

    meetings = []
    for row in attendance:
        if row.meeting.date not in meetings:
            meetings.append(row.meeting.date)
        name = canonical.get(key_of(row.person.name), row.person.name)
        member = members.setdefault(key_of(name), Member(name))
        if member.attendance.get(row.meeting.date) == Attendance.Status.PRESENT:
            continue  # printed twice (two packs' minutes of one meeting): count it once
        if row.meeting.date not in member.attendance:
            if row.status == Attendance.Status.PRESENT:
                member.present += 1
            else:
                member.apologies += 1
        member.attendance[row.meeting.date] = row.status

    latest = sheets[-1][0] if sheets else None
    for member in members.values():
        member.current = bool(member.spells and member.spells[-1].last == latest)
        member.by_meeting = [member.attendance.get(date) for date in meetings]
    ordered = sorted(
        members.values(), key=lambda m: (not m.current, m.appointed, not m.spells, m.name)
    )
    return {
        "committee": committee,
        "members": [m for m in ordered if not m.appointed],
        "appointed": [m for m in ordered if m.appointed],
        "vacancies": vacancies,
        "sheet_dates": [date for date, _ in sheets],
        "attendance_dates": meetings,
        "latest_sheet": latest,
    }


def extend(members, name, role, date, previous) -> Member:
    """Continue the member's spell if the previous front sheet listed them in the same role."""
    member = members.setdefault(key_of(name), Member(name.strip()))
    spell = member.spells[-1] if member.spells else None
    if spell and spell.role == role and spell.last == previous:
        spell.last = date
    else:
        member.spells.append(Spell(role, date, date))
    return member


def extend_vacancy(vacancies, capacity, date, previous):
    for vacancy in vacancies:
        if vacancy.role == capacity and vacancy.last != date:
            vacancy.last = date
            return
    vacancies.append(Spell(capacity, date, date))
