"""An uploaded agenda pack and its journey: queued → processing → needs review → published."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


def published_rows(pack_field: str = "pack") -> Q:
    """Rows everyone may read: from a published pack, or entered by hand (no pack at all).

    The one definition of "published" for anything read from a pack; Pack.objects.published()
    is the same rule for packs themselves.
    """
    return Q(**{f"{pack_field}__isnull": True}) | Q(
        **{f"{pack_field}__status": Pack.Status.PUBLISHED}
    )


class PackQuerySet(models.QuerySet):
    """Every change of a pack's status, stated once (the services call these, never .update())."""

    def published(self):
        return self.filter(status=Pack.Status.PUBLISHED)

    def claim(self, pack_id) -> bool:
        """Take a queued pack (or one whose worker died mid-read) for reading; False if finished."""
        return bool(
            self.filter(pk=pack_id, status__in=[Pack.Status.QUEUED, Pack.Status.PROCESSING]).update(
                status=Pack.Status.PROCESSING,
                started_at=timezone.now(),
                reason="",
                attempts=models.F("attempts") + 1,
            )
        )

    def fail(self, reason: str) -> int:
        return self.update(status=Pack.Status.FAILED, reason=reason)

    def requeue(self) -> int:
        """Failed or stuck packs go back to the queue, to be sent to the worker again."""
        return self.filter(Pack.retryable_q()).update(
            status=Pack.Status.QUEUED, reason="", sent_at=None, attempts=0
        )

    def back_to_queue(self) -> int:
        """A read cut short by a fault (the database, a killed worker): the sweep sends it again."""
        return self.filter(status__in=[Pack.Status.QUEUED, Pack.Status.PROCESSING]).update(
            status=Pack.Status.QUEUED, sent_at=None
        )

    def mark_sent(self) -> int:
        return self.filter(status=Pack.Status.QUEUED).update(sent_at=timezone.now())

    def unsent(self, grace=datetime.timedelta(seconds=30)):
        """The outbox: queued packs whose task never reached the broker (or got lost there)."""
        now = timezone.now()
        lost = now - datetime.timedelta(seconds=settings.INGEST_RESEND_AFTER)
        return self.filter(status=Pack.Status.QUEUED).filter(
            Q(sent_at=None, uploaded_at__lt=now - grace) | Q(sent_at__lt=lost)
        )

    def stale_claims(self):
        """Packs 'processing' for longer than the task may run: their worker is gone."""
        return self.filter(status=Pack.Status.PROCESSING, started_at__lt=Pack.stale_before())

    def supersede(self) -> int:
        return self.update(status=Pack.Status.SUPERSEDED)


class Pack(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        NEEDS_REVIEW = "needs_review", "Needs review"
        PUBLISHED = "published", "Published"
        FAILED = "failed", "Failed"
        DISCARDED = "discarded", "Discarded"
        SUPERSEDED = "superseded", "Replaced by a corrected pack"

    # Statuses whose extracted rows exist in the database (drafts or published).
    STORED = (Status.NEEDS_REVIEW, Status.PUBLISHED)

    file = models.FileField(upload_to="packs/%Y/%m/")
    original_filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    size_bytes = models.PositiveBigIntegerField(default=0)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    reason = models.TextField(
        blank=True, help_text="Why the pack failed, in words for the officer."
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    committee = models.ForeignKey(
        "meetings.Committee", null=True, blank=True, on_delete=models.SET_NULL, related_name="packs"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="packs"
    )
    # The officer's choice of panel and meeting (upload form or review screen): it outranks what
    # was read, and files a pack that names neither (a lone dashboard, one report).
    filed_committee = models.ForeignKey(
        "meetings.Committee", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filed_date = models.DateField(null=True, blank=True)
    extraction = models.JSONField(null=True, blank=True, help_text="The PACK_SCHEMA extraction.")
    extraction_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the ingest task reached the broker (the outbox)."
    )
    attempts = models.PositiveSmallIntegerField(
        default=0, help_text="How many times a worker has started reading this pack."
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    replaces = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
        help_text="The earlier pack for the same meeting that this corrected pack replaces.",
    )

    objects = PackQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]
        constraints = [
            # The same file may be uploaded again only once its earlier copy was discarded.
            models.UniqueConstraint(
                fields=["sha256"],
                condition=~Q(status="discarded"),
                name="one_live_pack_per_file",
            )
        ]

    def __str__(self):
        return self.original_filename

    def get_absolute_url(self):
        return reverse("meetings:pack", args=[self.pk])

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_draft(self):
        return self.status == self.Status.NEEDS_REVIEW

    @property
    def is_working(self):
        return self.status in (self.Status.QUEUED, self.Status.PROCESSING)

    @staticmethod
    def stale_before():
        return timezone.now() - datetime.timedelta(seconds=settings.INGEST_STALE_AFTER)

    @staticmethod
    def retryable_q() -> Q:
        """Failed, or stuck: queued but never sent, or claimed by a worker that is gone."""
        return (
            Q(status=Pack.Status.FAILED)
            | Q(status=Pack.Status.QUEUED, sent_at=None)
            | Q(status=Pack.Status.PROCESSING, started_at__lt=Pack.stale_before())
        )

    @property
    def is_stuck(self):
        if self.status == self.Status.QUEUED:
            return self.sent_at is None and self.uploaded_at < timezone.now() - datetime.timedelta(
                seconds=30
            )
        if self.status == self.Status.PROCESSING:
            return bool(self.started_at and self.started_at < self.stale_before())
        return False

    @property
    def not_sent(self):
        """Saved and queued, but the worker's broker could not be reached yet (the outbox)."""
        return self.status == self.Status.QUEUED and self.sent_at is None

    @property
    def can_retry(self):
        return self.status == self.Status.FAILED or self.is_stuck

    @property
    def progress_percent(self):
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))

    @property
    def warnings(self):
        return (self.extraction or {}).get("warnings", [])
