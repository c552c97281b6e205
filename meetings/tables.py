import django_tables2 as tables
from django.utils.html import format_html

from meetings.models import Recommendation


def labelled(name):
    """Cell attributes naming the column: on a phone each row is a block of labelled cells."""
    return {"td": {"data-label": name}}


class TrackerTable(tables.Table):
    made_on = tables.DateColumn(format="j M Y", verbose_name="Made", attrs=labelled("Made"))
    committee = tables.Column(
        verbose_name="Panel", accessor="committee__name", attrs=labelled("Panel")
    )
    title = tables.Column(linkify=True, verbose_name="Title", attrs=labelled("Title"))
    text = tables.Column(
        verbose_name="Action proposed", orderable=False, attrs=labelled("Action proposed")
    )
    action_taken = tables.Column(
        empty_values=(),
        verbose_name="Latest action taken",
        orderable=False,
        attrs=labelled("Latest action taken"),
    )
    status = tables.Column(verbose_name="Progress", attrs=labelled("Progress"))
    due_date = tables.DateColumn(format="j M Y", verbose_name="Due", attrs=labelled("Due"))
    state = tables.Column(verbose_name="On the list", attrs=labelled("On the list"))

    class Meta:
        model = Recommendation
        fields = [
            "made_on",
            "committee",
            "title",
            "text",
            "action_taken",
            "status",
            "due_date",
            "state",
        ]
        attrs = {"class": "table compact tracker stack"}
        order_by = ("-made_on", "title")
        row_attrs = {"class": lambda record: "overdue" if record.overdue else ""}

    def render_text(self, record):
        return f"{record.number}) {record.text}"

    def render_action_taken(self, record):
        history = getattr(record, "history", [])
        latest = history[-1].action_taken if history else ""
        return (latest[:220] + "…") if len(latest) > 220 else latest

    def render_status(self, record):
        return format_html(
            '<span class="status-word status-{}">{}</span>',
            record.status,
            record.get_status_display(),
        )

    def render_due_date(self, record, value):
        if value is None:
            return "–"
        if record.overdue:
            return format_html(
                '{} <span class="flag worse">▲ overdue</span>', value.strftime("%-d %b %Y")
            )
        return value.strftime("%-d %b %Y")

    def render_state(self, record):
        return record.get_state_display().split(" –")[0]
