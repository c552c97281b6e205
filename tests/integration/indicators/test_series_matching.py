"""Both corpus packs read from their PDFs: the same measures across 2022 and 2023 become one
series (joined when certain, offered otherwise) and different measures never join."""

import copy
from collections import Counter

import pytest

from indicators.models import (
    Indicator,
    Observation,
    PanelAcronym,
    SeriesDecision,
    SeriesJoin,
    SeriesSuggestion,
)
from indicators.services.decisions import (
    accept_suggestion,
    decline_suggestion,
    merge_indicators,
    split_series,
)
from indicators.services.series import CannotMerge
from meetings.ingest.extract import extract
from meetings.models import Pack
from meetings.services.pack_contents import store_pack_contents
from meetings.services.packs import publish_pack
from tests.conftest import FIXTURES
from tests.factories import PackFactory

pytestmark = pytest.mark.django_db

DATES = ("2022-03-31", "2023-03-30")


@pytest.fixture(scope="module")
def read_packs():
    """What the parser reads from the two PDFs today (read once: storing is what is tested)."""
    # From the text layer: OCR'd values would wait for an officer before publishing.
    return {date: extract(str(FIXTURES / f"pack-{date}.pdf"), ocr=False) for date in DATES}


def store(extraction):
    pack = PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None)
    return store_pack_contents(pack, extraction)


@pytest.fixture
def both_packs(read_packs):
    return [publish_pack(store(read_packs[date])) for date in DATES]


def series(wording):
    """The series a wording was printed under (a wording differing only in case is no alias)."""
    return Indicator.objects.filter(observations__printed_as=wording).distinct().get()


def joined(a, b):
    return series(a).pk == series(b).pk


def offered(a, b):
    one, other = series(a), series(b)
    return SeriesSuggestion.objects.filter(
        indicator__in=[one, other], candidate__in=[one, other]
    ).exists()


SAME_MEASURE = [
    (
        "Percentage of C&F assessments completed within 45 working days",
        "Percentage of C&F assessments completed in 45 working days",
    ),
    ("Number of CLA at the end of the month", "Number of children in care"),
    (
        "Number of children who are subject of a Child Protection Plan as at the end of month",
        "Number of children in child protection plans",
    ),
    (
        "Percentage of CLA for whom a visit has taken place within statutory timescales (6 weeks or less visits)",
        "CLA visiting within six weeks",
    ),
    (
        "Percentage of Care Leaver who have had their supervision and within timescale",
        "Care leaver supervision timeliness",
    ),
    ("Number of Early Help assessments completed", "Number of early help assessments completed"),
    (
        "Number of Looked after Children placed for adoption at period end",
        "Number of children looked after placed for adoption as at month end",
    ),
]
OFFERED = [
    ("Percentage of re-referrals within 12 months", "Percentage of child re-referrals"),
    ("Number of contacts", "Number of contacts to front door"),
    (
        "Percentage of CLA placed with IFAs at end of period",
        "Children in care placed in IFA placement types",
    ),
]
NEVER = [
    (
        "Percentage of children subject to Child Protection Plan for whom a visit has taken place within last 4 weeks (20 Working Days)",
        "CP Visiting within ten working days",
    ),
    ("Number of CLA at the end of the month who are UASC", "Number of children in care"),
    ("Number of referrals in the month", "Number of referrals into early help"),
    ("Number of CLA allocated to CWD", "Number of children in care"),
]


def test_same_measures_across_years_are_joined_or_offered_and_never_wrongly(both_packs):
    for a, b in SAME_MEASURE:
        assert joined(a, b), (a, b)
    for a, b in OFFERED:
        assert joined(a, b) or offered(a, b), (a, b)
    for a, b in NEVER:
        assert not joined(a, b) and not offered(a, b), (a, b)
    # No series holds two values of one period from one pack.
    per_period = Counter(Observation.objects.values_list("indicator_id", "pack_id", "period"))
    assert max(per_period.values()) == 1
    # The joined C&F series runs from April 2021 to February 2023 under both wordings.
    cf = series("Percentage of C&F assessments completed in 45 working days")
    printed = dict(cf.observations.values_list("period", "printed_as"))
    assert printed["2021-04"].endswith("within 45 working days")
    assert printed["2023-02"].endswith("in 45 working days")
    assert SeriesJoin.objects.filter(series=cf, how=SeriesJoin.How.AUTO).exists()
    # The glossary taught the panel acronyms it prints.
    assert PanelAcronym.objects.filter(acronym="icpc").exists()


def test_an_officer_joins_a_suggestion_splits_it_again_and_different_is_remembered(
    both_packs, read_packs
):
    contacts = SeriesSuggestion.objects.get(
        indicator__name="Number of contacts to front door", candidate__name="Number of contacts"
    )
    kept = accept_suggestion(contacts)
    assert kept.name == "Number of contacts"  # the earlier series continues
    assert set(kept.aliases.values_list("name", flat=True)) == {
        "Number of contacts",
        "Number of contacts to front door",
    }
    periods = list(kept.observations.order_by("period_start").values_list("period", flat=True))
    assert periods[0] == "2021-04" and periods[-1] == "2023-02"

    join = SeriesJoin.objects.get(series=kept, how=SeriesJoin.How.OFFICER)
    again = split_series(join)
    assert again.name == "Number of contacts to front door"
    assert list(again.observations.values_list("period", flat=True)) == ["2023-01", "2023-02"]
    assert not kept.observations.filter(period__startswith="2023").exists()
    join.refresh_from_db()
    assert join.is_split and join.split_into == again
    with pytest.raises(CannotMerge):
        split_series(join)

    rereferrals = SeriesSuggestion.objects.get(indicator__name="Percentage of child re-referrals")
    decline_suggestion(rereferrals)
    assert SeriesDecision.objects.filter(name_b__startswith="Percentage of").exists()
    # The 2023 pack read again: nothing the officer answered is asked again.
    child = Indicator.objects.get(name="Percentage of child re-referrals")
    again = copy.deepcopy(read_packs["2023-03-30"])
    again["warnings"].append({"page": 1, "message": "read again"})
    store_pack_contents(both_packs[1], again)
    assert not Indicator.objects.filter(pk=child.pk).exists()  # the series was made anew
    child = Indicator.objects.get(name="Percentage of child re-referrals")
    assert not SeriesSuggestion.objects.filter(indicator=child).exists()
    front_door = Indicator.objects.get(name="Number of contacts to front door")
    assert not SeriesSuggestion.objects.filter(indicator=front_door).exists()


def test_a_join_putting_two_values_of_one_period_from_one_pack_together_is_refused(both_packs):
    a = series("Number of CLA at the end of the month")
    b = series("Number of CLA at the end of the month who are UASC")
    with pytest.raises(CannotMerge, match="same pack"):
        merge_indicators(a, b)


def test_an_automatic_join_can_be_split_and_is_never_made_again(both_packs, read_packs):
    cf = series("Percentage of C&F assessments completed within 45 working days")
    join = SeriesJoin.objects.get(series=cf, how=SeriesJoin.How.AUTO)
    alone = split_series(join)
    assert alone.name == "Percentage of C&F assessments completed in 45 working days"
    assert list(alone.observations.values_list("period", flat=True)) == ["2023-01", "2023-02"]
    assert not cf.observations.filter(period__startswith="2023").exists()
    assert not cf.aliases.filter(name=alone.name).exists()
    # The 2023 pack read again: the split stands (the officer said they differ).
    again = copy.deepcopy(read_packs["2023-03-30"])
    again["warnings"].append({"page": 1, "message": "read again"})
    store_pack_contents(both_packs[1], again)
    cf.refresh_from_db()
    assert not cf.observations.filter(period__startswith="2023").exists()
    assert not SeriesSuggestion.objects.filter(candidate=cf).exists()


def test_discarding_a_draft_undoes_the_joins_its_reading_made(read_packs):
    from meetings.services.packs import discard_pack

    publish_pack(store(read_packs["2022-03-31"]))
    draft = store(read_packs["2023-03-30"])
    cf = series("Percentage of C&F assessments completed within 45 working days")
    assert cf.aliases.count() == 2 and SeriesJoin.objects.filter(pack=draft).exists()
    discard_pack(draft)
    assert list(cf.aliases.values_list("name", flat=True)) == [cf.name]
    assert not SeriesJoin.objects.filter(series=cf).exists()
    assert not SeriesSuggestion.objects.exists()
