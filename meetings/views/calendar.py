"""iCalendar feeds: one per panel, one for all panels."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from meetings.selectors.meetings import calendar_meetings
from meetings.selectors.visibility import visible_committees
from meetings.services.calendar import calendar_feed
from scrutiny.access import public


def ics_response(request, meetings, name, filename):
    body = calendar_feed(
        meetings, name=name, url_of=lambda m: request.build_absolute_uri(m.get_absolute_url())
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@public
def panel_calendar(request, slug):
    committee = get_object_or_404(visible_committees(request.user), slug=slug)
    meetings = calendar_meetings(request.user, committee)
    return ics_response(request, meetings, committee.name, f"{committee.slug}.ics")


@public
def all_calendar(request):
    meetings = calendar_meetings(request.user)
    return ics_response(request, meetings, "Scrutiny panels", "scrutiny-panels.ics")
