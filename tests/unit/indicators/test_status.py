import pytest

from indicators import status as st


@pytest.mark.parametrize(
    ("value", "target", "polarity", "unit", "expected"),
    [
        (95, 90, "higher", "percent", "green"),
        (89, 90, "higher", "percent", "amber"),  # within 2 points
        (80, 90, "higher", "percent", "red"),
        (20, 23, "lower", "percent", "green"),
        (24, 23, "lower", "percent", "amber"),
        (29, 23, "lower", "percent", "red"),
        (545, 540, "lower", "count", "amber"),  # within 5% of target for counts
        (600, 540, "lower", "count", "red"),
        (50, 50, "higher", "count", "green"),
        (50, None, "higher", "count", "none"),
        (50, 40, "neither", "count", "none"),
        (None, 40, "higher", "count", "none"),
    ],
)
def test_rag(value, target, polarity, unit, expected):
    assert st.rag(value, target, polarity, unit).key == expected


def test_every_status_has_words_and_a_distinct_shape():
    statuses = [st.GREEN, st.AMBER, st.RED]
    assert len({s.shape for s in statuses}) == 3
    assert all(s.label for s in statuses)


@pytest.mark.parametrize(
    ("current", "previous", "polarity", "key", "arrow"),
    [
        (29, 25, "lower", "worsening", "↑"),
        (25, 29, "lower", "improving", "↓"),
        (93, 91, "higher", "improving", "↑"),
        (71, 83, "higher", "worsening", "↓"),
        (10, 10, "higher", "same", "→"),
        (12, 10, "neither", "up", "↑"),
        (12, None, "higher", "none", ""),
    ],
)
def test_direction(current, previous, polarity, key, arrow):
    result = st.direction(current, previous, polarity)
    assert (result.key, result.arrow) == (key, arrow)
    assert result.label


def test_worse_than_neighbours():
    assert st.worse_than(71, 97, "higher") is True
    assert st.worse_than(29, 28, "lower") is True
    assert st.worse_than(20, 28, "lower") is False
    assert st.worse_than(20, 28, "neither") is None
    assert st.worse_than(None, 28, "lower") is None


def test_formatting():
    assert st.format_value(21.0, "percent") == "21%"
    assert st.format_value(1839, "count") == "1,839"
    assert st.format_value(33.94, "percent") == "33.9%"
    assert st.format_change(4.0, "percent") == "+4 pts"
    assert st.format_change(-12, "count") == "−12"
    assert st.format_change(None, "count") == "–"


@pytest.mark.parametrize(
    ("name", "polarity"),
    [
        ("Percentage of re-referrals within 12 months", "lower"),
        ("Children in care with 3+ moves in 12 months", "lower"),
        ("Percentage of C&F assessments completed within 45 working days", "higher"),
        ("CLA visiting within six weeks", "higher"),
        ("Percentage of CLA children with an up to date review", "higher"),
        ("Number of contacts", "neither"),
        (
            "Number of Voluntarily Accommodated Section 20s (S20) at period end excluding UASC",
            "neither",
        ),
    ],
)
def test_polarity_is_inferred_from_the_wording(name, polarity):
    from indicators.services.values import infer_polarity

    assert infer_polarity(name) == polarity
