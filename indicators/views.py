"""Councillors' indicator pages."""

from django.shortcuts import get_object_or_404, render

from indicators import selectors
from indicators.models import Indicator
from meetings.models import Committee
from scrutiny.access import Can, public, requires


@public
def dashboard(request, panel):
    committee = get_object_or_404(Committee, slug=panel)
    rows = selectors.dashboard_rows(request.user, committee)
    return render(request, "indicators/dashboard.html", {"committee": committee, "rows": rows})


@public
def indicator_detail(request, panel, slug):
    indicator = get_object_or_404(
        Indicator.objects.select_related("committee"), committee__slug=panel, slug=slug
    )
    context = selectors.indicator_page(request.user, indicator)
    return render(request, "indicators/indicator.html", context)


@requires(Can.EDIT_INDICATORS)
def merge(request, panel, slug):
    indicator = get_object_or_404(Indicator, committee__slug=panel, slug=slug)
    return render(request, "indicators/merge.html", {"indicator": indicator})
