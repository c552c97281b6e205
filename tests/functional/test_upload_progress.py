"""A first user of the demo (no Redis) uploads a pack and sees it being read, not a long wait."""

import threading

import pytest

from meetings.models import Pack
from scrutiny import threadpool
from tests.fixtures.builders import other_year_pack
from tests.functional.conftest import WIDTHS, assert_no_csp_violations, no_sideways_scroll
from tests.functional.test_review_screens import sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_upload_without_a_broker_shows_progress_then_the_review(
    open_page, users, settings, tmp_path, shot, device
):
    settings.TASKS_IN_THREADS = True  # what REDIS_URL unset means
    gate = threading.Event()
    threadpool._pool.submit(gate.wait, 60)  # the pool is busy until the test has looked
    try:
        page = open_page(WIDTHS[device])
        sign_in_as(page, "dso")
        page.goto("/packs/upload/")
        page.set_input_files("#id_file", str(other_year_pack(tmp_path / "agenda.pdf")))
        page.click("button:has-text('Upload and read')")
        # the upload returned at once: its page shows the progress panel, polling
        page.wait_for_selector("#pack-status[hx-get]")
        assert "Waiting for the worker to start reading" in page.inner_text("#pack-status")
        assert "agenda.pdf is uploaded." in page.inner_text(".messages")
        shot(page, f"upload-progress-{WIDTHS[device]}", full_page=False)
        no_sideways_scroll(page)
        gate.set()
        page.wait_for_selector("#pack-status:not([hx-get])", timeout=60000)
        page.wait_for_selector("text=Check what was read against the pages")
        assert "being read" not in page.inner_text("main")  # read: it no longer says so
        assert Pack.objects.get().status == Pack.Status.NEEDS_REVIEW
        assert_no_csp_violations(page)
    finally:
        gate.set()
        threadpool.wait_idle()
