"""What a pack contains: agenda items, reports, minutes with their resolutions, glossary terms.

Every row points at the pack it was read from (and the PDF page), so a draft pack's rows can be
reviewed, published or discarded together, and every statement traced to its page.
"""

from django.db import models


class FromPack(models.Model):
    pack = models.ForeignKey("meetings.Pack", on_delete=models.CASCADE, related_name="+")
    pdf_page = models.PositiveIntegerField(
        null=True, blank=True, help_text="1-based page of the pack PDF."
    )

    class Meta:
        abstract = True


class AgendaItem(FromPack):
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="agenda_items"
    )
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    first_page = models.PositiveIntegerField(
        null=True, blank=True, help_text="As printed: (Pages x - y)."
    )
    last_page = models.PositiveIntegerField(null=True, blank=True)
    exempt = models.BooleanField(
        default=False, help_text="Confidential: papers withheld from the public."
    )
    papers_pdf_page = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="1-based PDF page where the item's papers begin (the printed pages are stamps).",
    )

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["pack", "number"], name="agenda_number_once_per_pack")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def printed_pages(self):
        if self.first_page is None:
            return ""
        if self.last_page in (None, self.first_page):
            return f"Page {self.first_page}"
        return f"Pages {self.first_page}–{self.last_page}"


class Report(FromPack):
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="reports"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    subject = models.CharField(max_length=500)
    decision_maker = models.CharField(max_length=300, blank=True)
    date_of_decision = models.DateField(null=True, blank=True)
    report_of = models.CharField(max_length=300, blank=True)
    confidential = models.BooleanField(default=False)
    summary = models.TextField(blank=True, help_text="The cover sheet's BRIEF SUMMARY.")
    recommendations = models.JSONField(default=list, blank=True)
    appendices = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["meeting", "agenda_item__number", "pdf_page"]

    def __str__(self):
        return self.subject


class Minute(FromPack):
    """A numbered item of the minutes of `meeting` (read from a later meeting's pack)."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="minutes"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=500)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["pack", "number"], name="minute_number_once_per_pack")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Resolution(models.Model):
    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="resolutions")
    number = models.PositiveSmallIntegerField(default=1)
    text = models.TextField()
    is_substantive = models.BooleanField(
        default=True,
        help_text="Substantive resolutions become tracked recommendations; procedural ones "
        "(approving minutes, excluding the press) do not.",
    )

    class Meta:
        ordering = ["minute", "number"]

    def __str__(self):
        return f"{self.minute.number}.{self.number} {self.text[:60]}"


class GlossaryTerm(FromPack):
    committee = models.ForeignKey(
        "meetings.Committee",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="glossary",
    )
    term = models.CharField(max_length=300)
    definition = models.TextField()

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return self.term
