import pytest

from meetings.ingest.indicators.narrative import Months, read, read_sentence
from tests.unit.ingest.conftest import make_page

MONTH = "2023-02"


def statements(sentence):
    return [(name, values) for name, values, _, _ in read_sentence(sentence, MONTH)]


def test_from_month_to_month():
    assert statements(
        "The number of referrals into early help decreased from 220 in January to 172 in February."
    ) == [("Number of referrals into early help", [("2023-01", 220.0), ("2023-02", 172.0)])]


def test_subject_named_as_the_sentence_names_it():
    [(name, values)] = statements(
        "Analysis: CP Visiting within ten working days decreased from 95% in January to 93% in February, however this is strong."
    )
    assert name == "CP Visiting within ten working days" and values == [
        ("2023-01", 95.0),
        ("2023-02", 93.0),
    ]
    [(name, _)] = statements(
        "There was a decrease in the percentage of child re-referrals from 27% in January to 25% in February."
    )
    assert name == "Percentage of child re-referrals"
    [(name, _)] = statements(
        "CLA visiting within six weeks remains an area of improvement with a decrease from 81% in January to 79% in February."
    )
    assert name == "CLA visiting within six weeks"


def test_implied_previous_month_and_pairs_in_brackets():
    assert statements(
        "Children in care placed in IFA placement types increased from 28% to 29% in February."
    ) == [
        ("Children in care placed in IFA placement types", [("2023-01", 28.0), ("2023-02", 29.0)])
    ]
    found = statements(
        "Whilst number of contacts to front door reduced from 1839 in January to 1598 in February, the number of referrals in the month remained similar (343 in January and 330 in February)."
    )
    assert found == [
        ("Number of contacts to front door", [("2023-01", 1839.0), ("2023-02", 1598.0)]),
        ("Number of referrals in the month", [("2023-01", 343.0), ("2023-02", 330.0)]),
    ]


def test_months_resolve_across_the_year_end():
    assert statements("CLA visits fell from 90% in December to 85% in January.") == [
        ("CLA visits", [("2022-12", 90.0), ("2023-01", 85.0)])
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Referrals were down 7% on last year.",
        "This represents a 12 percentage point improvement since June 22 (27%).",
        "54% ICPCs happened in timescale and the service are addressing this.",
        "Initial health assessments within 20 working days is particularly low (1/20, 5%).",
        "Attainment at KS2 has plateaued at 29% but is still above the national average.",
        "Performance improved from 80% to 85% over the year.",
        "The rate rose from 20% in March to 25% in January.",  # months running backwards
        "It went from 20% in January to 250 in February.",  # a percentage and a count
        # The earlier month is not stated and the later is not the month reported on.
        "Health assessments on time have decreased from 86% to 83% in January.",
        # Another year than the report's, said in words the reader does not resolve.
        "Re-referrals fell from 30% in January last year to 27% in January.",
        "In 2021/22 the number of re-referrals rose from 20% in January to 25% in February.",
        # January 2022 to February 2022, or to February 2023? Not certain: left out.
        "The number of children in care rose from 540 in January 2022 to 545 in February.",
        # After the month reported on.
        "The number of children in care rose from 540 in February to 545 in March.",
        # No subject: a one-word clause after a comma is not a name.
        "In comparison with the number of referrals, assessments increased from 101 in January to 113 in February.",
        "The number of children in care with 3 + moves in 12 months decreased by 7% in February.",
        "A 12 percentage point improvement from 15 in January to 27 in February was noted.",
    ],
)
def test_sentences_that_are_not_values(sentence):
    assert statements(sentence) == []


def test_targets_and_neighbours_attach_to_the_statement_they_follow():
    page = make_page(
        "Summary of performance up to the end of February 2023.\n"
        "The number of children placed for adoption decreased from 23 in January to 17 in February. "
        "This remains lower than our statistical neighbours average of 21.\n"
        "CP Visiting decreased from 95% in January to 93% in February, exceeding our local target of 90%.\n"
        "We have also highlighted the CLA supervision which remains below our local target of 90%.",
        number=47,
    )
    found = {i["name"]: i for i in read([page])}
    adoption = found["Number of children placed for adoption"]
    assert adoption["benchmarks"] == [
        {
            "label": "statistical neighbours average",
            "kind": "statistical_neighbours",
            "period": None,
            "value": 21.0,
        }
    ]
    assert (
        adoption["unit"] == "count"
        and adoption["source"] == "narrative"
        and adoption["values"][0]["page"] == 47
    )
    assert found["CP Visiting"]["target"] == 90.0 and found["CP Visiting"]["unit"] == "percent"
    assert len(found) == 2


def test_no_reporting_month_no_values():
    page = make_page("The number of referrals decreased from 220 in January to 172 in February.")
    assert read([page]) == []
    assert read([page], meeting_date="2023-03-30")[0]["values"][1]["period"] == "2023-02"


def test_the_later_value_printed_first():
    assert statements("CP visiting rose to 95% in February from 93% in January.") == [
        ("CP visiting", [("2023-01", 93.0), ("2023-02", 95.0)])
    ]
    assert statements(
        "The number of contacts was 1598 in February, compared with 1839 in January."
    ) == [("Number of contacts", [("2023-01", 1839.0), ("2023-02", 1598.0)])]
    assert (
        statements("Timeliness was 80% in January, compared with 85% in February.") == []
    )  # runs backwards


def test_the_implied_month_before_only_for_the_month_reported_on():
    assert statements("Health assessments on time decreased from 86% to 83% in February.") == [
        ("Health assessments on time", [("2023-01", 86.0), ("2023-02", 83.0)])
    ]


def test_years_printed_in_short_and_either_side():
    assert statements("CP visits decreased from 86% in January to 84% in February ‘23.") == [
        ("CP visits", [("2023-01", 86.0), ("2023-02", 84.0)])
    ]
    assert statements(
        "The number of children in care rose from 540 in December 2022 to 545 in February."
    ) == [("Number of children in care", [("2022-12", 540.0), ("2023-02", 545.0)])]


def test_a_month_before_a_dated_month_is_the_one_just_before_it():
    assert statements(
        "The number of referrals fell from 220 in January to 172 in February 2022."
    ) == [("Number of referrals", [("2022-01", 220.0), ("2022-02", 172.0)])]


def test_two_statements_in_one_sentence_keep_their_own_names():
    assert statements(
        "The percentage of children seen alone went from 70% in January to 72% in February, "
        "whilst the percentage of visits in time fell from 90% in January to 85% in February."
    ) == [
        ("Percentage of children seen alone", [("2023-01", 70.0), ("2023-02", 72.0)]),
        ("Percentage of visits in time", [("2023-01", 90.0), ("2023-02", 85.0)]),
    ]


def test_a_target_of_another_subject_is_not_taken():
    page = make_page(
        "Performance up to the end of February 2023.\n"
        "CP visits decreased from 95% in January to 93% in February, while CLA visits remain "
        "below the target of 100%.\n"
        "The percentage of re-referrals rose from 20% in January to 22% in February against a "
        "target of 23%, whilst the percentage of assessments in time fell from 90% in January to "
        "85% in February.\n"
        "The number of adoptions fell from 23 in January to 17 in February, against a target of 90%.",
    )
    found = {i["name"]: i for i in read([page])}
    assert found["CP visits"]["target"] is None
    assert found["Percentage of re-referrals"]["target"] == 23.0
    assert found["Percentage of assessments in time"]["target"] is None
    assert found["Number of adoptions"]["target"] is None  # a percentage target for a count


def test_two_sentences_disagreeing_on_a_value_give_neither():
    page = make_page(
        "Performance up to the end of February 2023.\n"
        "The number of referrals decreased from 220 in January to 172 in February.\n"
        "The number of referrals decreased from 221 in January to 172 in February.",
        number=12,
    )
    warnings = []
    [item] = read([page], warnings=warnings)
    assert [(v["period"], v["value"]) for v in item["values"]] == [("2023-02", 172.0)]
    assert warnings and warnings[0]["page"] == 12 and "2023-01" in warnings[0]["message"]


def test_national_average():
    page = make_page(
        "Performance up to the end of February 2023.\n"
        "EHCPs issued within 20 weeks rose from 45% in January to 60% in February, above the "
        "national average of 50%."
    )
    [item] = read([page])
    assert item["benchmarks"] == [
        {"label": "national average", "kind": "england", "period": None, "value": 50.0}
    ]


def test_an_implied_month_needs_the_reporting_month_stated_on_the_page():
    page = make_page(
        "The number of children in care decreased from 553 to 545 in February.\n"
        "The care leaver supervision timeliness figure of 86% which has improved considerably "
        "from 45% in January.\n"
        "The number of referrals decreased from 220 in January to 172 in February.",
        number=30,
    )
    [item] = read([page], meeting_date="2023-03-30")  # the meeting date alone: only named months
    assert item["name"] == "Number of referrals"


def test_an_earlier_reports_month_does_not_move_february_into_last_year():
    send = make_page("SEND data up to the end of December 2022 shows …", number=10)
    slides = make_page(
        "The number of referrals decreased from 220 in January to 172 in February.", number=40
    )
    [item] = read([send, slides], meeting_date="2023-03-30")
    assert [v["period"] for v in item["values"]] == ["2023-01", "2023-02"]


def test_months_with_their_years():
    assert statements(
        "Child re-referrals fell from 30% in December 2022 to 27% in January 2023."
    ) == [("Child re-referrals", [("2022-12", 30.0), ("2023-01", 27.0)])]
    assert (
        statements("Re-referrals fell from 30% in March 2023 to 27% in April 2023.") == []
    )  # after the report


@pytest.mark.parametrize(
    "sentence",
    [
        "This figure decreased from 86% in January to 84% in February.",
        "It increased from 20 in January to 25 in February.",
        "Performance improved from 80% in January to 85% in February.",
    ],
)
def test_no_indicator_no_value(sentence):
    assert statements(sentence) == []


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


def test_a_figure_last_year_compared_is_not_read_but_the_figure_is():
    assert statements(
        "The number of contacts was 1598 in February, compared with 1839 in February last year."
    ) == [("Number of contacts", [("2023-02", 1598.0)])]


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
