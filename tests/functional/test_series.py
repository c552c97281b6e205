"""An officer confirms that two wordings are one measure, and the trend runs across both years."""

import pytest

from indicators.models import Indicator, SeriesJoin, SeriesSuggestion
from tests.functional.conftest import assert_no_csp_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_confirms_a_suggested_series_on_the_series_to_check_page(
    page, published_corpus, users, sign_in, shot
):
    committee = published_corpus[0].committee
    suggestion = SeriesSuggestion.objects.get(
        indicator__name="Number of contacts to front door", candidate__name="Number of contacts"
    )
    sign_in(page, "dso")
    page.goto(f"/panels/{committee.slug}/indicators/")
    page.click("a:has-text('Series to check')")
    pair = page.locator(f"#suggestion-{suggestion.pk}")
    pair.wait_for()
    # The two side by side: names, units, periods and last values.
    text = pair.inner_text()
    for expected in ("Number of contacts to front door", "Number of contacts", "Number"):
        assert expected in text
    assert "Jan 2023 – Feb 2023" in text and "Apr 2021 – Feb 2022" in text
    shot(page, "series-to-check")

    pair.locator("button:has-text('Same measure: join')").click()
    page.wait_for_selector(".message-success")
    assert "now continues “Number of contacts”" in page.locator(".messages").inner_text()
    assert page.locator(f"#suggestion-{suggestion.pk}").count() == 0
    join = SeriesJoin.objects.get(how=SeriesJoin.How.OFFICER)
    assert join.joined_by.username == "dso"
    assert not Indicator.objects.filter(name="Number of contacts to front door").exists()

    # The indicator page says which wording each period was printed under.
    page.click("a:has-text('Number of contacts') >> nth=0")
    page.wait_for_selector(".series-wordings")
    wordings = page.locator(".series-wordings").inner_text()
    assert "“Number of contacts”: Apr 2021 – Feb 2022" in wordings
    assert "“Number of contacts to front door”: Jan 2023 – Feb 2023" in wordings
    shot(page, "series-joined-indicator")

    # Split again from the joins' history: two series once more.
    page.click("a:has-text('How these were joined')")
    page.locator("#joins tr", has_text="Number of contacts to front door").locator(
        "button:has-text('Split')"
    ).click()
    page.wait_for_selector(".message-success")
    assert Indicator.objects.filter(name="Number of contacts to front door").exists()
    assert_no_csp_violations(page)
