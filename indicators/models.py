"""Performance indicators and every value ever reported for them.

An Observation is one reported value of one period, from one source (a pack page and table cell,
a sentence, an OCR'd image, an import). A later pack reporting the same period adds a new
revision; nothing is deleted, and pages show the latest published revision with its history.
Benchmarks carry their own periods: an annual statistical-neighbour average is not a month.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify


class Unit(models.TextChoices):
    PERCENT = "percent", "Percentage"
    COUNT = "count", "Number"
    RATE_PER_10K = "rate_per_10k", "Rate per 10,000"
    RATE = "rate", "Rate"
    AVERAGE = "average", "Average"
    RATIO = "ratio", "x of n"
    CURRENCY = "currency", "£"
    DAYS = "days", "Days"
    WEEKS = "weeks", "Weeks"
    OTHER = "other", "Other"


class Polarity(models.TextChoices):
    HIGHER_BETTER = "higher", "Higher is better"
    LOWER_BETTER = "lower", "Lower is better"
    NEITHER = "neither", "Neither"


class PeriodType(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    FINANCIAL_YEAR = "financial_year", "Financial year"
    YEAR = "year", "Year"


class Source(models.TextChoices):
    TABLE = "table", "Table"
    NARRATIVE = "narrative", "Sentence"
    OCR = "ocr", "Read from an image (OCR)"
    IMPORT = "import", "Imported file"
    MANUAL = "manual", "Entered by hand"


class Indicator(models.Model):
    committee = models.ForeignKey(
        "meetings.Committee", on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(
        max_length=30, blank=True, help_text="The pack's reference, e.g. M1 or CP6B."
    )
    name = models.CharField(max_length=400)
    slug = models.SlugField(max_length=200)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.OTHER)
    polarity = models.CharField(max_length=10, choices=Polarity.choices, default=Polarity.NEITHER)
    polarity_confirmed = models.BooleanField(
        default=False,
        help_text="Set by an officer; otherwise inferred from the indicator's wording.",
    )
    section = models.CharField(
        max_length=200, blank=True, help_text="Priority area or service area."
    )
    definition = models.TextField(blank=True)
    pack = models.ForeignKey(
        "meetings.Pack",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The pack it was first read from; none when created by hand or import.",
    )
    suggested_match = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An existing series this one may continue: the officer can merge them.",
    )

    class Meta:
        ordering = ["section", "name"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "slug"], name="indicator_slug_per_panel")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("indicators:indicator", args=[self.committee.slug, self.slug])

    @property
    def is_percent(self):
        return self.unit == Unit.PERCENT


def unique_slug(indicator):
    base = slugify(indicator.name)[:180] or "indicator"
    slug, n = base, 2
    siblings = Indicator.objects.filter(committee_id=indicator.committee_id).exclude(
        pk=indicator.pk
    )
    while siblings.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class IndicatorAlias(models.Model):
    """Another wording of the same indicator, as some pack printed it."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=400)
    key = models.CharField(
        max_length=400, db_index=True, help_text="The name normalised for matching."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "key"], name="alias_once_per_indicator")
        ]
        verbose_name_plural = "indicator aliases"

    def __str__(self):
        return self.name


class Period(models.Model):
    """Abstract: a reporting period as a label ('2021-04', '2020-21', '2023-Q3') and its start."""

    period = models.CharField(max_length=10, blank=True)
    period_type = models.CharField(max_length=20, choices=PeriodType.choices, blank=True)
    period_start = models.DateField(null=True, blank=True, db_index=True)

    class Meta:
        abstract = True


class FromSource(models.Model):
    pack = models.ForeignKey(
        "meetings.Pack", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    pdf_page = models.PositiveIntegerField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.TABLE)
    printed_as = models.CharField(
        max_length=400,
        blank=True,
        help_text="The indicator's name as this source printed it (series keep every wording).",
    )

    class Meta:
        abstract = True


class Observation(Period, FromSource):
    class Review(models.TextChoices):
        PENDING = "pending", "To check"
        CONFIRMED = "confirmed", "Confirmed"
        CORRECTED = "corrected", "Corrected"
        DROPPED = "dropped", "Dropped"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    value = models.FloatField()
    bbox = models.JSONField(
        null=True, blank=True, help_text="The table cell's box on the page, in PDF points."
    )
    revision = models.PositiveSmallIntegerField(default=1)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING)
    extracted_value = models.FloatField(
        null=True, blank=True, help_text="What the parser read, if corrected."
    )
    reported_on = models.DateField(
        null=True, blank=True, help_text="Date of the meeting whose pack reported it."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "period_start", "revision"]
        indexes = [models.Index(fields=["indicator", "period_start"])]

    def __str__(self):
        return f"{self.indicator} {self.period}: {self.value}"


class Benchmark(Period, FromSource):
    class Kind(models.TextChoices):
        STATISTICAL_NEIGHBOURS = "statistical_neighbours", "Statistical neighbours"
        REGION = "region", "Region"
        ENGLAND = "england", "England"
        OWN_OUTTURN = "own_outturn", "Own earlier outturn"
        CORE_CITIES = "core_cities", "Core cities"
        OTHER = "other", "Other"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="benchmarks")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    label = models.CharField(max_length=200, blank=True)
    value = models.FloatField()
    reported_on = models.DateField(
        null=True, blank=True, help_text="When no period is printed: as at this date."
    )

    class Meta:
        ordering = ["indicator", "kind", "period_start"]

    def __str__(self):
        return f"{self.indicator} {self.label or self.kind}: {self.value}"


class Target(Period, FromSource):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    value = models.FloatField()
    reported_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["indicator", "reported_on"]

    def __str__(self):
        return f"{self.indicator} target {self.value}"


class Commentary(Period, FromSource):
    committee = models.ForeignKey(
        "meetings.Committee", on_delete=models.CASCADE, related_name="commentary"
    )
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="commentary"
    )
    section = models.CharField(max_length=200, blank=True)
    heading = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    reported_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-reported_on", "section"]
        verbose_name_plural = "commentary"

    def __str__(self):
        return f"{self.section} – {self.heading}"


# --- one series per measure: what was joined, what an officer decided -----------------------


class SeriesSuggestion(models.Model):
    """Two series that may be one measure worded differently: an officer joins them or not."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="series_suggestions"
    )
    candidate = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reason = models.CharField(max_length=300, blank=True)
    pack = models.ForeignKey(
        "meetings.Pack", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "candidate"], name="series_suggestion_once"
            )
        ]

    def __str__(self):
        return f"{self.indicator} ~ {self.candidate}"


class SeriesDecision(models.Model):
    """'Different measures', remembered by wording: no later pack suggests the pair again."""

    committee = models.ForeignKey(
        "meetings.Committee", on_delete=models.CASCADE, related_name="series_decisions"
    )
    key_a = models.CharField(max_length=400)
    key_b = models.CharField(max_length=400)
    name_a = models.CharField(max_length=400, blank=True)
    name_b = models.CharField(max_length=400, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "key_a", "key_b"], name="series_decision_once"
            )
        ]

    def __str__(self):
        return f"{self.name_a} ≠ {self.name_b}"


class SeriesJoin(models.Model):
    """One join of two series (automatic or an officer's), kept so that it can be split again."""

    class How(models.TextChoices):
        AUTO = "auto", "Joined automatically (same measure, certain)"
        OFFICER = "officer", "Joined by an officer"

    committee = models.ForeignKey(
        "meetings.Committee", on_delete=models.CASCADE, related_name="series_joins"
    )
    series = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="joins")
    how = models.CharField(max_length=10, choices=How.choices)
    reason = models.CharField(max_length=300, blank=True)
    absorbed = models.JSONField(
        default=dict, help_text="The joined series' own settings: name, code, unit, section …"
    )
    wordings = models.JSONField(default=list, help_text="The printed wordings it brought.")
    moved = models.JSONField(default=dict, help_text="Row ids moved, by kind.")
    pack = models.ForeignKey(
        "meetings.Pack",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="For an automatic join: the pack whose reading joined it.",
    )
    joined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    split_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    split_at = models.DateTimeField(null=True, blank=True)
    split_into = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-joined_at", "-id"]

    def __str__(self):
        return f"{self.absorbed.get('name')} → {self.series}"

    @property
    def is_split(self):
        return self.split_at is not None


class PanelAcronym(models.Model):
    """What an acronym means for this panel, learned from its packs' glossaries and names."""

    class Learned(models.TextChoices):
        GLOSSARY = "glossary", "The pack's glossary"
        NAME = "name", "An indicator's printed name"
        OFFICER = "officer", "An officer"

    committee = models.ForeignKey(
        "meetings.Committee", on_delete=models.CASCADE, related_name="acronyms"
    )
    acronym = models.CharField(max_length=20)
    expansion = models.CharField(max_length=200)
    learned_from = models.CharField(max_length=10, choices=Learned.choices)
    pack = models.ForeignKey(
        "meetings.Pack", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["acronym"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "acronym"], name="acronym_once_per_panel")
        ]

    def __str__(self):
        return f"{self.acronym.upper()}: {self.expansion}"
