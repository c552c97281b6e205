"""Series matching over pairs written from what councils print, not only the corpus.

SAME pairs join without asking; OFFERED pairs must at least be suggested (joined is fine too);
NEVER pairs must never join — most are never even offered.
"""

import pytest

from indicators.matching import Verdict, acronyms_in, describe, match, section_key

SAME = [
    # (first wording, second wording, unit)
    (
        "Percentage of C&F assessments completed within 45 working days",
        "Percentage of C&F assessments completed in 45 working days",
        "percent",
    ),
    ("Number of CLA at the end of the month", "Number of children in care at month end", "count"),
    (
        "Number of LAC at period end",
        "Number of looked after children at the end of the month",
        "count",
    ),
    ("Children in our care (snapshot)", "Number of children looked after", "count"),
    ("Number of CIC", "Total children in care", "count"),
    (
        "% of single assessments completed within 45 working days",
        "Proportion of assessments (SA) completed in 45 working days",
        "percent",
    ),
    (
        "Number of children subject to a CPP",
        "Number of children on a child protection plan",
        "count",
    ),
    (
        "Number of children who are subject of a Child Protection Plan as at the end of month",
        "Number of children in child protection plans",
        "count",
    ),
    ("CLA visiting within six weeks", "Percentage of LAC visited within 6 weeks", "percent"),
    (
        "Percentage of CLA at end of month with 3 or more placements during the year",
        "Percentage of children in care with 3+ placement moves in the last 12 months",
        "percent",
    ),
    ("Number of S47 enquiries", "Number of Section 47 enquiries in the month", "count"),
    ("Rate of CLA per 10,000 under 18 population", "CLA rate per 10,000 children", "rate_per_10k"),
    (
        "Rates of referrals per 10,000 of Under 18 Population",
        "Rate of referrals per 10k aged 0-17",
        "rate_per_10k",
    ),
    (
        "Number of UASC looked after",
        "Number of unaccompanied asylum seeking children in care",
        "count",
    ),
    ("Percentage of CLA placed with IFAs", "% of children in care placed with an IFA", "percent"),
    ("Number of contacts", "Total number of contacts received", "count"),
    (
        "Percentage of care leavers aged 19-21 in EET",
        "% of care leavers aged 19 to 21 in education, employment or training",
        "percent",
    ),
    (
        "Care leaver supervision timeliness",
        "Percentage of Care Leaver who have had their supervision and within timescale",
        "percent",
    ),
    ("Number of ICPCs held", "Number of initial child protection conferences", "count"),
    ("Percentage of re-referrals", "% of children re-referred", "percent"),
]

OFFERED = [
    (
        "% of single assessments completed within 45 days",
        "Percentage of C&F assessments completed within 45 working days",
        "percent",
    ),
    (
        "Timeliness of assessments (45 days)",
        "Percentage of C&F assessments completed within 45 working days",
        "percent",
    ),
    (
        "Percentage of ICPCs held within 15 working days of strategy discussion",
        "ICPC timeliness",
        "percent",
    ),
    ("% of LAC with up-to-date PEP", "Percentage of children in care with a PEP", "percent"),
    (
        "Percentage of CLA with a health assessment in the last 12 months",
        "Percentage of children in care for at least 12 months for whom health assessments up to date.",
        "percent",
    ),
    ("CP visits in timescale", "CP Visiting within ten working days", "percent"),
    ("Number of S47s", "Number of Section 47 enquiries", "count"),
    ("Number of UASC", "Number of unaccompanied asylum seeking children (UASC) in care", "count"),
    (
        "Proportion of children becoming subject to a CP plan for a second or subsequent time",
        "% of children subject to a repeat CP plan",
        "percent",
    ),
    ("Percentage of re-referrals within 12 months", "Percentage of child re-referrals", "percent"),
    ("Number of contacts", "Number of contacts to front door", "count"),
    ("Number of contacts", "Contacts into the MASH", "count"),
    (
        "Percentage of CLA placed with IFAs at end of period",
        "Children in care placed in IFA placement types",
        "percent",
    ),
    (
        "Percentage of CLA for whom a visit has taken place within statutory timescales (6 weeks or less visits)",
        "CLA visits in timescale",
        "percent",
    ),
    ("Number of Early Help assessments completed", "Early help assessments", "count"),
    (
        "CP visits within 10 working days",
        "Percentage of children on a CP plan visited within 10 working days",
        "percent",
    ),
    (
        "Percentage of CIN visits in timescale",
        "Children in need visited within timescales",
        "percent",
    ),
    (
        "Percentage of Looked after Children (LAC) with a permanence plan in place within 6 months of BLA",
        "Percentage of children in care with a permanence plan",
        "percent",
    ),
    (
        "Number of children in care with 3+ moves in 12 months",
        "Percentage of CLA at end of month with 3 or more placements during the year",
        "percent",
    ),
    ("Number of referrals", "Referrals to children's social care", "count"),
    ("Percentage of EHCPs issued within 20 weeks", "EHCP timeliness (20 weeks)", "percent"),
    ("Average caseload per social worker", "Average SW caseload", "average"),
]

# Same unit, similar words, different measures: never joined.
NEVER = [
    ("Number of CP plans", "Number of repeat CP plans", "count"),
    (
        "Percentage of assessments within 45 working days",
        "Percentage of assessments within 10 days",
        "percent",
    ),
    (
        "EHCPs issued within 20 weeks excluding exceptions",
        "EHCPs issued within 20 weeks",
        "percent",
    ),
    ("ICPCs within 15 working days", "RCPCs within 15 working days", "percent"),
    # different working-day limits
    (
        "Percentage of children subject to Child Protection Plan for whom a visit has taken place within last 4 weeks (20 Working Days)",
        "CP Visiting within ten working days",
        "percent",
    ),
    (
        "Assessments completed within 10 working days",
        "Assessments completed within 20 working days",
        "percent",
    ),
    (
        "Assessments completed within 45 working days",
        "Assessments completed within 35 working days",
        "percent",
    ),
    ("EHCPs issued within 20 weeks", "EHCPs issued within 16 weeks", "percent"),
    ("CLA visited within 6 weeks", "CLA visited within 12 weeks", "percent"),
    # different windows, ages and thresholds
    ("Re-referrals within 12 months", "Re-referrals within 6 months", "percent"),
    (
        "CLA with 3 or more placements in the year",
        "CLA with 2 or more placements in the year",
        "percent",
    ),
    ("Care leavers aged 17-18 in EET", "Care leavers aged 19-21 in EET", "percent"),
    ("Number of CLA aged 13+", "Number of CLA aged 16+", "count"),
    # open cases vs active plans; the thing counted differs
    ("Number of open CIN cases", "Number of children with an active CIN plan", "count"),
    ("Number of contacts", "Number of referrals", "count"),
    ("Number of referrals in the month", "Number of re-referrals in the month", "count"),
    ("Number of S47 enquiries", "Number of strategy discussions", "count"),
    ("Number of ICPCs", "Number of review child protection conferences", "count"),
    (
        "Percentage of CLA children with an up to date review",
        "Percentage of CLA with up to date health assessments",
        "percent",
    ),
    # a sub-group of the other
    (
        "Number of CLA at the end of the month",
        "Number of CLA at the end of the month who are UASC",
        "count",
    ),
    ("Number of CLA", "Number of CLA allocated to CWD", "count"),
    ("Number of referrals in the month", "Number of referrals into early help", "count"),
    ("Number of Early Help assessments completed", "Number of C&F assessments completed", "count"),
    (
        "Initial health assessments within 20 working days",
        "Health assessments within 20 working days",
        "percent",
    ),
    ("Number of Section 20s", "Number of CLA", "count"),
    (
        "Number of children with an active CIN plan allocated to CWD",
        "Number of children with an active CIN plan not allocated to CWD",
        "count",
    ),
    ("Number of S20 excluding UASC", "Number of S20", "count"),
    ("Care leavers in EET", "Care leavers NEET", "percent"),
]

# Possibly the same, never certainly: an officer decides.
NOT_CERTAIN = [
    (
        "Children subject to a CP plan for 2 years or more",
        "Children subject to a CP plan",
        "percent",
    ),
    ("Number of CLA", "Number of CLA aged 13+", "count"),
    ("Assessments within 45 days", "Assessments within 45 working days", "percent"),
    ("Health assessments within 20 working days", "Health assessments within 28 days", "percent"),
    ("Percentage of re-referrals within 12 months", "Percentage of re-referrals", "percent"),
    ("Number of contacts", "Number of contacts to front door", "count"),
    ("Number of CYPIC", "Number of children in care", "count"),
]

# Units never cross, whatever the words: a percentage never joins a count; a rate stays a rate.
ACROSS_UNITS = [
    ("Number of referrals", "count", "Referrals", "rate_per_10k"),
    ("Percentage of re-referrals", "percent", "Number of re-referrals", "count"),
    ("Children in care", "count", "Children in care", "rate_per_10k"),
    ("Rate of CLA", "rate", "Rate of CLA per 10,000", "rate_per_10k"),
    ("Contacts", "count", "Contacts", "percent"),
]


@pytest.mark.parametrize("a, b, unit", SAME)
def test_same_measures_join(a, b, unit):
    result = match(a, unit, b, unit)
    assert result.verdict == Verdict.SAME, result.reason
    assert match(b, unit, a, unit).verdict == Verdict.SAME  # symmetric


@pytest.mark.parametrize("a, b, unit", OFFERED)
def test_likely_same_measures_are_at_least_offered(a, b, unit):
    result = match(a, unit, b, unit)
    assert result.verdict in (Verdict.SAME, Verdict.MAYBE), result.reason


@pytest.mark.parametrize("a, b, unit", NEVER)
def test_must_never_join(a, b, unit):
    assert match(a, unit, b, unit).verdict == Verdict.DIFFERENT
    assert match(b, unit, a, unit).verdict == Verdict.DIFFERENT


@pytest.mark.parametrize("a, b, unit", NOT_CERTAIN)
def test_not_certain_is_never_joined_without_a_person(a, b, unit):
    assert match(a, unit, b, unit).verdict != Verdict.SAME


@pytest.mark.parametrize("a, unit_a, b, unit_b", ACROSS_UNITS)
def test_units_never_cross(a, unit_a, b, unit_b):
    result = match(a, unit_a, b, unit_b)
    assert result.verdict == Verdict.DIFFERENT
    assert "units differ" in result.reason


def test_the_pack_glossary_teaches_an_acronym_the_built_in_list_lacks():
    # "CYPIC" is no common acronym: without the glossary the two wordings share nothing.
    assert match("Number of CYPIC", "count", "Number of children in care", "count").verdict == (
        Verdict.DIFFERENT
    )
    learned = acronyms_in("Children and Young People in Care (CYPIC): children looked after by us")
    assert learned == {"cypic": "Children and Young People in Care"}
    assert match(
        "Number of CYPIC", "count", "Number of children in care", "count", learned
    ).verdict == (Verdict.SAME)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Every Looked After Child (LAC or CLA) must have a Health Assessment",
            {"lac": "Looked After Child", "cla": "Looked After Child"},
        ),
        (
            "Number of Voluntarily Accommodated Section 20s (S20) at period end",
            {"s20": "Section 20s"},
        ),
        (
            "An Initial Child Protection Conference (ICPC) is normally convened",
            {"icpc": "Initial Child Protection Conference"},
        ),
        ("IRO - Independent Reviewing Officer", {"iro": "Independent Reviewing Officer"}),
        (
            "Special Educational Needs and Disabilities (SEND)",
            {"send": "Special Educational Needs and Disabilities"},
        ),
        ("the review (see page 4)", {}),
    ],
)
def test_acronyms_learned_from_printed_text(text, expected):
    assert acronyms_in(text) == expected


def test_defining_numbers_are_read_in_words_and_figures():
    assert (
        describe("CP visits within ten working days").numbers
        == describe("CP visits within 10 working days").numbers
    )
    within = describe("visited within 4 weeks (20 working days)").numbers
    assert {n for n in within if n[0] == "duration"} == {("duration", 28)}
    assert ("age", "13+") in describe("Number of CLA aged 13 and over").numbers
    assert ("per", 10000) in describe("Rate per 10,000").numbers


def test_priority_areas_worded_differently_are_one():
    assert section_key("Right Service at the Right Time") == section_key(
        "Right Service, Right Time"
    )
    assert section_key("Robust Corporate Parenting") != section_key("Right Service, Right Time")


def test_a_rate_read_without_its_base_is_the_rate_per_10000_its_name_states():
    assert (
        match(
            "Rate of CLA per 10,000 under 18 population",
            "rate",
            "CLA per 10,000 children",
            "rate_per_10k",
        ).verdict
        == Verdict.SAME
    )
    assert (
        match("Rate of CLA", "rate", "CLA per 10,000", "rate_per_10k").verdict == Verdict.DIFFERENT
    )


def test_one_wording_of_a_series_that_shares_nothing_does_not_hide_another_that_matches():
    from indicators.matching import compare

    unrelated = compare(
        describe("Looked after total", "count"), describe("Number of contacts", "count")
    )
    assert unrelated.verdict == Verdict.DIFFERENT and not unrelated.hard
    defining = compare(
        describe("Visits within 10 working days", "percent"),
        describe("Visits within 20 working days", "percent"),
    )
    assert defining.hard


def test_an_officers_join_teaches_the_acronym_one_wording_spells_out():
    from indicators.matching import acronyms_between

    assert acronyms_between("Number of CYPIC", "Number of children and young people in care") == {
        "cypic": "children and young people in care"
    }
    assert acronyms_between("Number of CLA", "Number of children in care") == {}  # known already
