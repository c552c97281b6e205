"""The dashboard's filters: stored fields filter the query; computed statuses filter the rows."""

import django_filters
from django import forms
from django.db.models import Q

from indicators.matching import section_key
from indicators.models import Indicator

RAG_CHOICES = [
    ("red", "Off target"),
    ("amber", "Just off target"),
    ("green", "On target"),
    ("none", "No target"),
]


class DashboardFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Search")
    section = django_filters.ChoiceFilter(
        label="Section", empty_label="All sections", method="in_section"
    )
    rag = django_filters.ChoiceFilter(
        choices=RAG_CHOICES, method="computed", label="RAG", empty_label="Any status"
    )
    worse_than_neighbours = django_filters.BooleanFilter(
        method="computed", label="Worse than statistical neighbours", widget=forms.CheckboxInput
    )
    changed = django_filters.BooleanFilter(
        method="computed", label="New since last meeting", widget=forms.CheckboxInput
    )

    class Meta:
        model = Indicator
        fields = ["q", "section"]

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["section"].extra["choices"] = [(s, s) for s in sections]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(code__iexact=value) | Q(aliases__name__icontains=value)
        ).distinct()

    def in_section(self, queryset, name, value):
        """A section worded differently in another pack is the same section."""

        wordings = {
            s
            for s in queryset.values_list("section", flat=True)
            if section_key(s) == section_key(value)
        }
        return queryset.filter(section__in=wordings or {value})

    def computed(self, queryset, name, value):
        return queryset  # applied to the computed rows by selectors.filter_rows

    @property
    def row_filters(self):
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return {key: data.get(key) for key in ("rag", "worse_than_neighbours", "changed")}
