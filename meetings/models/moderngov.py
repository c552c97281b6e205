"""A panel followed in its council's ModernGov, and what each sync found.

Everything is keyed by ModernGov's own ids, so a sync run twice changes nothing the second time;
the meeting itself is the ordinary Meeting (one per panel per day), matched, not duplicated,
when a pack created it first.
"""

from django.db import models


class ModernGovFeed(models.Model):
    """One panel's committee in a council's ModernGov (`GetMeetings?lCommitteeId=N`)."""

    committee = models.OneToOneField(
        "meetings.Committee",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="moderngov",
        help_text="Empty until the first sync names the panel from GetCommittees.",
    )
    base_url = models.URLField(
        help_text="The council's ModernGov site, e.g. https://democracy.example.gov.uk"
    )
    moderngov_committee = models.PositiveIntegerField(
        help_text="ModernGov's committee id (lCommitteeId)."
    )
    enabled = models.BooleanField(default=True)
    fetch_packs = models.BooleanField(
        default=True, help_text="Download each published agenda pack and queue it for reading."
    )
    # ETag / Last-Modified of each URL the server sent them for, for conditional requests.
    validators = models.JSONField(default=dict, blank=True, editable=False)
    last_synced_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["base_url", "moderngov_committee"], name="one_feed_per_moderngov_committee"
            )
        ]
        verbose_name = "ModernGov feed"

    def __str__(self):
        return f"{self.committee or 'Committee'} ({self.base_url}, id {self.moderngov_committee})"


class ModernGovMeeting(models.Model):
    feed = models.ForeignKey(ModernGovFeed, on_delete=models.CASCADE, related_name="meetings")
    moderngov_id = models.PositiveIntegerField()
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="moderngov"
    )
    status_text = models.CharField(max_length=100, blank=True)
    agenda_published = models.BooleanField(default=False)
    minutes_published = models.BooleanField(default=False)
    synced_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feed", "moderngov_id"], name="moderngov_meeting_once")
        ]

    def __str__(self):
        return f"ModernGov meeting {self.moderngov_id}"


class ModernGovAgendaItem(models.Model):
    """An agenda item as the committee system lists it, before (or beside) the pack's reading."""

    meeting = models.ForeignKey(
        ModernGovMeeting, on_delete=models.CASCADE, related_name="agenda_items"
    )
    key = models.CharField(max_length=40, help_text="ModernGov's item id, or its position.")
    number = models.CharField(max_length=20, blank=True)
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=500)
    exempt = models.BooleanField(default=False, help_text="isrestricted in ModernGov.")
    minutes = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="moderngov_item_once")
        ]

    def __str__(self):
        return self.title


class ModernGovDocument(models.Model):
    meeting = models.ForeignKey(
        ModernGovMeeting, on_delete=models.CASCADE, related_name="documents"
    )
    agenda_item = models.ForeignKey(
        ModernGovAgendaItem,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
    )
    key = models.CharField(max_length=40, help_text="ModernGov's attachment id, or its URL's hash.")
    title = models.CharField(max_length=500)
    url = models.URLField(max_length=1000)
    is_agenda_pack = models.BooleanField(default=False)
    pack = models.ForeignKey(
        "meetings.Pack",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderngov_documents",
    )
    problem = models.TextField(blank=True, help_text="Why the pack could not be fetched.")

    class Meta:
        ordering = ["meeting", "title"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="moderngov_document_once")
        ]

    def __str__(self):
        return self.title


class SyncRun(models.Model):
    class Outcome(models.TextChoices):
        RUNNING = "running", "Running"
        OK = "ok", "Up to date"
        PARTLY = "partly", "Partly done"
        FAILED = "failed", "Failed"

    feed = models.ForeignKey(ModernGovFeed, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.RUNNING)
    changes = models.JSONField(default=list, blank=True, help_text="What changed, in words.")
    problems = models.JSONField(default=list, blank=True, help_text="What failed and why.")

    class Meta:
        ordering = ["-started_at"]
        get_latest_by = "started_at"

    def __str__(self):
        return f"{self.feed} – {self.started_at:%Y-%m-%d %H:%M} {self.get_outcome_display()}"
