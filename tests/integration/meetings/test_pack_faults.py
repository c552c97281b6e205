"""No pack is ever stuck: Redis down at upload, a worker killed, the database cut mid-read.

A real Celery worker, real Redis and the real PostgreSQL test database, as in test_worker.py.
"""

import datetime
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from indicators.models import Observation
from meetings.models import AgendaItem, Pack
from meetings.services.ingestion import packs_to_send
from meetings.services.packs import NOT_SENT, DuplicatePack, receive_pack
from meetings.tasks import sweep_packs_task

from .test_worker import ROOT, start_worker, status_of, stop, stop_and_read, wait_for, worker_env

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CLOSED_PORT = "redis://127.0.0.1:1/0"

UPLOAD_WITH_BROKER_DOWN = """
import sys, time, django
django.setup()
from meetings.services.packs import receive_pack
started = time.monotonic()
with open(sys.argv[1], "rb") as handle:
    pack = receive_pack(handle, filename="pack.pdf")
print(pack.pk, pack.status, pack.not_sent, round(time.monotonic() - started, 1))
"""


def sweep():
    """What celery beat runs every minute (without its 30 s grace, so the test need not wait)."""
    return sweep_packs_task.run(grace_seconds=0)


def test_redis_down_at_upload_keeps_the_pack_and_the_sweep_sends_it(broker, corpus_pdf):
    env = worker_env(REDIS_URL=CLOSED_PORT, DJANGO_SETTINGS_MODULE="scrutiny.settings")
    upload = subprocess.run(
        [sys.executable, "-c", UPLOAD_WITH_BROKER_DOWN, str(corpus_pdf("2023-03-30"))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert upload.returncode == 0, upload.stderr[-2000:]
    pk, status, not_sent, seconds = upload.stdout.split()
    assert (status, not_sent) == ("queued", "True")
    assert float(seconds) < 10, f"the upload waited {seconds} s on a dead broker"
    pack = Pack.objects.get(pk=pk)
    assert pack.sent_at is None and pack.file.size > 0  # stored, in the outbox

    worker = start_worker()
    try:
        assert sweep() == 1  # Redis is back: the sweep sends it
        assert wait_for(lambda: status_of(pack) == "needs_review"), stop_and_read(worker)
        assert sweep() == 0  # and never twice
    finally:
        stop(worker)


def test_the_upload_page_says_plainly_when_the_reader_is_unreachable(
    client, users, corpus_pdf, monkeypatch
):
    from meetings import tasks

    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(tasks.ingest_pack_task, "apply_async", broker_down)
    client.force_login(users["dso"])
    with open(corpus_pdf("2023-03-30"), "rb") as handle:
        response = client.post(reverse("meetings:pack_upload"), {"file": handle}, follow=True)
    assert NOT_SENT in response.content.decode()
    pack = Pack.objects.get()
    assert pack.not_sent

    # Re-uploading the same file leads to that pack, whose page offers to try again.
    pack.uploaded_at = timezone.now() - datetime.timedelta(minutes=2)
    pack.save(update_fields=["uploaded_at"])
    with open(corpus_pdf("2023-03-30"), "rb") as handle, pytest.raises(DuplicatePack) as again:
        receive_pack(handle, filename="again.pdf")
    assert "Try again" in str(again.value) and again.value.existing == pack
    page = client.get(pack.get_absolute_url()).content.decode()
    assert "Try again" in page and "could not be reached" in page


def test_a_killed_worker_s_pack_is_put_back_by_the_sweep(broker, corpus_pdf, settings):
    settings.INGEST_STALE_AFTER = 2  # in production: the hard time limit plus a minute
    worker = start_worker(visibility=3600)  # the broker alone would wait an hour
    with open(corpus_pdf("2022-03-31"), "rb") as handle:
        pack = receive_pack(handle, filename="pack-2022-03-31.pdf")
    try:
        assert wait_for(lambda: status_of(pack) == "processing", timeout=180, step=0.01)
        stop(worker, signal.SIGKILL)
        worker = start_worker(visibility=3600)
        time.sleep(2.5)
        assert Pack.objects.get(pk=pack.pk).is_stuck
        assert sweep() == 1
        assert wait_for(lambda: status_of(pack) == "needs_review"), stop_and_read(worker)
        assert AgendaItem.objects.filter(pack=pack).count() >= 1
        first = Observation.objects.filter(pack=pack).count()
        assert sweep() == 0
        time.sleep(2)
        assert Observation.objects.filter(pack=pack).count() == first
    finally:
        stop(worker)


def test_a_pack_whose_reads_keep_dying_fails_with_a_sentence(db, settings, corpus_pdf):
    settings.INGEST_STALE_AFTER = 0
    with open(corpus_pdf("2023-03-30"), "rb") as handle:
        pack = receive_pack(handle, filename="pack.pdf", enqueue=False)
    Pack.objects.filter(pk=pack.pk).update(
        status=Pack.Status.PROCESSING,
        attempts=settings.INGEST_MAX_ATTEMPTS,
        started_at=timezone.now() - datetime.timedelta(seconds=5),
    )
    assert packs_to_send(grace_seconds=0) == []
    pack.refresh_from_db()
    assert pack.status == "failed" and "never finished" in pack.reason and pack.can_retry


def cut_database(seconds):
    """Terminate every connection to the test database but ours and refuse new ones a while.

    Run from the maintenance database: a database cannot close its own doors."""
    import psycopg2

    db = connection.settings_dict
    name = db["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        ours = cursor.fetchone()[0]
    admin = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname="postgres")
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            try:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> %s",
                    [name, ours],
                )
                time.sleep(seconds)
            finally:
                cursor.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    finally:
        admin.close()


SLOW_WORKER = [sys.executable, "-m", "tests.integration.meetings.patched_worker", "slow"]


def test_a_database_cut_mid_read_puts_the_pack_back_and_it_is_read_again(broker, corpus_pdf):
    worker = start_worker(command=SLOW_WORKER)  # pauses at each 10 pages: surely mid-read
    with open(corpus_pdf("2022-03-31"), "rb") as handle:
        pack = receive_pack(handle, filename="pack-2022-03-31.pdf")
    try:
        assert wait_for(
            lambda: Pack.objects.filter(pk=pack.pk, progress_done__gte=10).exists(),
            timeout=180,
            step=0.01,
        )
        cut_database(3)  # the error handler itself meets the cut, and must outlast it
        assert wait_for(lambda: status_of(pack) == "queued"), stop_and_read(worker)
        assert not AgendaItem.objects.filter(pack=pack).exists()  # nothing half-written
        assert sweep() == 1
        assert wait_for(lambda: status_of(pack) == "needs_review"), stop_and_read(worker)
        assert Pack.objects.get(pk=pack.pk).attempts == 2
    finally:
        stop(worker)


def test_an_officer_can_retry_a_failed_pack_and_it_is_sent_once(broker, corpus_pdf):
    with open(corpus_pdf("2023-03-30"), "rb") as handle:
        pack = receive_pack(handle, filename="pack.pdf", enqueue=False)
    Pack.objects.filter(pk=pack.pk).fail("The worker was stopped.")
    worker = start_worker()
    try:
        from meetings.services.packs import retry_pack

        retry_pack(pack)
        assert wait_for(lambda: status_of(pack) == "needs_review"), (
            Pack.objects.values("status", "sent_at", "attempts", "reason").get(pk=pack.pk),
            stop_and_read(worker)[-800:],
        )
        retry_pack(pack)  # a finished pack is not sent again
        assert status_of(pack) == "needs_review"
    finally:
        stop(worker)
