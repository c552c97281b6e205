"""The scrutiny manager after a meeting: record progress and the panel's decision, print the report."""

import pytest

from meetings.models import Recommendation
from tests.functional.conftest import assert_no_csp_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_progress_decision_and_monitoring_report(page, sign_in, shot, users, published_corpus):
    rec = Recommendation.objects.get(resolution__minute__number=31)  # the 2023 pack's audit request
    sign_in(page, "manager")
    page.goto("/recommendations/")
    assert "Children and Learning - Performance" in page.inner_text("table.tracker")
    shot(page, "tracker-list", full_page=False)

    page.goto(rec.get_absolute_url())
    page.select_option("#id_status", "complete")
    page.fill("#id_action_taken", "Audit findings appended to the March performance report.")
    page.click("button:has-text('Record')")
    page.wait_for_selector("text=Progress recorded.")
    page.select_option("#id_decision", "accepted")
    page.click("button:has-text('Record decision')")
    page.wait_for_selector("text=The panel's decision is recorded.")
    rec.refresh_from_db()
    assert (rec.status, rec.state) == ("complete", "closed")
    shot(page, "recommendation")
    assert "Accepted as complete by the panel" in page.inner_text(".timeline")

    page.goto(f"/panels/{rec.committee.slug}/monitoring/")
    report = page.inner_text("table.report")
    assert "Audit findings appended" not in report  # closed: off the list
    assert "Educational Attainment in Southampton" in report
    page.emulate_media(media="print")
    shot(page, "monitoring-report-print")
    assert not page.is_visible(".site-header")
    assert_no_csp_violations(page)
    page.emulate_media(media="screen")
    page.goto(rec.get_absolute_url())
    assert (
        page.input_value("#id_due_date") == "2023-03-30"
    )  # the browser's date field shows the due date
