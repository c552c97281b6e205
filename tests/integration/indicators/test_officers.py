"""Officers' changes to series: settings, aliases, merging, importing and exporting values."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from indicators.models import Indicator, IndicatorAlias, Observation
from indicators.services.decisions import merge_indicators
from indicators.services.series import CannotMerge
from tests.factories import CommitteeFactory, IndicatorFactory, ObservationFactory

pytestmark = pytest.mark.django_db


def test_dso_sets_polarity_section_definition_and_aliases(client, users):
    indicator = IndicatorFactory(name="Re-referrals")
    client.force_login(users["dso"])
    url = reverse("indicators:edit", args=[indicator.committee.slug, indicator.slug])
    response = client.post(
        url,
        {
            "name": "Re-referrals",
            "unit": "percent",
            "polarity": "lower",
            "section": "Front door",
            "definition": "Share re-referred within 12 months",
            "aliases": "Percentage of child re-referrals\nRe-referral rate",
        },
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.polarity, indicator.section) == ("lower", "Front door")
    assert set(indicator.aliases.values_list("name", flat=True)) == {
        "Re-referrals",
        "Percentage of child re-referrals",
        "Re-referral rate",
    }


def test_councillors_cannot_edit_indicators(client, users):
    indicator = IndicatorFactory()
    client.force_login(users["councillor"])
    assert (
        client.get(
            reverse("indicators:edit", args=[indicator.committee.slug, indicator.slug])
        ).status_code
        == 403
    )


def test_merge_moves_values_and_wording():
    panel = CommitteeFactory()
    keep = IndicatorFactory(committee=panel, name="Number of referrals in the month", unit="count")
    other = IndicatorFactory(committee=panel, name="Referrals", unit="count")
    IndicatorAlias.objects.create(indicator=other, name="Referrals", key="referrals")
    ObservationFactory(indicator=other, value=330)
    merge_indicators(keep, other)
    assert keep.observations.get().value == 330
    assert keep.aliases.filter(key="referrals").exists()
    assert not Indicator.objects.filter(pk=other.pk).exists()


def test_merge_never_joins_across_units():
    panel = CommitteeFactory()
    count = IndicatorFactory(committee=panel, name="Referrals", unit="count")
    rate = IndicatorFactory(committee=panel, name="Referrals per 10,000", unit="rate_per_10k")
    with pytest.raises(CannotMerge, match="never joined"):
        merge_indicators(count, rate)


def csv_upload(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["indicator", "unit", "period", "value", "target", "statistical_neighbours"])
    writer.writerows(rows)
    return SimpleUploadedFile("values.csv", buffer.getvalue().encode(), content_type="text/csv")


def test_import_previews_rejects_and_then_applies(client, users):
    panel = CommitteeFactory()
    IndicatorFactory(committee=panel, name="Number of care leavers", unit="count")
    client.force_login(users["dso"])
    url = reverse("indicators:import", args=[panel.slug])
    upload = csv_upload(
        [
            ["Number of care leavers", "count", "2023-01", "252", "", ""],
            ["Number of care leavers", "", "Feb-23", "279", "", "21"],
            ["Number of care leavers", "percent", "2023-03", "50", "", ""],  # wrong unit
            ["Re-referrals", "percent", "Jan 2023", "27%", "23", ""],  # a new indicator
            ["Re-referrals", "percent", "sometime", "27", "", ""],  # bad period
            ["Re-referrals", "percent", "2023-02", "TBC", "", ""],  # no value
            ["", "count", "2023-02", "5", "", ""],  # no name
        ]
    )
    preview = client.post(url, {"file": upload})
    assert preview.status_code == 200
    plan = preview.context["plan"]
    assert [row.line for row in plan.rows] == [2, 3, 5]
    reasons = " ".join(why for _, _, why in plan.rejected)
    assert (
        "never joined across units" in reasons
        and "is not a month" in reasons
        and "No value" in reasons
        and "No indicator name" in reasons
    )
    assert not Observation.objects.exists()  # nothing written before confirming

    done = client.post(url, {"token": preview.context["token"]})
    assert done.status_code == 302
    leavers = Indicator.objects.get(committee=panel, name="Number of care leavers")
    assert sorted(leavers.observations.values_list("period", "value")) == [
        ("2023-01", 252.0),
        ("2023-02", 279.0),
    ]
    assert leavers.benchmarks.get().value == 21.0
    assert Indicator.objects.get(committee=panel, name="Re-referrals").targets.get().value == 23.0


def test_xlsx_export_round_trips_through_import(client, users, published_corpus):
    panel = published_corpus[0].committee
    client.force_login(users["dso"])
    exported = client.get(reverse("indicators:template", args=[panel.slug, "xlsx"]))
    sheet = load_workbook(io.BytesIO(exported.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("indicator", "code", "unit", "section", "period", "value")
    assert len(rows) - 1 == Observation.objects.values("indicator", "period").distinct().count()
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    preview = client.post(
        reverse("indicators:import", args=[panel.slug]),
        {"file": SimpleUploadedFile("values.xlsx", buffer.getvalue())},
    )
    assert preview.context["plan"].rejected == []
    assert preview.context["plan"].new_indicators == []


def test_the_template_exports_the_filtered_set(client, published_corpus):
    panel = published_corpus[0].committee
    response = client.get(
        reverse("indicators:template", args=[panel.slug, "csv"]), {"q": "care leavers"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert {row[0] for row in rows[1:]} == {"Number of care leavers"}
