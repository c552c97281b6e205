"""Series across packs: aliases, suggestions, never across units; OCR values need a person."""

import copy

import pytest

from indicators.models import Indicator, IndicatorAlias, Observation
from meetings.models import Pack
from meetings.services.pack_contents import store_pack_contents
from meetings.services.packs import CannotPublish, publish_pack
from tests.factories import PackFactory

pytestmark = pytest.mark.django_db


def pack():
    return PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None)


def later(extraction, date, **changes):
    data = copy.deepcopy(extraction)
    data["meeting"]["date"] = date
    data["minutes"], data["tracker"] = [], []
    for key, value in changes.items():
        data[key] = value
    return data


def indicator(name, unit, values, source="table"):
    return {
        "name": name,
        "ref": None,
        "unit": unit,
        "section": None,
        "values": values,
        "target": None,
        "benchmarks": [],
        "source": source,
        "page": 3,
    }


def test_a_new_wording_is_suggested_as_the_same_series_and_an_alias_joins_it(expected_extraction):
    base = expected_extraction("2023-03-30")
    publish_pack(store_pack_contents(pack(), base))
    reworded = indicator(
        "Percentage of re-referrals within 12 months",
        "percent",
        [{"period": "2023-03", "value": 24.0}],
    )
    publish_pack(store_pack_contents(pack(), later(base, "2023-06-29", indicators=[reworded])))
    new = Indicator.objects.get(name="Percentage of re-referrals within 12 months")
    assert new.suggested_match.name == "Percentage of child re-referrals"
    # Once the officer records the wording as an alias, the next pack joins the series directly.
    IndicatorAlias.objects.create(
        indicator=new.suggested_match,
        name="Percentage of child re-referrals (rolling)",
        key="percentage of child re referrals rolling",
    )
    again = indicator(
        "Percentage of child re-referrals (rolling)",
        "percent",
        [{"period": "2023-04", "value": 22.0}],
    )
    publish_pack(store_pack_contents(pack(), later(base, "2023-09-28", indicators=[again])))
    assert new.suggested_match.observations.filter(period="2023-04").exists()


def test_series_never_join_across_units(expected_extraction):
    base = expected_extraction("2023-03-30")
    publish_pack(store_pack_contents(pack(), base))
    as_rate = indicator(
        "Number of referrals in the month", "rate_per_10k", [{"period": "2023-03", "value": 61.0}]
    )
    publish_pack(store_pack_contents(pack(), later(base, "2023-06-29", indicators=[as_rate])))
    referrals = Indicator.objects.filter(name="Number of referrals in the month")
    assert sorted(referrals.values_list("unit", flat=True)) == ["count", "rate_per_10k"]


def test_ocr_values_cannot_be_published_until_a_person_confirms_them(expected_extraction):
    base = expected_extraction("2023-03-30")
    read_from_image = indicator(
        "Re-referrals %", "percent", [{"period": "2022-12", "value": 30.0}], source="ocr"
    )
    draft = store_pack_contents(pack(), later(base, "2023-03-30", indicators=[read_from_image]))
    with pytest.raises(CannotPublish, match="read from images by OCR"):
        publish_pack(draft)
    Observation.objects.filter(pack=draft, source="ocr").update(review=Observation.Review.CONFIRMED)
    assert publish_pack(draft).status == Pack.Status.PUBLISHED
