"""Celery tasks: thin wrappers over services."""

from celery import shared_task

from meetings.services.packs import ingest_pack


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def ingest_pack_task(self, pack_id: int) -> str:
    return ingest_pack(pack_id).status
