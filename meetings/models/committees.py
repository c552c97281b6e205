"""Panels, the people on them, and their meetings."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify


class Committee(models.Model):
    """A scrutiny panel (or any committee whose packs are ingested)."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    role = models.TextField(
        blank=True, help_text="The panel's role, as the public information page states it."
    )
    terms_of_reference = models.TextField(blank=True)
    quorum = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:committee", args=[self.slug])


class Person(models.Model):
    """A councillor, appointed member or officer, named as the papers name them."""

    name = models.CharField(max_length=200)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-Chair"
        MEMBER = "member", "Member"
        APPOINTED = "appointed", "Appointed member"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text="Empty for a vacancy.",
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    capacity = models.CharField(
        max_length=200,
        blank=True,
        help_text="For appointed members, e.g. 'Primary Parent Governor'.",
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["committee", "role", "person__name"]

    def __str__(self):
        who = self.person.name if self.person else "Vacancy"
        return f"{who} – {self.get_role_display()} ({self.committee})"

    @property
    def is_vacancy(self):
        return self.person_id is None

    def is_current(self, on=None):
        on = on or timezone.localdate()
        return (self.starts_on is None or self.starts_on <= on) and (
            self.ends_on is None or on <= self.ends_on
        )


def municipal_year_of(date):
    """Municipal years run from May/June to the following spring: '2021-22'."""
    start = date.year if date.month >= 5 else date.year - 1
    return f"{start}-{str(start + 1)[-2:]}"


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    municipal_year = models.CharField(max_length=7, blank=True, editable=False)
    listed_in = models.ForeignKey(
        "meetings.Pack",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The published pack whose 'Dates of Meetings' listed it (before its own pack).",
    )

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "date"], name="one_meeting_a_day")
        ]

    def __str__(self):
        return f"{self.committee} – {self.date:%-d %B %Y}"

    def save(self, *args, **kwargs):
        self.municipal_year = municipal_year_of(self.date)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.pk])


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(max_length=20, choices=Status.choices)
    note = models.CharField(
        max_length=100, blank=True, help_text="e.g. '(Chair)' as the minutes print it."
    )
    pack = models.ForeignKey("meetings.Pack", on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["meeting", "status", "person__name"]

    def __str__(self):
        return f"{self.person} – {self.get_status_display()}"
