"""What the council's committee system lists for a meeting before its pack has been read."""

from meetings.models import ModernGovAgendaItem


def moderngov_agenda(meeting) -> list[ModernGovAgendaItem]:
    """The agenda as ModernGov lists it (titles are public there; restricted items are marked)."""
    return list(ModernGovAgendaItem.objects.filter(meeting__meeting=meeting).order_by("position"))
