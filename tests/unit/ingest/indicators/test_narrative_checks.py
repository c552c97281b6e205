"""What a sentence says about its figures must agree with them; the reporting month stated once;
bullets; benchmarks belong to their statement."""

import pytest

from meetings.ingest.indicators.narrative import Months, read, read_sentence
from tests.unit.ingest.indicators.test_narrative_phrasings import MAY, said
from tests.unit.ingest.pages import make_page


@pytest.mark.parametrize(
    ("sentence", "disagreement"),
    [
        ("Plans lasting two years or more increased from 20 in April to 18 in May.", "'increased'"),
        ("The number of visits fell from 180 to 195 in May.", "'fell'"),
        ("Families supported fell by 5% from 420 in April to 380 in May.", "a change of 5%"),
        (
            "Persistent absence dropped by 3 percentage points from 24% in April to 22% in May.",
            "a change of 3 percentage points",
        ),
    ],
)
def test_words_that_disagree_with_the_figures_refuse_them(sentence, disagreement):
    warnings = []
    assert said(sentence, warnings=warnings) == []
    [warned] = warnings
    assert warned["page"] == 3 and disagreement in warned["message"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Early help assessments went up by 10% from 150 in April to 165 in May.",
        "Persistent absence dropped by 2 percentage points from 24% in April to 22% in May.",
        "Children missing education rose by 12 from 96 in April to 108 in May.",
        "The number of children in care decreased from 553 to 545 in May, a fall of 8.",
        # measured from another month: not compared
        "Placement moves fell from 16% to 15% in May, a 12 percentage point improvement since June 22.",
    ],
)
def test_words_that_agree_with_the_figures(sentence):
    warnings = []
    assert len(said(sentence, warnings=warnings)[0][1]) == 2 and warnings == []


def test_a_percentage_for_an_indicator_read_as_a_count_is_refused():
    page = make_page(
        "May 2024 performance\n"
        "The number of referrals was 1,120 in May.\n"
        "The number of referrals was 12% in April.",  # a percentage of a count
        number=4,
    )
    warnings = []
    [item] = read([page], warnings=warnings)
    assert [v["value"] for v in item["values"]] == [1120.0]
    assert warnings[0]["page"] == 4 and "percent" in warnings[0]["message"]


def test_the_month_stated_once_covers_the_whole_report():
    pages = [make_page("Westbury Borough Council\nMay 2024 performance", number=1)] + [
        make_page(f"Slide {n}\nThe number of referrals was {n}00 in April.", number=n)
        for n in range(2, 9)
    ]
    pages[-1] = make_page("Contacts\nMay had 1,402 contacts.", number=8)
    found = {i["name"]: i for i in read(pages)}
    assert found["Contacts"]["values"] == [{"period": MAY, "value": 1402.0, "page": 8}]


def test_two_months_stated_leave_later_pages_with_the_nearest():
    pages = [
        make_page("April 2024 performance\nThe number of referrals is 100.", number=1),
        make_page("May 2024 performance\nThe number of contacts is 200.", number=2),
    ]
    found = {i["name"]: i["values"][0]["period"] for i in read(pages)}
    assert found == {"Number of referrals": "2024-04", "Number of contacts": MAY}


@pytest.mark.parametrize("bullet", ["•", "-", "–", "▪"])
def test_a_bullet_ends_the_sentence_before_it(bullet):
    page = make_page(
        "May 2024 performance\n"
        f"{bullet} Re-referrals have fallen to 21%\n"
        f"{bullet} The number of contacts rose from 1,200 in April to 1,402 in May\n"
        f"{bullet} Assessments in time are 88% against a target of 90%",
        number=6,
    )
    found = {i["name"]: i for i in read([page])}
    assert set(found) == {"Re-referrals", "Number of contacts", "Assessments in time"}
    assert found["Re-referrals"]["values"][0]["value"] == 21.0
    assert found["Assessments in time"]["target"] == 90.0
    assert found["Number of contacts"]["target"] is None


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        (
            "Repeat plans increased to 9%, above our target and the statistical neighbour "
            "average of 7%.",
            "statistical_neighbours",
            7.0,
        ),
        ("Repeat plans are 9%, below the South East average of 11%.", "region", 11.0),
        ("Repeat plans are 9%, with the England average at 12%.", "england", 12.0),
        ("Repeat plans are 9%, above the regional average of 8%.", "region", 8.0),
    ],
)
def test_benchmarks_belong_to_their_statement(sentence, kind, value):
    page = make_page(f"May 2024 performance\n{sentence}\nThe number of contacts is 200.")
    found = {i["name"]: i for i in read([page])}
    assert [(b["kind"], b["value"]) for b in found["Repeat plans"]["benchmarks"]] == [(kind, value)]
    assert found["Repeat plans"]["target"] is None
    assert found["Number of contacts"]["benchmarks"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        # staff, people who are not the service's children, counts of time
        "The front door team has 14 social workers in post.",
        "On 31 May 2024, 12 social workers were agency staff.",
        "The staff vacancy rate is 18%.",
        "Average caseloads for social workers are 17.",
        "There are 12 vacancies in the assessment teams.",
        "There were 6 panel meetings in May.",
        # percentages of something else, parts of a figure
        "Of these, 22% progressed to a referral.",
        "Around 60% of assessments led to no further action.",
        "Police were the source of 31% of referrals.",
        "Of the 412, 37 are unaccompanied asylum-seeking children.",
        # "this figure", "it", "the figure": names nothing
        "This figure rose to 14% in March before falling back.",
        "It increased to 27% in May.",
        "In April the figure was 91%.",
        "The figure for April was revised to 1,070.",
        "This is 4% higher than in April.",
        # comparators on their own
        "The target for this measure is 11%.",
        "The England figure is 23%.",
        "The South East average is 84%.",
        "Statistical neighbours sit at 57%.",
        # changes without a level, dates, other years
        "Assessments have grown by 30% since September 2023.",
        "Contacts from schools have grown by 30% since September.",
        "The 2023/24 outturn was 18%.",
        "Figures for April have been refreshed since the last report.",
        "Three of the 12 audits were graded inadequate.",
        "The service received 42 compliments in May.",
        "Caseloads average 17 children per worker.",
        "Educational attainment at KS2 has increased to 8%.",
        "The next report will be in June 2024.",
    ],
)
def test_sentences_that_give_nothing(sentence):
    assert said(sentence) == []


def test_a_current_figure_without_a_stated_month_is_warned():
    warnings = []
    months = Months("2024-05", None)
    assert read_sentence("There are 41 children in residential care.", months, 9, warnings) == []
    assert warnings[0]["page"] == 9 and "no stated month" in warnings[0]["message"]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Repeat plans stand at 23% compared to 19% nationally.",
            [("england", 19.0)],
        ),
        (
            "Repeat plans are 21%, compared with 23% for statistical neighbours and 22% regionally.",
            [("statistical_neighbours", 23.0), ("region", 22.0)],
        ),
        (
            "Repeat plans: 24% (SN 20%, England 18%)",
            [("england", 18.0), ("statistical_neighbours", 20.0)],
        ),
    ],
)
def test_benchmarks_written_after_their_figure(sentence, want):
    page = make_page(f"May 2024 performance\n{sentence}")
    [item] = read([page])
    assert sorted((b["kind"], b["value"]) for b in item["benchmarks"]) == sorted(want)


@pytest.mark.parametrize(
    "sentence",
    [
        "Assessments in time were 92% (target 90%).",
        "Assessments in time improved to 92%, exceeding the 90% target.",
    ],
)
def test_targets_written_in_brackets_or_before_the_word(sentence):
    page = make_page(f"May 2024 performance\n{sentence}")
    [item] = read([page])
    assert item["target"] == 90.0


def test_a_change_before_the_level_is_checked_too():
    warnings = []
    assert (
        said("Contacts to the MASH increased 10% to 1,402 from 1,250 in April.", warnings=warnings)
        == []
    )
    assert "a change of 10%" in warnings[0]["message"] and "12.2%" in warnings[0]["message"]
