"""Celery tasks: thin wrappers over services, and the one way a pack is sent to the worker.

acks_late and reject_on_worker_lost are set once, in settings (CELERY_TASK_*): a worker killed
mid-pack hands the message back, and ingest_pack is idempotent, so redelivery stores one result.
"""

import logging

from celery import shared_task
from django.conf import settings

from meetings.models import Pack
from meetings.services.ingestion import ingest_pack, packs_to_send

log = logging.getLogger(__name__)

# Redis down must not hold an upload for long: a few quick tries, then the outbox takes over.
SEND_RETRY = {"max_retries": 2, "interval_start": 0.2, "interval_step": 0.5, "interval_max": 1}


@shared_task(soft_time_limit=settings.INGEST_SOFT_TIME_LIMIT, time_limit=settings.INGEST_TIME_LIMIT)
def ingest_pack_task(pack_id: int) -> str:
    return ingest_pack(pack_id).status


@shared_task
def sweep_packs_task(grace_seconds: int = 30) -> int:
    """Run by celery beat: send what never reached the worker; put dead workers' packs back."""
    return sum(send_ingest(pack_id) for pack_id in packs_to_send(grace_seconds))


def send_ingest(pack_id: int) -> bool:
    """Hand a pack to the worker. If the broker cannot be reached the pack stays queued and
    unsent, and the sweep sends it when the broker is back: it is never lost."""
    try:
        ingest_pack_task.apply_async(
            (pack_id,),
            retry=True,
            retry_policy=SEND_RETRY,
            # The limits travel in the message; read now, so they follow the settings in force.
            soft_time_limit=settings.INGEST_SOFT_TIME_LIMIT,
            time_limit=settings.INGEST_TIME_LIMIT,
        )
    except Exception:  # kombu/redis raise several kinds; each means "not sent"
        log.warning("pack %s: the broker could not be reached; it stays in the outbox", pack_id)
        return False
    Pack.objects.filter(pk=pack_id).mark_sent()
    return True
