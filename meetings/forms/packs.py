from django import forms

from indicators.models import Commentary, Observation
from indicators.periods import period_bounds
from meetings.models import (
    AgendaItem,
    Committee,
    GlossaryTerm,
    Meeting,
    Minute,
    RecommendationUpdate,
    Report,
    Resolution,
)


class FilingFields(forms.Form):
    """Which panel and meeting a pack belongs to, when the pack does not say (no front sheet: a
    lone dashboard, one report) or says it wrongly: an existing meeting, or a panel and the date
    of a new meeting."""

    committee = forms.ModelChoiceField(
        queryset=None, required=False, label="Panel", empty_label="— as read from the pack —"
    )
    meeting = forms.ModelChoiceField(
        queryset=None, required=False, label="Meeting", empty_label="— as read, or a new meeting —"
    )
    meeting_date = forms.DateField(
        required=False,
        label="New meeting's date",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Only for a meeting not listed above.",
    )

    def __init__(self, *args, **kwargs):

        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.order_by("name")
        self.fields["meeting"].queryset = Meeting.objects.select_related("committee").order_by(
            "committee__name", "-date"
        )
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{m.committee.name}, {m.date:%-d %B %Y}"
        )

    def clean(self):
        data = super().clean()
        committee, meeting, date = (data.get(k) for k in ("committee", "meeting", "meeting_date"))
        if meeting and date:
            raise forms.ValidationError(
                "Choose a listed meeting or give a new meeting's date, not both."
            )
        if meeting and committee and meeting.committee_id != committee.pk:
            raise forms.ValidationError(f"That meeting is a meeting of {meeting.committee.name}.")
        if date and not committee:
            self.add_error("committee", "Choose the panel the new meeting belongs to.")
        if meeting:
            data["committee"], data["meeting_date"] = meeting.committee, meeting.date
        return data

    def chosen(self) -> tuple:
        """(committee, date): the officer's choice, or (None, None) to go by the pack."""
        data = self.cleaned_data
        if data.get("committee") and data.get("meeting_date"):
            return data["committee"], data["meeting_date"]
        return data.get("committee"), None


class PackUploadForm(FilingFields):
    file = forms.FileField(
        label="Agenda pack (PDF)",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        help_text="The whole public pack as published, one PDF — or one report or dashboard, "
        "with the panel and meeting chosen below.",
    )
    field_order = ["file", "committee", "meeting", "meeting_date"]


class PackFilingForm(FilingFields):
    """The review screen's "Filed under": pre-filled from what was read."""

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("committee") and data.get("meeting_date")):
            raise forms.ValidationError("Choose a meeting, or a panel and a new meeting's date.")
        return data


class LinesField(forms.CharField):
    """A list of strings edited as one per line (report recommendations, appendices)."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "number",
            "title",
            "description",
            "first_page",
            "last_page",
            "papers_pdf_page",
            "exempt",
        ]


class ReportForm(forms.ModelForm):
    recommendations = LinesField(required=False, help_text="One per line.")
    appendices = LinesField(required=False, help_text="One per line.")

    class Meta:
        model = Report
        fields = [
            "subject",
            "decision_maker",
            "date_of_decision",
            "report_of",
            "confidential",
            "recommendations",
            "appendices",
        ]


class MinuteForm(forms.ModelForm):
    class Meta:
        model = Minute
        fields = ["number", "title", "text"]


class ResolutionForm(forms.ModelForm):
    class Meta:
        model = Resolution
        fields = ["text", "is_substantive"]


class TrackerRowForm(forms.ModelForm):
    class Meta:
        model = RecommendationUpdate
        fields = ["status", "status_text", "action_taken"]


class ObservationReviewForm(forms.ModelForm):
    class Meta:
        model = Observation
        fields = ["period", "value", "review"]
        help_texts = {
            "review": "Confirm the value, correct it, or drop it if it is not a real value.",
            "period": "A month as 2023-02, or a financial year as 2022-23.",
        }

    def clean_period(self):

        period = self.cleaned_data["period"].strip()
        if period_bounds(period)[1] is None:
            raise forms.ValidationError(
                "Write the period as a month (2023-02) or a financial year (2022-23)."
            )
        return period


class CommentaryForm(forms.ModelForm):
    class Meta:
        model = Commentary
        fields = ["section", "heading", "text"]


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "definition"]


REVIEW_FORMS = {
    "agenda": AgendaItemForm,
    "report": ReportForm,
    "minute": MinuteForm,
    "resolution": ResolutionForm,
    "tracker": TrackerRowForm,
    "value": ObservationReviewForm,
    "commentary": CommentaryForm,
    "glossary": GlossaryTermForm,
}
