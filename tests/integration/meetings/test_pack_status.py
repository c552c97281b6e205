"""Every status change of a pack is a PackQuerySet method: claim, fail, requeue, the outbox."""

import datetime

import pytest
from django.utils import timezone

from meetings.models import Pack, published_rows
from tests.factories import PackFactory

pytestmark = pytest.mark.django_db


def pack(**fields):
    return PackFactory(meeting=None, committee=None, **fields)


def test_claim_takes_a_queued_pack_counts_the_attempt_and_leaves_finished_ones():
    queued, done = pack(status="queued"), pack(status="needs_review")
    assert Pack.objects.claim(queued.pk)
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == ("processing", 1) and queued.started_at
    assert Pack.objects.claim(queued.pk)  # a redelivered message after a killed worker
    assert not Pack.objects.claim(done.pk)
    assert Pack.objects.get(pk=done.pk).status == "needs_review"


def test_requeue_only_touches_failed_or_stuck_packs(settings):
    settings.INGEST_STALE_AFTER = 60
    failed = pack(status="failed", reason="boom", attempts=3)
    working = pack(status="processing", started_at=timezone.now())
    stale = pack(status="processing", started_at=timezone.now() - datetime.timedelta(hours=1))
    published = pack(status="published")
    assert Pack.objects.all().requeue() == 2
    failed.refresh_from_db()
    assert (failed.status, failed.reason, failed.attempts, failed.sent_at) == (
        "queued",
        "",
        0,
        None,
    )
    assert Pack.objects.get(pk=stale.pk).status == "queued"
    assert Pack.objects.get(pk=working.pk).status == "processing"
    assert Pack.objects.get(pk=published.pk).status == "published"


def test_the_outbox_holds_unsent_packs_after_a_grace_and_lost_ones_after_a_while(settings):
    settings.INGEST_RESEND_AFTER = 600
    old = timezone.now() - datetime.timedelta(minutes=5)
    unsent = pack(status="queued")
    Pack.objects.filter(pk=unsent.pk).update(uploaded_at=old)
    just_uploaded = pack(status="queued")
    sent = pack(status="queued", sent_at=timezone.now())
    lost = pack(status="queued", sent_at=timezone.now() - datetime.timedelta(hours=1))
    ids = set(Pack.objects.unsent().values_list("pk", flat=True))
    assert ids == {unsent.pk, lost.pk}
    assert just_uploaded.pk not in ids and sent.pk not in ids
    Pack.objects.filter(pk=unsent.pk).mark_sent()
    assert Pack.objects.get(pk=unsent.pk).sent_at is not None


def test_is_stuck_and_can_retry(settings):
    settings.INGEST_STALE_AFTER = 60
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    unsent = pack(status="queued")
    Pack.objects.filter(pk=unsent.pk).update(uploaded_at=long_ago)
    unsent.refresh_from_db()
    assert unsent.is_stuck and unsent.can_retry and unsent.not_sent
    assert not pack(status="queued", sent_at=timezone.now()).is_stuck
    assert pack(status="processing", started_at=long_ago).is_stuck
    assert not pack(status="processing", started_at=timezone.now()).can_retry
    assert pack(status="failed").can_retry
    assert not pack(status="published").can_retry


def test_published_rows_is_the_one_rule(published_corpus):
    from indicators.models import Observation

    draft = pack(status="needs_review")
    visible = Observation.objects.filter(published_rows())
    assert visible.exists()
    assert not visible.filter(pack=draft).exists()
    assert set(Pack.objects.published()) == set(published_corpus)
