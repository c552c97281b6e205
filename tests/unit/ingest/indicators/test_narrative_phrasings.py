"""Value statements as councils write them: every family in two paraphrases or more, read
against a report on May 2024, and the sentences that must give nothing."""

import pytest

from meetings.ingest.indicators.narrative import Months, read, read_sentence
from tests.unit.ingest.pages import make_page

# Value statements as councils write them, each family in two paraphrases, read against a report
# on May 2024 ("May 2024 performance").
MAY = "2024-05"


def said(sentence, heading=None, warnings=None):
    months = Months(MAY, MAY)
    return [
        (r.name, r.values, r.unit)
        for r in read_sentence(
            sentence, months, 3, warnings if warnings is not None else [], heading
        )
    ]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "There are 41 children in residential care, down from 47 in March 2023.",
            ("Children in residential care", [("2023-03", 47.0), (MAY, 41.0)], None),
        ),
        (
            "There were 64 children missing from home, up from 52 in April.",
            ("Children missing from home", [("2024-04", 52.0), (MAY, 64.0)], None),
        ),
        (
            "In May 2024, 58 children became looked after.",
            ("Children became looked after", [(MAY, 58.0)], None),
        ),
        (
            "April saw 1,288 contacts from the police.",
            ("Contacts from the police", [("2024-04", 1288.0)], None),
        ),
    ],
)
def test_the_subject_after_the_number(sentence, want):
    assert said(sentence) == [want]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "The rate of assessments, 512, has fallen by 8% since March.",
            ("Rate of assessments", [(MAY, 512.0)], "rate"),
        ),
        (
            "The number of open cases (1,210) has risen since April.",
            ("Number of open cases", [(MAY, 1210.0)], "count"),
        ),
    ],
)
def test_the_figure_in_apposition(sentence, want):
    assert said(sentence) == [want]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Re-referrals within 12 months remain around 12%, down from 15% in January.",
            ("Re-referrals within 12 months", [("2024-01", 15.0), (MAY, 12.0)], "percent"),
        ),
        (
            "The re-referral rate has dipped slightly to 19%, from 21% in April.",
            ("Re-referral rate", [("2024-04", 21.0), (MAY, 19.0)], "percent"),
        ),
        (
            "CLA with three or more placement moves is 8.5%, compared to 9.1% last month.",
            ("CLA with three or more placement moves", [("2024-04", 9.1), (MAY, 8.5)], "percent"),
        ),
        (
            "Timeliness of assessments improved to 86% in May from 82% in April.",
            ("Timeliness of assessments", [("2024-04", 82.0), (MAY, 86.0)], "percent"),
        ),
    ],
)
def test_a_level_with_the_figure_before(sentence, want):
    assert said(sentence) == [want]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Second or subsequent plans increased to 9%, above our target.",
            ("Second or subsequent plans", [(MAY, 9.0)], "percent"),
        ),
        (
            "Initial conferences held within 15 working days reached 79% in May.",
            ("Initial conferences held within 15 working days", [(MAY, 79.0)], "percent"),
        ),
        (
            "The conversion rate from contact to referral is now 24%.",
            ("Conversion rate from contact to referral", [(MAY, 24.0)], "percent"),
        ),
        (
            "Missing episodes for children in care totalled 57 in May.",
            ("Missing episodes for children in care", [(MAY, 57.0)], None),
        ),
    ],
)
def test_a_level_of_the_reporting_month(sentence, want):
    assert said(sentence) == [want]


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of children in care reduced to 412 with a rate of 91 per 10,000.",
        "The number of children in care fell to 412, a rate of 91 per 10,000 children.",
    ],
)
def test_a_count_with_its_rate(sentence):
    assert said(sentence) == [
        ("Number of children in care", [(MAY, 412.0)], "count"),
        ("Rate of children in care", [(MAY, 91.0)], "rate_per_10k"),
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Referrals have a current rate of 588 per 10,000.", "Rate of referrals"),
        ("Child protection plans show a rate of 52 per 10,000.", "Rate of child protection plans"),
    ],
)
def test_a_rate_of(sentence, name):
    assert said(sentence) == [
        (name, [(MAY, float(sentence.split(" of ")[-1][:3]))], "rate_per_10k")
    ]


@pytest.mark.parametrize(
    ("sentence", "heading"),
    [
        ("May had 1,402 contacts.", "Contacts to the front door"),
        (
            "The number of contacts to the front door was 1,402 in May.",
            "Contacts to the front door",
        ),
    ],
)
def test_a_short_name_is_the_headings_indicator(sentence, heading):
    assert [(name, values) for name, values, _ in said(sentence, heading)] == [
        (heading, [(MAY, 1402.0)])
    ]


def test_a_name_the_heading_does_not_hold_keeps_its_own():
    assert said("The rate of assessments, 512, has fallen since March.", "Assessments")[0][0] == (
        "Rate of assessments"
    )


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Re-referrals: 21% (April 23%)",
            ("Re-referrals", [("2024-04", 23.0), (MAY, 21.0)], "percent"),
        ),
        (
            "CIN rate: 310 per 10,000 (last month: 322)",
            ("CIN rate", [("2024-04", 322.0), (MAY, 310.0)], "rate_per_10k"),
        ),
        (
            "Assessments in 45 days: 88%, down from 91% in April.",
            ("Assessments in 45 days", [("2024-04", 91.0), (MAY, 88.0)], "percent"),
        ),
    ],
)
def test_a_slide_label_and_its_figure(sentence, want):
    assert said(sentence) == [want]


def test_a_month_without_a_year_far_before_the_report_is_not_read():
    assert said("June had 1,402 contacts.", "Contacts") == []  # last June, or a slip?
    assert said("April had 1,288 contacts.", "Contacts")[0][1] == [("2024-04", 1288.0)]


def test_a_private_use_bullet_still_ends_the_sentence_before_it():
    page = make_page(
        "May 2024 performance\n"
        "\uf0b7 Re-referrals have fallen to 21%\n"
        "\uf0b7 The number of contacts rose from 1,200 in April to 1,402 in May",
        number=6,
    )
    assert {i["name"] for i in read([page])} == {"Re-referrals", "Number of contacts"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysis: 54% ICPCs happened in timescale.",
        "Reporting period: May 2024",
        "Contacts: 1,402",  # one plain word, and no heading that names it
        "Summary: 3 of 12 indicators improved.",
    ],
)
def test_labels_that_name_nothing(sentence):
    assert said(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "The number of contacts in April was 1,288.",
            [("Number of contacts", [("2024-04", 1288.0)])],
        ),
        ("Re-referrals in May stood at 21%.", [("Re-referrals", [(MAY, 21.0)])]),
        (
            "Contacts to the front door increased to 1,402 in May (from 1,288 in April).",
            [("Contacts to the front door", [("2024-04", 1288.0), (MAY, 1402.0)])],
        ),
        (
            "The number of CLA is 412 (91 per 10,000).",
            [("Number of CLA", [(MAY, 412.0)]), ("Rate of CLA", [(MAY, 91.0)])],
        ),
    ],
)
def test_months_in_the_name_and_figures_in_brackets(sentence, want):
    assert [(name, values) for name, values, _ in said(sentence)] == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "312 families were supported by Early Help in May, compared with 298 in April.",
            [("Families supported by Early Help", [("2024-04", 298.0), (MAY, 312.0)])],
        ),
        (
            "As of 31 May 2024, 255 children were subject to a child protection plan, a rate of "
            "44.6 per 10,000.",
            [
                ("Children subject to a child protection plan", [(MAY, 255.0)]),
                ("Rate of children subject to a child protection plan", [(MAY, 44.6)]),
            ],
        ),
    ],
)
def test_the_number_first(sentence, want):
    assert [(name, values) for name, values, _ in said(sentence)] == want


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The percentage of care leavers in employment, education or training is 61%.",
            "Percentage of care leavers in employment, education or training",
        ),
        ("Placement stability (long term) remains good at 71%.", "Placement stability (long term)"),
    ],
)
def test_names_with_a_list_or_brackets(sentence, name):
    assert said(sentence)[0][0] == name


@pytest.mark.parametrize(
    "sentence",
    [
        "Statutory power to undertake proposals in the report: 26.",
        "5 conferences were rescheduled because of staff sickness.",
        "2 social workers were recruited in May.",
    ],
)
def test_paragraph_numbers_and_staff_give_nothing(sentence):
    assert said(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Re-referrals have reduced from 24% last month to 21%.",
            [("Re-referrals", [("2024-04", 24.0), (MAY, 21.0)])],
        ),
        ("In April, re-referrals were 21%.", [("Re-referrals", [("2024-04", 21.0)])]),
        (
            "The number of open CIN cases has risen steadily over the year and now stands at 1,245.",
            [("Number of open CIN cases", [(MAY, 1245.0)])],
        ),
    ],
)
def test_months_said_in_words_or_before_the_subject(sentence, want):
    assert [(name, values) for name, values, _ in said(sentence)] == want


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of re-referrals rose from 20 to 25 in 2021/22.",
        "In April and May, re-referrals were 21%.",  # which month?
        "Re-referrals were 21% over the last quarter.",
        "Contacts totalled 14,020 year to date.",
    ],
)
def test_figures_of_another_period_give_nothing(sentence):
    assert said(sentence) == []


def test_a_target_printed_before_the_word():
    page = make_page(
        "May 2024 performance\n"
        "Timeliness of single assessments has improved to 91%, exceeding the 85% target."
    )
    [item] = read([page])
    assert item["target"] == 85.0


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Initial health assessments in 20 days reduced to 41% in May (April: 56%).",
            [("Initial health assessments in 20 days", [("2024-04", 56.0), (MAY, 41.0)])],
        ),
        (
            "There has been a reduction in the number of children in care to 401.",
            [("Number of children in care", [(MAY, 401.0)])],
        ),
        (
            "There has been a rise in the number of EHCPs issued to 120, from 98 in April.",
            [("Number of EHCPs issued", [("2024-04", 98.0), (MAY, 120.0)])],
        ),
        (
            "The number of children open to social care at the end of May was 2,104.",
            [("Number of children open to social care", [(MAY, 2104.0)])],
        ),
    ],
)
def test_changes_named_first_and_earlier_months_in_brackets(sentence, want):
    assert [(name, values) for name, values, _ in said(sentence)] == want


@pytest.mark.parametrize(
    "sentence",
    [
        "Contacts to the MASH increased 12% since April.",  # by how much, not to what
        "Referrals to social care fell 40 in May.",
        "There were 12 more referrals than in April.",
        "There are 3 fewer children in care than last month.",
        "Of the 1,402 contacts in May, 22% progressed to referral.",
        "The number of children in care is 412, compared to 398 last year.",
    ],
)
def test_differences_give_nothing(sentence):
    assert said(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Contacts to the MASH increased 12% to 1,402.", [(MAY, 1402.0)]),
        (
            "Contacts to the MASH increased 12% to 1,402 from 1,250 in April.",
            [("2024-04", 1250.0), (MAY, 1402.0)],
        ),
        ("Contacts to the MASH have increased by 120 to 1,402.", [(MAY, 1402.0)]),
    ],
)
def test_a_change_then_the_level(sentence, values):
    assert said(sentence)[0][1] == values


@pytest.mark.parametrize(
    "sentence",
    [
        "So we increased the number of special school places from 530 to 707 (2017 – 2020).",
        "The number of EHCPs rose to 2,310 by 2023.",
    ],
)
def test_figures_dated_by_a_year_after_them_give_nothing(sentence):
    assert said(sentence) == []
