"""The series-to-check page and its buttons: officers only, one click each, remembered."""

import pytest

from indicators import selectors
from indicators.models import Indicator, SeriesDecision, SeriesJoin, SeriesSuggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel(published_corpus):
    return published_corpus[0].committee


def suggestion(name):
    return SeriesSuggestion.objects.select_related("indicator", "candidate").get(
        indicator__name=name
    )


def test_only_officers_see_and_answer_suggestions(client, panel, users):
    url = f"/panels/{panel.slug}/series/"
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(users["councillor"])
    assert client.get(url).status_code == 403
    pick = suggestion("Number of contacts to front door")
    join = f"/panels/{panel.slug}/series/suggestions/{pick.pk}/join/"
    assert client.post(join).status_code == 403
    for officer in ("dso", "manager"):
        client.force_login(users[officer])
        page = client.get(url)
        assert page.status_code == 200
        assert "Number of contacts to front door" in page.content.decode()
    assert client.get(join).status_code == 405  # a button, never a link


def test_join_different_and_split_from_the_page(client, panel, users):
    client.force_login(users["dso"])
    contacts = suggestion("Number of contacts to front door")
    response = client.post(
        f"/panels/{panel.slug}/series/suggestions/{contacts.pk}/join/",
        {"next": "https://elsewhere.example/"},
    )
    assert response.status_code == 302 and response.url == f"/panels/{panel.slug}/series/"
    kept = Indicator.objects.get(name="Number of contacts")
    assert kept.aliases.filter(name="Number of contacts to front door").exists()

    rereferrals = suggestion("Percentage of child re-referrals")
    client.post(f"/panels/{panel.slug}/series/suggestions/{rereferrals.pk}/different/")
    assert not SeriesSuggestion.objects.filter(pk=rereferrals.pk).exists()
    assert SeriesDecision.objects.filter(committee=panel).count() == 1

    join = SeriesJoin.objects.get(series=kept, how=SeriesJoin.How.OFFICER)
    client.post(f"/panels/{panel.slug}/series/joins/{join.pk}/split/")
    assert Indicator.objects.filter(name="Number of contacts to front door").exists()
    page = client.get(f"/panels/{panel.slug}/series/").content.decode()
    assert "Split" in page and "its own series" in page


def test_the_dashboard_keeps_indicators_the_latest_pack_dropped_apart(client, panel):
    page = client.get(f"/panels/{panel.slug}/indicators/").content.decode()
    stale = page.split('id="stale-heading"')[1]
    # Reported in 2022 only: apart, with when it was last reported.
    assert "Rates of Single Assessments completed per 10,000" in stale
    assert "last reported Feb 2022" in stale
    current = page.split('id="stale-heading"')[0]
    assert "Rates of Single Assessments completed per 10,000" not in current
    # Joined across the years, so "since a year ago" is filled in (Feb 2023 against Feb 2022).
    rows, stale_rows = selectors.split_stale(selectors.dashboard_rows(panel))
    cf = next(r for r in rows if r.indicator.name.startswith("Percentage of C&F assessments"))
    assert cf.period == "Feb 2023" and cf.year_ago.period == "2022-02"
    assert cf.year_change == pytest.approx(84 - 93)
    assert all(not r.stale for r in rows) and all(r.stale for r in stale_rows)
    # One priority area, worded two ways in two packs, is one section.
    assert (
        current.count(">Right Service, Right Time")
        + current.count(">Right Service at the Right Time")
        <= 1
    )


def test_a_priority_area_worded_two_ways_is_one_section(client, panel):
    Indicator.objects.filter(name="Number of referrals in the month").update(
        section="Right Service at the Right Time"
    )
    Indicator.objects.filter(name="Number of contacts to front door").update(
        section="Right Service, Right Time"
    )
    assert selectors.sections_of(panel) == ["Right Service, Right Time"]
    rows = {r.indicator.name: r for r in selectors.dashboard_rows(panel)}
    assert rows["Number of referrals in the month"].indicator.section == "Right Service, Right Time"
    shown = selectors.section_page(panel, "Right Service, Right Time")
    assert {i.name for i, _, _ in shown} == {
        "Number of referrals in the month",
        "Number of contacts to front door",
    }
    page = client.get(
        f"/panels/{panel.slug}/indicators/", {"section": "Right Service, Right Time"}
    ).content.decode()
    assert "Number of referrals in the month" in page


def test_a_join_teaches_the_panel_an_acronym_for_the_next_pack(panel):
    from indicators.matching import Verdict, match
    from indicators.models import PanelAcronym
    from indicators.services.decisions import accept_suggestion
    from indicators.services.series import acronyms_for

    short = Indicator.objects.create(committee=panel, name="Number of CYPIC", unit="count")
    long = Indicator.objects.create(
        committee=panel, name="Number of children and young people in care", unit="count"
    )
    accept_suggestion(SeriesSuggestion.objects.create(indicator=short, candidate=long, score=0.5))
    learned = PanelAcronym.objects.get(committee=panel, acronym="cypic")
    assert learned.learned_from == PanelAcronym.Learned.OFFICER
    known = acronyms_for(None, panel)
    assert match(
        "CYPIC at month end", "count", "Children and young people in care", "count", known
    ).verdict == (Verdict.SAME)
