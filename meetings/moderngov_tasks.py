"""The ModernGov sync as a Celery task (beat-scheduled: settings.CELERY_BEAT_SCHEDULE).

Apart from tasks.py because the sync files packs through services/packs.py, which sends them
with tasks.py: one module would import itself round (settings.CELERY_IMPORTS registers this one).
"""

from celery import shared_task
from django.conf import settings

from meetings.models import ModernGovFeed
from meetings.services.moderngov import sync_moderngov


@shared_task(
    soft_time_limit=settings.MODERNGOV_SYNC_TIME_LIMIT - 60,
    time_limit=settings.MODERNGOV_SYNC_TIME_LIMIT,
)
def sync_moderngov_task(feed_ids: list[int] | None = None) -> list[str]:
    """For every feed, or those an officer asked for; safe to run twice: keyed by ModernGov's
    ids, and a feed already syncing is skipped."""
    feeds = ModernGovFeed.objects.filter(pk__in=feed_ids) if feed_ids else None
    return [run.outcome for run in sync_moderngov(feeds)]
