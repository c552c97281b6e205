"""Forms for the scrutiny manager's tracker pages."""

from django import forms
from django.utils import timezone

from meetings.models import AgendaItem, Meeting, Recommendation, RecommendationUpdate

Progress = Recommendation.Progress


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        choices=[c for c in Progress.choices if c[0] != Progress.PROPOSED], label="Progress status"
    )
    action_taken = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label="Action taken"
    )
    on = forms.DateField(
        label="Date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[c for c in RecommendationUpdate.Decision.choices if c[0]], label="The panel"
    )
    meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), label="At the meeting of")
    note = forms.CharField(required=False, label="Note")

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        meetings = Meeting.objects.filter(committee=committee).order_by("-date")
        self.fields["meeting"].queryset = meetings
        today = timezone.localdate()
        self.fields["meeting"].initial = (
            meetings.filter(date__lte=today).values_list("pk", flat=True).first()
        )


class DetailsForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["title", "text", "due_date", "due_meeting", "answered_by"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        committee = self.instance.committee
        self.fields["due_meeting"].queryset = Meeting.objects.filter(committee=committee).order_by(
            "-date"
        )
        self.fields["answered_by"].queryset = (
            AgendaItem.objects.filter(meeting__committee=committee)
            .select_related("meeting")
            .order_by("-meeting__date", "number")
        )
        self.fields["answered_by"].label = "Answered by agenda item"
