"""The panel's membership, as the front sheet of its latest published pack lists it."""

from __future__ import annotations

from meetings.models import Membership, Pack, Person

ROLE_WORDS = {
    "chair": Membership.Role.CHAIR,
    "vice-chair": Membership.Role.VICE_CHAIR,
    "vice chair": Membership.Role.VICE_CHAIR,
}


def sync_memberships(pack: Pack):
    """Replace the committee's membership with the pack's front sheet, if it is the latest meeting."""
    meeting = pack.meeting
    front = (pack.extraction or {}).get("meeting") or {}
    members, appointed = front.get("members") or [], front.get("appointed_members") or []
    if not meeting or not (members or appointed):
        return
    later = Pack.objects.published().filter(
        committee=pack.committee, meeting__date__gt=meeting.date
    )
    if later.exists():
        return  # an older pack being back-filled does not describe today's panel
    Membership.objects.filter(committee=pack.committee).delete()
    rows = []
    for member in members:
        if not member.get("name"):
            continue
        role = ROLE_WORDS.get((member.get("role") or "").strip().lower(), Membership.Role.MEMBER)
        rows.append(
            Membership(committee=pack.committee, person=person_named(member["name"]), role=role)
        )
    for member in appointed:
        rows.append(
            Membership(
                committee=pack.committee,
                person=None
                if member.get("vacancy") or not member.get("name")
                else person_named(member["name"]),
                role=Membership.Role.APPOINTED,
                capacity=(member.get("capacity") or "")[:200],
            )
        )
    Membership.objects.bulk_create(rows)


def person_named(name: str) -> Person:
    found = Person.objects.filter(name__iexact=name.strip()).first()
    return found or Person.objects.create(name=name.strip()[:200])
