"""The dashboard table: sortable, exportable (CSV, XLSX), statuses in words and shapes."""

import django_tables2 as tables
from django.utils.html import format_html

from indicators.status import format_change, format_value


def number_or_none(value):
    return value if value is not None else ""


class DashboardTable(tables.Table):
    section = tables.Column(
        accessor="indicator__section", verbose_name="Section", order_by=("section_key",)
    )
    name = tables.Column(
        accessor="indicator__name",
        verbose_name="Indicator",
        linkify=lambda record: record.indicator.get_absolute_url(),
        attrs={"td": {"class": "indicator-name"}},
    )
    value = tables.Column(
        verbose_name="Latest", attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )
    period = tables.Column(accessor="latest__period_start", verbose_name="Period")
    change = tables.Column(verbose_name="Since previous", attrs={"td": {"class": "num"}})
    year_change = tables.Column(verbose_name="Since a year ago", attrs={"td": {"class": "num"}})
    target = tables.Column(verbose_name="Target", attrs={"td": {"class": "num"}})
    rag = tables.Column(accessor="rag__key", verbose_name="Status", order_by=("rag_rank",))
    neighbours = tables.Column(
        empty_values=(),
        verbose_name="Stat. neighbours",
        orderable=False,
        attrs={"td": {"class": "num"}},
    )
    region = tables.Column(
        empty_values=(), verbose_name="Region", orderable=False, attrs={"td": {"class": "num"}}
    )
    england = tables.Column(
        empty_values=(), verbose_name="England", orderable=False, attrs={"td": {"class": "num"}}
    )

    class Meta:
        template_name = "indicators/_dashboard_table.html"
        attrs = {"class": "table dashboard"}
        order_by = ("section", "name")
        row_attrs = {"data-rag": lambda record: record.rag.key}

    def render_value(self, record):
        return format_value(record.value, record.unit)

    def render_period(self, record):
        if record.changed_since_last_meeting:
            return format_html(
                '{} <span class="badge new" title="Reported since the last meeting">new</span>',
                record.period,
            )
        return record.period

    def render_change(self, record):
        direction = record.direction
        return format_html(
            '<span class="dot dir-{}">{} {}</span> <span class="sr-label">{}</span>',
            direction.key,
            direction.arrow,
            format_change(record.change, record.unit),
            direction.label,
        )

    def render_year_change(self, record):
        return format_change(record.year_change, record.unit)

    def render_target(self, record):
        return format_value(record.target, record.unit)

    def render_rag(self, record):
        status = record.rag
        return format_html(
            '<span class="rag rag-{}"><span aria-hidden="true">{}</span> {}</span>',
            status.key,
            status.shape,
            status.label,
        )

    def render_neighbours(self, record):
        return self.benchmark_cell(record, "statistical_neighbours")

    def render_region(self, record):
        return self.benchmark_cell(record, "region")

    def render_england(self, record):
        return self.benchmark_cell(record, "england")

    def benchmark_cell(self, record, kind):
        value = record.benchmark(kind)
        if value is None:
            return "–"
        worse = record.worse_than_neighbours if kind == "statistical_neighbours" else None
        if worse:
            return format_html(
                '{} <span class="flag worse" title="Worse than statistical neighbours">▼ worse</span>',
                format_value(value, record.unit),
            )
        return format_value(value, record.unit)

    # Exports carry numbers, not markup.
    def value_value(self, record):
        return number_or_none(record.value)

    def value_period(self, record):
        return record.latest.period if record.latest else ""

    def value_change(self, record):
        return number_or_none(record.change)

    def value_year_change(self, record):
        return number_or_none(record.year_change)

    def value_target(self, record):
        return number_or_none(record.target)

    def value_rag(self, record):
        return record.rag.label

    def value_neighbours(self, record):
        return number_or_none(record.benchmark("statistical_neighbours"))

    def value_region(self, record):
        return number_or_none(record.benchmark("region"))

    def value_england(self, record):
        return number_or_none(record.benchmark("england"))
