"""A real Celery worker, a real Redis broker, the real PostgreSQL test database."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from indicators.models import Observation
from meetings.models import AgendaItem, Pack
from meetings.services.packs import receive_pack

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[3]


def worker_env(**extra):
    db = connection.settings_dict
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": os.environ["REDIS_URL"],
        "CELERY_RESTORE_INTERVAL": "1",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **extra,
    }


WORKER_FLAGS = ["-l", "warning", "--without-gossip", "--without-mingle"]


def start_worker(visibility=60, command=None, **extra):
    env = worker_env(CELERY_VISIBILITY=str(visibility), **extra)
    command = command or [sys.executable, "-m", "celery", "-A", "scrutiny", "worker", "--pool=solo"]
    return subprocess.Popen(
        [*command, *WORKER_FLAGS],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def stop(worker, sig=signal.SIGTERM):
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
        worker.wait(timeout=30)


def stop_and_read(worker):
    stop(worker)
    return worker.stderr.read().decode(errors="replace")[-3000:]


def wait_for(predicate, timeout=300, step=0.05):  # generous: CI shares two cores
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def status_of(pack):
    return Pack.objects.values_list("status", flat=True).get(pk=pack.pk)


def test_worker_ingests_an_uploaded_pack(broker, corpus_pdf):
    worker = start_worker()
    try:
        with open(corpus_pdf("2023-03-30"), "rb") as handle:
            pack = receive_pack(handle, filename="pack-2023-03-30.pdf")
        assert wait_for(lambda: status_of(pack) not in ("queued", "processing")), (
            "worker never finished"
        )
        pack.refresh_from_db()
        assert pack.status == Pack.Status.NEEDS_REVIEW, pack.reason
        assert pack.progress_done == pack.progress_total == 66
        assert AgendaItem.objects.filter(pack=pack).count() >= 1
    finally:
        stop(worker)


def test_a_worker_killed_mid_pack_gives_exactly_one_result(broker, corpus_pdf):
    worker = start_worker(visibility=3)
    with open(corpus_pdf("2022-03-31"), "rb") as handle:
        pack = receive_pack(handle, filename="pack-2022-03-31.pdf")
    try:
        assert wait_for(lambda: status_of(pack) == "processing", timeout=180, step=0.01)
        stop(worker, signal.SIGKILL)  # no chance to acknowledge: the message stays unacked
        assert status_of(pack) == "processing"
        worker = start_worker(visibility=3)
        assert wait_for(lambda: status_of(pack) == "needs_review"), status_of(pack)
        first = AgendaItem.objects.filter(pack=pack).count()
        values = Observation.objects.filter(pack=pack).count()
        time.sleep(4)  # past the visibility timeout: nothing is delivered or stored twice
        assert AgendaItem.objects.filter(pack=pack).count() == first
        assert Observation.objects.filter(pack=pack).count() == values
    finally:
        stop(worker)


def test_a_parser_that_hangs_is_stopped_and_the_pack_fails_with_a_sentence(
    broker, corpus_pdf, settings
):
    # The limits travel in the message's headers from the sender, so both ends get them.
    settings.INGEST_SOFT_TIME_LIMIT, settings.INGEST_TIME_LIMIT = 2, 20
    worker = start_worker(
        command=[sys.executable, "-m", "tests.integration.meetings.patched_worker", "hang"],
        INGEST_SOFT_TIME_LIMIT="2",
        INGEST_TIME_LIMIT="20",
    )
    try:
        with open(corpus_pdf("2023-03-30"), "rb") as handle:
            pack = receive_pack(handle, filename="pack-2023-03-30.pdf")
        assert wait_for(lambda: status_of(pack) == "failed"), stop_and_read(worker)
        pack.refresh_from_db()
        assert pack.reason.startswith("Reading this pack took longer than 2 seconds")
        assert "nothing from it was saved" in pack.reason
        assert not AgendaItem.objects.filter(pack=pack).exists()
    finally:
        stop(worker)
