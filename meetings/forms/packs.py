from django import forms


class PackUploadForm(forms.Form):
    file = forms.FileField(
        label="Agenda pack (PDF)",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        help_text="The whole public pack as published, one PDF.",
    )


class LinesField(forms.CharField):
    """A list of strings edited as one per line (report recommendations, appendices)."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class AgendaItemForm(forms.ModelForm):
    class Meta:
        from meetings.models import AgendaItem

        model = AgendaItem
        fields = ["number", "title", "description", "first_page", "last_page", "exempt"]


class ReportForm(forms.ModelForm):
    recommendations = LinesField(required=False, help_text="One per line.")
    appendices = LinesField(required=False, help_text="One per line.")

    class Meta:
        from meetings.models import Report

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
        from meetings.models import Minute

        model = Minute
        fields = ["number", "title", "text"]


class ResolutionForm(forms.ModelForm):
    class Meta:
        from meetings.models import Resolution

        model = Resolution
        fields = ["text", "is_substantive"]


class TrackerRowForm(forms.ModelForm):
    class Meta:
        from meetings.models import RecommendationUpdate

        model = RecommendationUpdate
        fields = ["status", "status_text", "action_taken"]


class ObservationReviewForm(forms.ModelForm):
    class Meta:
        from indicators.models import Observation

        model = Observation
        fields = ["period", "value", "review"]
        help_texts = {
            "review": "Confirm the value, correct it, or drop it if it is not a real value.",
            "period": "A month as 2023-02, or a financial year as 2022-23.",
        }

    def clean_period(self):
        from indicators.periods import period_bounds

        period = self.cleaned_data["period"].strip()
        if period_bounds(period)[1] is None:
            raise forms.ValidationError(
                "Write the period as a month (2023-02) or a financial year (2022-23)."
            )
        return period


class CommentaryForm(forms.ModelForm):
    class Meta:
        from indicators.models import Commentary

        model = Commentary
        fields = ["section", "heading", "text"]


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        from meetings.models import GlossaryTerm

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
