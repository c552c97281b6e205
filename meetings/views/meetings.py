"""Public pages: a panel, a meeting, a pack's PDF."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from meetings import selectors
from meetings.models import Pack, PublicPdf
from meetings.selectors.pages import current_pack_for, exempt_pages
from meetings.selectors.visibility import visible_committees
from meetings.services.page_images import build_public_pdf
from scrutiny.access import can_see_pack, can_see_whole_pack, public


@public
def committee_detail(request, slug):
    committee = get_object_or_404(visible_committees(request.user), slug=slug)
    return render(
        request, "meetings/committee.html", selectors.committee_page(request.user, committee)
    )


@public
def meeting_detail(request, pk):
    meeting = get_object_or_404(selectors.visible_meetings(request.user), pk=pk)
    return render(request, "meetings/meeting.html", selectors.meeting_page(request.user, meeting))


@public
def pack_pdf(request, pk):
    """The pack as uploaded for those who may see all of it; the public copy for everyone else.

    A file with scripts, embedded files or actions on opening is only ever a download.
    """
    pack = get_object_or_404(Pack.objects.select_related("meeting"), pk=pk)
    current = current_pack_for(request.user, pack)
    if current is not None:  # an old link to a replaced pack
        return redirect("meetings:pack_pdf", current.pk)
    if not can_see_pack(request.user, pack):
        raise Http404
    exempt = exempt_pages(pack)
    facts = PublicPdf.objects.filter(pack=pack).first()
    if can_see_whole_pack(request.user, pack, exempt):
        file = pack.file
    else:
        if facts is None or not facts.file or set(facts.exempt_pages) != exempt:
            facts = build_public_pdf(pack, exempt)  # once, for a pack published before copies
        file = facts.file
    inline = facts is not None and facts.served_inline
    return FileResponse(
        file.open("rb"),
        content_type="application/pdf",
        as_attachment=not inline,
        filename=pack.original_filename,
    )
