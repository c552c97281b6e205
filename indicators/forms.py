from django import forms

from indicators.models import Indicator


class IndicatorForm(forms.ModelForm):
    aliases = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Other wordings of this indicator in packs, one per line: later packs that print them join this series.",
    )

    class Meta:
        model = Indicator
        fields = ["name", "code", "unit", "polarity", "section", "definition"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            names = self.instance.aliases.exclude(name=self.instance.name).values_list(
                "name", flat=True
            )
            self.fields["aliases"].initial = "\n".join(names)

    def clean_aliases(self):
        return [line.strip() for line in self.cleaned_data["aliases"].splitlines() if line.strip()]


class MergeForm(forms.Form):
    other = forms.ModelChoiceField(
        queryset=Indicator.objects.none(), label="Merge into this series"
    )

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = Indicator.objects.filter(
            committee=indicator.committee, unit=indicator.unit
        ).exclude(pk=indicator.pk)
        if indicator.suggested_match_id:
            self.fields["other"].initial = indicator.suggested_match_id


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV or Excel file", widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"})
    )
