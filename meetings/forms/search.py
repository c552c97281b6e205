"""The search box and its filters (panel, kind of paper, dates)."""

from django import forms

from meetings.models import Committee
from meetings.selectors.search import Filters
from meetings.selectors.visibility import visible_committees
from meetings.services.search import DOCUMENTS


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the papers", max_length=200)
    panel = forms.ModelChoiceField(
        queryset=Committee.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="All panels",
    )
    kind = forms.MultipleChoiceField(
        choices=[(doc.kind, doc.label) for doc in DOCUMENTS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Kind of paper",
    )
    date_from = forms.DateField(
        required=False, label="From", widget=forms.DateInput({"type": "date"})
    )
    date_to = forms.DateField(required=False, label="To", widget=forms.DateInput({"type": "date"}))
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only panels the reader may see are offered (a draft of another council names none).
        self.fields["panel"].queryset = visible_committees(user).order_by("name")

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            q=data["q"],
            panel=data.get("panel"),
            kinds=tuple(data.get("kind") or ()),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            page=data.get("page") or 1,
        )
