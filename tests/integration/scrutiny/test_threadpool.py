"""Without Redis (the embedded default) a thread pool stands in for the broker: an upload returns
before its pack is read, and the pack is read in the background exactly as a worker would."""

import threading

import pytest

from meetings.models import AgendaItem, Pack
from meetings.services.packs import receive_pack
from scrutiny import threadpool
from tests.fixtures.builders import other_year_pack

pytestmark = pytest.mark.django_db(transaction=True)  # the pool's thread has its own connection


@pytest.fixture
def no_broker(settings):
    settings.TASKS_IN_THREADS = True  # as with REDIS_URL unset (conftest keeps tasks eager)
    gate = threading.Event()
    threadpool._pool.submit(gate.wait, 60)  # hold the pool until the test has looked
    yield gate
    gate.set()
    threadpool.wait_idle()


@pytest.fixture
def small_pack(tmp_path):
    return other_year_pack(tmp_path / "pack.pdf")


def test_the_upload_returns_before_the_pack_is_read(no_broker, small_pack, users):
    with open(small_pack, "rb") as handle:
        pack = receive_pack(handle, filename="pack.pdf", user=users["dso"])
    pack.refresh_from_db()
    assert pack.status == Pack.Status.QUEUED  # returned at once: the page can show progress
    no_broker.set()
    threadpool.wait_idle(timeout=120)
    pack.refresh_from_db()
    assert pack.status == Pack.Status.NEEDS_REVIEW
    assert AgendaItem.objects.filter(pack=pack).exists()


def test_eager_and_inline_when_the_setting_is_off(settings, small_pack, users):
    settings.TASKS_IN_THREADS = False  # the tests' own default: tasks run inline
    with open(small_pack, "rb") as handle:
        pack = receive_pack(handle, filename="pack.pdf", user=users["dso"])
    pack.refresh_from_db()
    assert pack.status == Pack.Status.NEEDS_REVIEW
