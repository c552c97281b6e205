"""axe-core on every page type, as each role sees it, at 1366 and 390 px: nothing serious or
critical. (axe is injected inline, so these pages are opened with the CSP bypassed; the other
browser tests check the CSP itself.)"""

import pytest

from indicators.models import Indicator
from meetings.models import Recommendation
from tests.functional.conftest import WIDTHS, axe_problems, no_sideways_scroll
from tests.functional.test_review_screens import sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def public_pages(corpus):
    meeting = corpus[1].meeting
    committee = meeting.committee
    indicator = Indicator.objects.filter(committee=committee).order_by("name").first()
    indicator.section = "Early Help"  # the expected extractions name no sections; packs do
    indicator.save(update_fields=["section"])
    return {
        "home": "/",
        "panel": committee.get_absolute_url(),
        "meeting": meeting.get_absolute_url(),
        "dashboard": f"/panels/{committee.slug}/indicators/",
        "indicator": indicator.get_absolute_url(),
        "section": f"/panels/{committee.slug}/sections/{indicator.section}/",
        "tracker": "/recommendations/",
        "recommendation": Recommendation.objects.order_by("pk").first().get_absolute_url(),
        "monitoring": f"/panels/{committee.slug}/monitoring/",
        "pack page": f"/packs/{corpus[1].pk}/pages/3/",
        "sign in": "/accounts/login/",
        "not found": "/meetings/999999/",
    }


def sweep(page, axe_script, pages):
    found = {}
    for name, url in pages.items():
        page.goto(url)
        page.wait_for_load_state("load")
        problems = axe_problems(page, axe_script)
        if problems:
            found[f"{name} {url}"] = problems
        no_sideways_scroll(page)
    return found


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("role", ["public", "councillor", "manager"])
def test_reading_pages(open_page, axe_script, users, published_corpus, role, device):
    page = open_page(WIDTHS[device], bypass_csp=True)
    pages = public_pages(published_corpus)
    if role != "public":
        sign_in_as(page, role)
        del pages["sign in"]
    if role == "councillor":
        pages["not allowed"] = "/packs/"
    assert sweep(page, axe_script, pages) == {}


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_officer_pages(open_page, axe_script, users, published_corpus, draft_pack, device):
    page = open_page(WIDTHS[device], bypass_csp=True)
    sign_in_as(page, "dso")
    value = draft_pack.boxed_value
    indicator = value.indicator
    pages = {
        "packs": "/packs/",
        "upload": "/packs/upload/",
        "review": draft_pack.get_absolute_url(),
        "correct a value": f"/packs/{draft_pack.pk}/review/value/{value.pk}/",
        "edit an indicator": f"{indicator.get_absolute_url()}edit/",
        "import values": f"/panels/{indicator.committee.slug}/indicators/import/",
    }
    found = sweep(page, axe_script, pages)
    # the page picture open beside the list / as a dialog
    page.goto(draft_pack.get_absolute_url())
    page.locator(f"#value-{value.pk} a.pagelink").click()
    page.wait_for_selector("#page-dialog[open] #page-viewer img")
    if problems := axe_problems(page, axe_script):
        found["review with the page open"] = problems
    # publishing over the published pack of the same meeting: the confirmation
    page.goto(draft_pack.get_absolute_url())
    page.click("button:has-text('Publish')")
    page.wait_for_selector("h1:has-text('Replace the published pack?')")
    if problems := axe_problems(page, axe_script):
        found["publish confirmation"] = problems
    assert found == {}
