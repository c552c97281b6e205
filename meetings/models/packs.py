"""An uploaded agenda pack and its journey: queued → processing → needs review → published."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


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

    @property
    def progress_percent(self):
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))

    @property
    def warnings(self):
        return (self.extraction or {}).get("warnings", [])
