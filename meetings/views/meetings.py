"""Public pages: a panel, a meeting, a pack's PDF."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from meetings import selectors
from meetings.models import Committee, Pack
from meetings.selectors.glossary import acronyms
from scrutiny.access import can_see_pack, public


@public
def committee_detail(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    return render(
        request, "meetings/committee.html", selectors.committee_page(request.user, committee)
    )


@public
def meeting_detail(request, pk):
    meeting = get_object_or_404(selectors.visible_meetings(request.user), pk=pk)
    context = selectors.meeting_page(request.user, meeting)
    context["terms"] = acronyms(request.user, meeting.committee)
    return render(request, "meetings/meeting.html", context)


@public
def pack_pdf(request, pk):
    pack = get_object_or_404(Pack, pk=pk)
    if not can_see_pack(request.user, pack):
        raise Http404
    return FileResponse(
        pack.file.open("rb"), content_type="application/pdf", filename=pack.original_filename
    )
