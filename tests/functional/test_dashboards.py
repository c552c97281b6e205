"""A councillor's evening before the meeting: dashboard, filter, an indicator, its chart, export."""

import pytest

from indicators.models import Indicator
from tests.functional.conftest import assert_no_csp_violations, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def panel(published_corpus):
    committee = published_corpus[0].committee
    Indicator.objects.filter(
        committee=committee, name__startswith="Percentage of CLA for whom"
    ).update(polarity="higher", section="Purposeful Direct Contact")
    Indicator.objects.filter(
        committee=committee, name__startswith="Percentage of re-referrals"
    ).update(polarity="lower", section="Effective assessment and intervention")
    Indicator.objects.filter(committee=committee, name__startswith="Number of").update(
        section="Right Service at the Right Time"
    )
    return committee


def test_dashboard_filter_indicator_hover_and_export(page, panel, shot):
    page.goto(f"/panels/{panel.slug}/indicators/")
    page.wait_for_selector("table.dashboard")
    shot(page, "dashboard")
    assert page.locator("tr.section-row").count() >= 2

    page.select_option("#id_rag", "red")
    page.click("button:has-text('Filter')")
    page.wait_for_url("**rag=red**")
    names = page.locator("table.dashboard tbody td.indicator-name").all_inner_texts()
    assert any("Percentage of CLA for whom a visit" in n for n in names)
    assert all(
        "Off target" in t for t in page.locator("table.dashboard tbody td .rag").all_inner_texts()
    )
    shot(page, "dashboard-filtered")

    with page.expect_download() as download:
        page.click("a:has-text('Export CSV')")
    assert download.value.suggested_filename.endswith(".csv")
    with page.expect_download() as download:
        page.click("a:has-text('Export Excel')")
    assert download.value.suggested_filename.endswith(".xlsx")

    page.click("a:has-text('Percentage of CLA for whom a visit')")
    page.wait_for_selector(".chart.drawn .main-svg", timeout=15000)
    box = page.locator(".chart .scatterlayer .trace").first.locator(".point").nth(10).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    hover = page.wait_for_selector(".hoverlayer .hovertext", timeout=5000)
    text = hover.text_content()
    assert "Feb 2022: 71%" in text  # and where it came from: the pack page, or how it was read
    assert "pack" in text
    shot(page, "indicator-hover", full_page=False)
    assert page.locator("table caption.sr-only").count() == 1
    assert_no_csp_violations(page)


def test_section_small_multiples(page, panel, shot):
    page.goto(f"/panels/{panel.slug}/sections/Right Service at the Right Time/")
    wait_until(page, "document.querySelectorAll('.chart.drawn').length >= 6")
    shot(page, "section-multiples")
    assert_no_csp_violations(page)
