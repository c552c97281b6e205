"""The review screen on a laptop, a tablet and a phone, by mouse and by keyboard."""

import pytest

from indicators.models import Observation
from meetings.models import Pack
from tests.functional.conftest import (
    WIDTHS,
    assert_no_csp_violations,
    no_sideways_scroll,
    wait_until,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUS_IN_DIALOG = "document.getElementById('page-dialog').contains(document.activeElement)"


def sign_in_as(page, username):
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pass-word-123")
    page.click("button:has-text('Sign in')")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def in_view(page, selector):
    """The element's box lies (at least partly) inside the window."""
    return page.evaluate(
        f"""(() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect();
        return r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.left < innerWidth; }})()"""
    )


@pytest.mark.parametrize("device", ["tablet", "phone"])
def test_page_link_opens_the_picture_where_the_officer_is(
    open_page, users, draft_pack, shot, device
):
    page = open_page(WIDTHS[device])
    sign_in_as(page, "dso")
    page.goto(draft_pack.get_absolute_url())
    no_sideways_scroll(page)
    value = draft_pack.boxed_value
    link = f"#value-{value.pk} a.pagelink"
    page.locator(link).scroll_into_view_if_needed()
    page.click(link)
    page.wait_for_selector("#page-dialog[open] #page-viewer img")
    wait_until(page, "document.querySelector('#page-viewer img').naturalWidth > 0")
    # a modal dialog over the list, not a picture thousands of pixels further down
    assert page.evaluate("document.getElementById('page-dialog').matches(':modal')")
    assert in_view(page, "#page-viewer img")
    assert page.evaluate(FOCUS_IN_DIALOG)
    assert page.locator("#page-viewer rect.cell.selected").count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_IN_DIALOG)  # focus stays inside while it is open
    shot(page, f"review-page-dialog-{WIDTHS[device]}", full_page=False)
    page.keyboard.press("Escape")
    wait_until(page, "!document.getElementById('page-dialog').open")
    assert page.evaluate("document.activeElement.matches('a.pagelink')")  # back where it was
    assert page.evaluate(f"document.activeElement.closest('#value-{value.pk}') !== null"), (
        "focus went back to the link that opened the page"
    )
    no_sideways_scroll(page)
    assert_no_csp_violations(page)


def test_desktop_viewer_beside_the_list_zooms_with_the_cell_outlined(
    open_page, users, draft_pack, shot
):
    page = open_page(WIDTHS["desktop"])
    sign_in_as(page, "dso")
    page.goto(draft_pack.get_absolute_url())
    link = f"#value-{draft_pack.boxed_value.pk} a.pagelink"
    page.locator(link).scroll_into_view_if_needed()
    page.click(link)
    page.wait_for_selector("#page-viewer img")
    wait_until(page, "document.querySelector('#page-viewer img').naturalWidth > 0")
    assert not page.evaluate("document.getElementById('page-dialog').matches(':modal')")
    assert in_view(page, "#page-viewer img")  # sticky beside the list, where the officer is
    fit = page.evaluate("document.querySelector('.page-figure').getBoundingClientRect().width")
    page.click("[data-zoom=in]")
    page.click("[data-zoom=in]")
    assert page.inner_text(".zoom-level") == "200%"
    zoomed = page.evaluate("document.querySelector('.page-figure').getBoundingClientRect().width")
    assert zoomed == pytest.approx(2 * fit, rel=0.02)
    # the chosen cell is still outlined, scaled with the page, and scrolled into view
    cell = page.evaluate(
        "(() => { const c = document.querySelector('rect.cell.selected').getBoundingClientRect();"
        " const s = document.querySelector('.page-scroll').getBoundingClientRect();"
        " return [c.width, c.left >= s.left && c.right <= s.right && c.top >= s.top && c.bottom <= s.bottom]; })()"
    )
    assert cell[0] > 0 and cell[1]
    shot(page, "review-zoom-1366", full_page=False)
    page.focus(".page-scroll")  # the keys work too, once focus is in the viewer
    page.keyboard.press("-")
    assert page.inner_text(".zoom-level") == "150%"
    page.keyboard.press("+")
    assert page.inner_text(".zoom-level") == "200%"
    page.click("[data-zoom=fit]")
    page.click(".page-figure img")  # a click zooms in where it points, a second fits again
    assert page.inner_text(".zoom-level") == "200%"
    page.click(".page-figure img")
    assert page.inner_text(".zoom-level") == "100%"

    # the full-width view: the same page over the whole window, closed back to the button
    page.click("[data-viewer=wide]")
    assert page.evaluate("document.getElementById('page-dialog').matches(':modal')")
    wide = page.evaluate("document.querySelector('.page-figure').getBoundingClientRect().width")
    assert wide > 1.8 * fit
    assert page.locator("#page-viewer rect.cell.selected").count() == 1
    shot(page, "review-full-width-1366", full_page=False)
    page.click("[data-viewer=close]")
    assert page.evaluate("document.activeElement.dataset.viewer") == "wide"
    assert page.evaluate("document.getElementById('page-dialog').open")  # beside the list again
    assert_no_csp_violations(page)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_keyboard_review_skip_links_and_save_returns_to_the_row(
    open_page, users, draft_pack, shot, device
):
    page = open_page(WIDTHS[device])
    sign_in_as(page, "dso")
    page.goto(draft_pack.get_absolute_url())
    # The first Tab stops are the skip links: three keys reach the indicators.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the indicators"
    assert in_view(page, ":focus")  # a skip link shows itself when focused
    page.keyboard.press("Enter")
    presses = 0
    while not page.evaluate("document.activeElement.matches('#review-indicators a.pagelink')"):
        page.keyboard.press("Tab")
        presses += 1
        assert presses < 12, "the first indicator's page link is far from the skip link"
    # each part has its own skip link to the next
    assert page.locator("details.review-section > a.skip-link").count() == 6

    value = Observation.objects.filter(pack=draft_pack, period="2022-02").order_by("pk")[3]
    page.goto(f"/packs/{draft_pack.pk}/review/value/{value.pk}/")
    assert page.evaluate("document.activeElement.id") == "id_period"  # ready to type
    page.focus("#id_value")
    page.fill("#id_value", str(value.value + 1))
    page.keyboard.press("Enter")  # Save with Enter
    page.wait_for_url(f"**/packs/{draft_pack.pk}/#value-{value.pk}")
    wait_until(page, f"document.activeElement.id === 'value-{value.pk}'")
    assert in_view(page, f"#value-{value.pk}")
    shot(page, f"review-saved-row-{WIDTHS[device]}", full_page=False)
    value.refresh_from_db()
    assert value.review == Observation.Review.CORRECTED
    assert draft_pack.status == Pack.Status.NEEDS_REVIEW
    no_sideways_scroll(page)
    assert_no_csp_violations(page)
