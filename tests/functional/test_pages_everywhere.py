"""Dashboards, indicator and meeting pages as councillors and the public meet them, at 1366, 820
and 390 px; publishing over a published meeting; the rough edges a new user hits."""

import pytest

from indicators.models import Observation
from meetings.models import GlossaryTerm, Pack
from tests.functional.conftest import (
    WIDTHS,
    assert_no_csp_violations,
    no_sideways_scroll,
)
from tests.functional.test_review_screens import sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("device", ["desktop", "tablet", "phone"])
def test_dashboard_keeps_name_latest_status_and_direction_in_view(
    open_page, published_corpus, shot, device
):
    committee = published_corpus[0].meeting.committee
    page = open_page(WIDTHS[device])
    page.goto(f"/panels/{committee.slug}/indicators/")
    no_sideways_scroll(page)
    # the section drop-down fits the screen
    box = page.locator("#id_section").bounding_box()
    assert box["x"] + box["width"] <= WIDTHS[device]
    row = page.locator("table.dashboard tbody tr[data-rag]").first
    for column in ("name", "value", "rag", "change"):
        cell = row.locator(f"td.col-{column}")
        assert cell.is_visible(), column
        cell_box = cell.bounding_box() if column != "name" else row.locator("td a").bounding_box()
        assert cell_box["x"] + cell_box["width"] <= WIDTHS[device] + 1, column
    # direction in words for everyone, not colour alone
    words = page.locator("table.dashboard .sr-label")
    assert words.first.is_visible()
    assert set(words.all_inner_texts()) & {"Improving", "Worsening", "Up", "Down"}
    target = row.locator("td.col-target")
    more = row.locator(".row-more")
    if device == "desktop":
        assert target.is_visible() and not more.is_visible()
    else:  # the rest one tap away
        assert not target.is_visible()
        assert not more.locator("dd").first.is_visible()
        more.locator("summary").click()
        assert more.locator("dt", has_text="Target").is_visible()
        assert more.locator("dt", has_text="England").is_visible()
    shot(page, f"dashboard-{WIDTHS[device]}", full_page=False)
    assert_no_csp_violations(page)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_acronyms_explained_on_hover_and_focus(open_page, published_corpus, shot, device):
    pack = published_corpus[1]
    committee = pack.meeting.committee
    for term, definition in [  # as the packs print them (the expected extractions have none)
        ("Special Educational Needs and Disabilities (SEND)", "Children who need extra help."),
        (
            "Child in Need and Child in Need Plan",
            "Under Section 17 (10) of the Children Act 1989, a Child in Need (CiN) is defined as…",
        ),
    ]:
        GlossaryTerm.objects.create(
            pack=pack, committee=committee, term=term, definition=definition, pdf_page=60
        )
    page = open_page(WIDTHS[device])

    # dashboard: the acronym sits in the indicator's link; hover or the link's focus shows it
    page.goto(f"/panels/{committee.slug}/indicators/")
    term = page.locator("table.dashboard abbr.term", has_text="CIN").first
    assert term.get_attribute("title") == "CIN: Child in Need"
    tip = "(el) => getComputedStyle(el, '::after').content"
    assert term.evaluate(tip) == "none"
    term.hover()
    assert "Child in Need" in term.evaluate(tip)
    page.mouse.move(0, 0)
    term.locator("xpath=ancestor::a").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus (focus-visible) on the link
    assert "Child in Need" in term.evaluate(tip)

    # indicator page: the heading's acronym takes focus itself
    page.goto(f"/panels/{committee.slug}/indicators/cin-on-a-plan-dated-within-4-weeks/")
    heading_term = page.locator("h1 abbr.term")
    heading_term.focus()
    assert "Child in Need" in heading_term.evaluate(tip)
    shot(page, f"indicator-acronym-{WIDTHS[device]}", full_page=False)

    # meeting page: from the panel's glossary, first use in each passage
    page.goto(pack.meeting.get_absolute_url())
    send = page.locator("main abbr.term", has_text="SEND").first
    assert send.get_attribute("title") == "SEND: Special Educational Needs and Disabilities"
    assert send.get_attribute("tabindex") == "0"
    no_sideways_scroll(page)
    assert_no_csp_violations(page)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_reference_benchmarks_and_corrections_on_the_indicator_page(
    open_page, published_corpus, users, shot, device
):
    value = Observation.objects.get(
        pack=published_corpus[0],
        indicator__name="Percentage of C&F assessments completed within 45 working days",
        period="2022-02",
    )
    value.extracted_value, value.value = value.value, 94.0
    value.review = Observation.Review.CORRECTED
    value.save()
    # a rate printed in the percentage column of another month
    Observation.objects.filter(indicator=value.indicator, period="2021-06").update(value=552.0)
    page = open_page(WIDTHS[device])
    page.goto(value.indicator.get_absolute_url())
    page.wait_for_selector(".chart .main-svg")
    # benchmarks with no period: labelled reference lines with their pack, not monthly points
    labels = page.locator(".chart .annotation-text").all_text_contents()
    assert "England 69%" in labels, labels
    legend = page.locator(".chart .legend").text_content()
    assert "England (latest published, Mar 2022 pack)" in legend, legend
    row = page.locator("table tr", has_text="Feb 2022").first
    assert "corrected by an officer; the pack printed 93%" in row.inner_text()
    flagged = page.locator("table tr", has_text="Jun 2021").first.inner_text()
    assert "552%" in flagged and "impossible for this unit" in flagged
    assert "Outside the plausible range" in legend
    shot(page, f"indicator-benchmarks-{WIDTHS[device]}", full_page=device != "desktop")
    no_sideways_scroll(page)
    assert_no_csp_violations(page)


def test_publishing_over_a_published_meeting_asks_first(
    open_page, users, published_corpus, expected_extraction, shot
):
    from meetings.services.pack_contents import store_pack_contents
    from tests.factories import PackFactory

    draft = PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None)
    draft = store_pack_contents(draft, expected_extraction("2023-03-30"))
    assert draft.meeting == published_corpus[1].meeting
    page = open_page(WIDTHS["phone"])
    sign_in_as(page, "dso")
    page.goto(draft.get_absolute_url())
    page.click("button:has-text('Publish')")
    page.wait_for_selector("h1:has-text('Replace the published pack?')")
    assert published_corpus[1].original_filename in page.inner_text("main")
    shot(page, "publish-confirm-390", full_page=False)
    draft.refresh_from_db()
    assert draft.status == Pack.Status.NEEDS_REVIEW  # nothing happened yet
    page.click("a:has-text('Cancel, keep the draft')")
    page.click("button:has-text('Publish')")
    page.click("button:has-text('Publish and replace')")
    page.wait_for_selector("text=Published: councillors and the public can now see it.")
    draft.refresh_from_db()
    published_corpus[1].refresh_from_db()
    assert draft.status == Pack.Status.PUBLISHED
    assert published_corpus[1].status == Pack.Status.SUPERSEDED
    no_sideways_scroll(page)
    assert_no_csp_violations(page)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_rough_edges(open_page, users, published_corpus, shot, device):
    page = open_page(WIDTHS[device])
    sign_in_as(page, "councillor")
    # a page for another role: the site's own page, with its header and a way on
    response = page.goto("/packs/")
    assert response.status == 403
    assert page.locator("header.site-header").is_visible()
    assert "You cannot open this page" in page.inner_text("h1")
    shot(page, f"error-403-{WIDTHS[device]}", full_page=False)
    response = page.goto("/meetings/999999/")
    assert response.status == 404
    assert page.locator("header.site-header").is_visible()
    assert "Page not found" in page.inner_text("h1")

    # a pack page on its own: a heading and the way back to its meeting
    pack = published_corpus[1]
    page.goto(f"/packs/{pack.pk}/pages/3/")
    assert "Page 3 of the agenda pack" in page.inner_text("h1")
    page.click(f"main a[href='{pack.meeting.get_absolute_url()}'] >> nth=0")
    page.wait_for_url(f"**{pack.meeting.get_absolute_url()}")

    # tracker filters say what their empty choice means; the council's word for the status
    page.goto("/recommendations/")
    assert "---------" not in page.inner_html("form.filters")
    assert page.locator("#id_panel option").first.inner_text() == "All panels"
    assert "In progress" not in page.inner_text("main")
    assert "In train" in page.inner_text("#id_status")
    no_sideways_scroll(page)
    assert_no_csp_violations(page)
