"""A panel's meetings over time and its members over time."""

from django.shortcuts import get_object_or_404, render

from meetings.selectors.meetings import panel_meetings
from meetings.selectors.members import members_over_time
from meetings.selectors.visibility import visible_committees
from scrutiny.access import public


@public
def meetings_list(request, slug):
    committee = get_object_or_404(visible_committees(request.user), slug=slug)
    return render(request, "meetings/meetings_list.html", panel_meetings(request.user, committee))


@public
def members(request, slug):
    committee = get_object_or_404(visible_committees(request.user), slug=slug)
    return render(request, "meetings/members.html", members_over_time(request.user, committee))
