"""Celery tasks: thin wrappers over services."""

from celery import shared_task
from django.conf import settings

from meetings.models import ModernGovFeed
from meetings.services.moderngov import sync_moderngov
from meetings.services.packs import ingest_pack


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def ingest_pack_task(self, pack_id: int) -> str:
    return ingest_pack(pack_id).status


@shared_task(
    acks_late=True,
    soft_time_limit=settings.MODERNGOV_SYNC_TIME_LIMIT - 60,
    time_limit=settings.MODERNGOV_SYNC_TIME_LIMIT,
)
def sync_moderngov_task(feed_ids: list[int] | None = None) -> list[str]:
    """Beat-scheduled (settings.CELERY_BEAT_SCHEDULE) for every feed, or for the ones an officer
    asked for; safe to run twice: keyed by ModernGov's ids, and a feed already syncing is skipped."""
    feeds = ModernGovFeed.objects.filter(pk__in=feed_ids) if feed_ids else None
    return [run.outcome for run in sync_moderngov(feeds)]
