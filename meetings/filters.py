"""The recommendation tracker's filters."""

import django_filters
from django import forms

from meetings.models import Committee, Meeting, Recommendation
from meetings.selectors.tracker import overdue_filter

Progress = Recommendation.Progress


class TrackerFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        choices=[("open", "Open"), ("closed", "Closed"), ("removed", "Removed"), ("all", "All")],
        method="by_state",
        empty_label=None,
        label="Show",
    )
    panel = django_filters.ModelChoiceFilter(
        queryset=Committee.objects.all(),
        field_name="committee",
        to_field_name="slug",
        label="Panel",
        empty_label="All panels",
    )
    meeting = django_filters.ModelChoiceFilter(
        queryset=Meeting.objects.all(),
        field_name="meeting",
        label="Made at",
        empty_label="Any meeting",
    )
    status = django_filters.ChoiceFilter(
        choices=Progress.choices, label="Progress", empty_label="Any progress"
    )
    overdue = django_filters.BooleanFilter(
        method="by_overdue", label="Overdue only", widget=forms.CheckboxInput
    )

    class Meta:
        model = Recommendation
        fields = ["state", "panel", "meeting", "status", "overdue"]

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("state", "open")
        super().__init__(data, *args, **kwargs)
        self.filters["meeting"].queryset = (
            Meeting.objects.filter(recommendations_made__isnull=False)
            .distinct()
            .select_related("committee")
            .order_by("-date")
        )

    def by_state(self, queryset, name, value):
        return queryset if value == "all" else queryset.filter(state=value)

    def by_overdue(self, queryset, name, value):
        return queryset.filter(overdue_filter()) if value else queryset
