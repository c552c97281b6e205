"""The councillor's briefing for a panel's next meeting: a page (printable) and a PDF."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings.selectors.visibility import visible_committees
from meetings.services import briefing_pdf
from meetings.services.briefing import build_briefing
from scrutiny.access import public


def briefing_context(request, slug):
    committee = get_object_or_404(visible_committees(request.user), slug=slug)
    return build_briefing(request.user, committee)


@public
def briefing(request, slug):
    return render(request, "meetings/briefing.html", briefing_context(request, slug))


@public
def briefing_download(request, slug):
    context = briefing_context(request, slug)
    response = HttpResponse(briefing_pdf.as_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="briefing-{slug}.pdf"'
    return response
