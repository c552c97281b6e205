"""The beat-scheduled ModernGov sync through a real Celery worker, Redis and PostgreSQL."""

import pytest

from meetings.models import ModernGovFeed, Pack, SyncRun
from tests import moderngov_server
from tests.integration.meetings.test_worker import start_worker, stop, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_scheduled_sync_runs_on_a_worker_and_queues_the_pack(broker, monkeypatch):
    fake, server = moderngov_server.start()
    fake.standard_council()
    monkeypatch.setenv("MODERNGOV_RETRIES", "0")
    feed = ModernGovFeed.objects.create(base_url=fake.url, moderngov_committee=123)
    entry = broker.conf.beat_schedule["sync-moderngov"]
    worker = start_worker()
    try:
        broker.send_task(entry["task"], args=entry.get("args", ()))
        assert wait_for(
            lambda: SyncRun.objects.filter(feed=feed, finished_at__isnull=False).exists()
        )
        run = SyncRun.objects.get(feed=feed)
        assert run.outcome in (SyncRun.Outcome.OK, SyncRun.Outcome.PARTLY), run.problems
        assert "New meeting: 31 March 2022." in run.changes
        # The pack it fetched was queued and read by the same worker, waiting for review.
        assert wait_for(lambda: Pack.objects.filter(status=Pack.Status.NEEDS_REVIEW).exists())
    finally:
        stop(worker)
        server.shutdown()
        server.server_close()
