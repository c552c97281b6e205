"""The officers' sync page: each panel's ModernGov feed, its last run, what changed, what failed."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from meetings.models import ModernGovFeed, SyncRun
from meetings.moderngov_tasks import sync_moderngov_task
from scrutiny.access import Can, requires


@requires(Can.STAFF_VIEWS)
def sync_status(request):
    feeds = ModernGovFeed.objects.select_related("committee").prefetch_related(
        Prefetch("runs", queryset=SyncRun.objects.order_by("-started_at")[:5], to_attr="recent")
    )
    return render(request, "meetings/moderngov.html", {"feeds": feeds})


@require_POST
@requires(Can.UPLOAD_PACKS)
def sync_now(request, pk):
    feed = get_object_or_404(ModernGovFeed, pk=pk)
    sync_moderngov_task.delay([feed.pk])
    messages.success(request, f"A sync of {feed.committee or 'the committee'} has been started.")
    return redirect("meetings:moderngov")
