"""A democratic support officer's afternoon: upload, watch, check against the page, correct, publish."""

import pytest

from meetings.models import AgendaItem, Pack
from scrutiny import threadpool
from tests.factories import UserFactory
from tests.functional.conftest import assert_no_csp_violations, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_review_correct_and_publish(page, sign_in, shot, corpus_pdf, users, settings):
    # Read in the background as the demo does (scrutiny/threadpool.py): the upload's page returns
    # at once and polls, rather than the click waiting for the whole pack to be read.
    settings.TASKS_IN_THREADS = True
    # OCR'd dashboard values must be confirmed before publishing; this walk-through is about the
    # rest of the review, so the pack is read from its text layer alone.
    settings.OCR_ENABLED = False
    sign_in(page, "dso")
    page.goto("/packs/upload/")
    page.set_input_files("#id_file", str(corpus_pdf("2023-03-30")))
    page.click("button:has-text('Upload and read')")
    page.wait_for_selector("text=Needs review", timeout=180000)
    threadpool.wait_idle()
    shot(page, "pack-review")

    # Check a warning against its page: the picture of the page appears beside the list.
    page.click(".review-items li:has-text('dashboard image') a.pagelink >> nth=0")
    page.wait_for_selector("#page-viewer img")
    wait_until(page, "document.querySelector('#page-viewer img').naturalWidth > 0")
    assert "dashboard image" in page.inner_text("#page-viewer")
    shot(page, "pack-review-page", full_page=False)

    # Correct an agenda title.
    page.click("table >> text=STATEMENT FROM THE CHAIR >> xpath=ancestor::tr >> a:has-text('Edit')")
    page.fill("#id_title", "STATEMENT FROM THE CHAIR (VERBAL)")
    page.click("button:has-text('Save')")
    page.wait_for_selector("text=Saved.")
    pack = Pack.objects.get()
    assert AgendaItem.objects.get(pack=pack, number=5).title == "STATEMENT FROM THE CHAIR (VERBAL)"

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('Publish')")
    page.wait_for_selector("text=Published: councillors and the public can now see it.")
    pack.refresh_from_db()
    assert pack.status == Pack.Status.PUBLISHED
    assert_no_csp_violations(page)


def test_bad_upload_is_explained(page, sign_in, tmp_path, users):
    sign_in(page, "dso")
    bad = tmp_path / "agenda.pdf"
    bad.write_bytes(b"PK\x03\x04 this is really a Word document")
    page.goto("/packs/upload/")
    page.set_input_files("#id_file", str(bad))
    page.click("button:has-text('Upload and read')")
    page.wait_for_selector(".errorlist")
    assert "This file is not a PDF. It looks like a Word, Excel or zip file." in page.inner_text(
        ".errorlist"
    )
    assert not Pack.objects.exists()


def test_the_public_sees_published_packs_but_not_drafts(page, published_corpus):
    meeting = published_corpus[1].meeting
    page.goto(meeting.get_absolute_url())
    assert "YOUNG PEOPLE'S SERVICE UPDATE" in page.inner_text("main")
    UserFactory(username="nobody")
    page.goto("/packs/")
    assert "/accounts/login/" in page.url
