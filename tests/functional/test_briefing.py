"""A councillor's year of meetings, search, calendar, glossary and briefing, in Chromium."""

import datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from meetings.models import AgendaItem, Meeting, Membership, Pack, Person
from meetings.selectors import visible_meetings
from tests.functional.conftest import assert_no_csp_violations
from tests.integration.meetings.papers import extraction, stored

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = datetime.date.today()
NEXT = TODAY + datetime.timedelta(days=7)
WIDTHS = (1366, 390)


def cla(values, target=97):
    return {
        "name": "CLA visits within six weeks",
        "unit": "percent",
        "section": "Purposeful Direct Contact",
        "values": [{"period": p, "value": v} for p, v in values],
        "target": target,
        "benchmarks": [],
        "source": "table",
        "page": 40,
    }


@pytest.fixture
def panel(published_corpus, users):
    committee = published_corpus[0].committee
    stored(extraction(TODAY - datetime.timedelta(days=50), indicators=[cla([("2026-09", 83)])]))
    stored(
        extraction(
            NEXT,
            dates=[NEXT, NEXT + datetime.timedelta(days=42), NEXT + datetime.timedelta(days=84)],
            agenda=[
                {"number": 9, "title": "CLA PERFORMANCE", "pages": [5, 9], "page": 3},
                {"number": 12, "title": "FOSTERING CONTRACT AWARD", "exempt": True, "page": 3},
            ],
            indicators=[cla([("2026-09", 83), ("2026-10", 71)])],
            commentary=[
                {"section": "Purposeful Direct Contact", "heading": "Analysis",
                 "text": "CLA visiting fell because of staff absence in October.", "page": 41}
            ],
            glossary=[{"term": "CLA", "definition": "Child Looked After", "page": 31}],
        )
    )  # fmt: skip
    Membership.objects.create(
        committee=committee,
        person=Person.objects.create(name="Cllr Test", user=users["councillor"]),
    )
    return committee


def at_widths(page, shot, name):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"{name}-{width}")
    page.set_viewport_size({"width": 1366, "height": 900})


def test_meetings_members_and_the_agenda_pdf_link(page, panel, shot):
    page.goto(f"/panels/{panel.slug}/meetings/")
    upcoming = page.locator("#upcoming li")
    assert upcoming.count() == 3
    assert "Papers published" in upcoming.nth(0).inner_text()
    assert "No pack yet" in upcoming.nth(1).inner_text()
    at_widths(page, shot, "meetings")

    upcoming.nth(0).locator("a").click()
    link = page.locator("a.pdf-link").first
    pack = Pack.objects.get(meeting__date=NEXT)
    assert link.get_attribute("href") == f"/packs/{pack.pk}/pdf/#page=3"
    assert page.locator("abbr.term", has_text="CLA").first.get_attribute("title") == (
        "CLA: Child Looked After"
    )
    assert "FOSTERING CONTRACT AWARD" not in page.content()  # exempt: not for the public
    at_widths(page, shot, "meeting")

    page.goto(f"/panels/{panel.slug}/members/")
    assert "Councillor Winning" in page.locator("table.members").first.inner_text()
    assert page.locator("#vacancies").inner_text().count("Secondary Parent Governor") == 1
    assert page.locator("#attendance tbody tr").count() >= 10
    at_widths(page, shot, "members")
    assert_no_csp_violations(page)


@pytest.mark.parametrize("who", ["public", "councillor", "dso"])
def test_search_per_role(page, panel, shot, sign_in, who):
    AgendaItem.objects.filter(title="FOSTERING CONTRACT AWARD").update(pdf_page=3)
    if who != "public":
        sign_in(page, who)
    page.goto("/search/")
    page.fill("#id_q", "fostering")
    page.click("button:has-text('Search')")
    page.wait_for_selector("#result-count")
    titles = page.locator("#results .result-title").all_inner_texts()
    assert ("FOSTERING CONTRACT AWARD" in titles) is (who != "public")
    assert page.locator("#results mark").count() >= 1
    page.fill("#id_q", "recovery OR visiting")
    page.click("button:has-text('Search')")
    page.locator("#results .result-title a").first.click()
    page.wait_for_load_state()
    assert "/packs/" in page.url or "/meetings/" in page.url or "/panels/" in page.url
    if who == "public":
        page.goto("/search/?q=fostering")
        at_widths(page, shot, "search-public")
    elif who == "councillor":
        page.goto("/search/?q=fostering")
        at_widths(page, shot, "search-councillor")
    assert_no_csp_violations(page)


def test_calendar_download(page, panel):
    page.goto(f"/panels/{panel.slug}/meetings/")
    with page.expect_download() as download:
        page.click("nav.panel-nav a:has-text('Calendar')")
    assert download.value.suggested_filename == f"{panel.slug}.ics"
    feed = Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = {str(e["uid"]): e for e in feed.walk("VEVENT")}
    meetings = list(visible_meetings(None, panel))
    assert set(events) == {f"meeting-{m.pk}@scrutiny" for m in meetings}
    ahead = Meeting.objects.get(committee=panel, date=NEXT + datetime.timedelta(days=42))
    assert events[f"meeting-{ahead.pk}@scrutiny"].decoded("dtstart") == ahead.date


def test_glossary_hover(page, panel, shot):
    page.goto(f"/panels/{panel.slug}/glossary/")
    term = page.locator("#term-cla abbr")
    assert term.get_attribute("title") == "Child Looked After"
    term.hover()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('#term-cla abbr')).cursor") == "help"
    )
    assert "pack for" in page.locator("#glossary dd").first.inner_text()
    at_widths(page, shot, "glossary")


def test_briefing_on_screen_and_in_print(page, panel, shot):
    page.goto(f"/panels/{panel.slug}/")
    page.click("a:has-text('Briefing for the next meeting')")
    page.wait_for_selector("#briefing")
    question = page.locator("#questions li").first.inner_text()
    # The figures' series may carry an earlier pack's wording (series joined across packs).
    assert question.endswith(
        "fell from 83% to 71% against a target of 97%: what is the recovery plan?"
    )
    assert (
        "CLA visiting fell because of staff absence"
        in page.locator("#commentary-h + div").inner_text()
    )
    assert page.locator("#briefing-agenda li").count() == 1  # the exempt item is not listed
    at_widths(page, shot, "briefing")

    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".briefing .actions").is_visible()
    assert page.locator(".print-only").is_visible()
    shot(page, "briefing-print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.click("a:has-text('Download PDF')")
    assert download.value.suggested_filename == f"briefing-{panel.slug}.pdf"
    assert Path(download.value.path()).read_bytes()[:4] == b"%PDF"
    assert_no_csp_violations(page)
