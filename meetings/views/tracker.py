"""The recommendation tracker: lists, a recommendation's history, the scrutiny manager's edits."""

from django.shortcuts import get_object_or_404, render

from meetings.selectors import tracker as tracker_selectors
from scrutiny.access import public


@public
def tracker(request):
    context = tracker_selectors.tracker_page(request.user, request.GET)
    return render(request, "meetings/tracker.html", context)


@public
def recommendation_detail(request, pk):
    rec = get_object_or_404(tracker_selectors.visible_recommendations(request.user), pk=pk)
    return render(
        request,
        "meetings/recommendation.html",
        tracker_selectors.recommendation_page(request.user, rec),
    )
