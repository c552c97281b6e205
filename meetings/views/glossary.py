"""A panel's glossary of terms and acronyms."""

from django.shortcuts import get_object_or_404, render

from meetings.selectors.glossary import glossary_page
from meetings.selectors.visibility import visible_committees
from scrutiny.access import public


@public
def glossary(request, slug):
    committee = get_object_or_404(visible_committees(request.user), slug=slug)
    context = glossary_page(request.user, committee, q=request.GET.get("q", "").strip())
    return render(request, "meetings/glossary.html", context)
