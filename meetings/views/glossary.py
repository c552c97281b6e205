"""A panel's glossary of terms and acronyms."""

from django.shortcuts import get_object_or_404, render

from meetings.models import Committee
from meetings.selectors.glossary import glossary_page
from scrutiny.access import public


@public
def glossary(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    context = glossary_page(request.user, committee, q=request.GET.get("q", "").strip())
    return render(request, "meetings/glossary.html", context)
