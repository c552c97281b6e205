"""Search across the papers."""

from django.shortcuts import render

from meetings.forms.search import SearchForm
from meetings.selectors.search import search
from meetings.services.search import DOCUMENTS
from scrutiny.access import public


@public
def search_page(request):
    form = SearchForm(request.GET or None, user=request.user)
    page = None
    if form.is_valid():
        page = search(request.user, form.filters())
    return render(
        request,
        "meetings/search.html",
        {
            "form": form,
            "page": page,
            "kinds": DOCUMENTS,
        },
    )
