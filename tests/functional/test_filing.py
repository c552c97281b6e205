"""Browser tests of issue 13: agenda links open each item's first page; a lone performance
report (no front sheet, so no panel or date to read) is uploaded and filed by the officer."""

import io
import re

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from meetings.ingest.pdf import PackPdf
from meetings.models import Pack
from meetings.services.ingestion import ingest_pack
from meetings.services.packs import publish_pack, receive_pack
from tests.factories import CommitteeFactory
from tests.fixtures.builders import dense_dataset_pdf
from tests.functional.conftest import assert_no_csp_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def first_page_of(item_title: str, text: str) -> bool:
    """Is this page where the item's papers begin: its minutes' heading, or a cover sheet whose
    SUBJECT is the item's title?"""
    if "MINUTES" in item_title.upper():
        return bool(re.search(r"^\s*MINUTES OF THE MEETING", text, re.MULTILINE | re.IGNORECASE))
    subject = re.search(r"SUBJECT:\s*(.+)", text.replace("\u2019", "'"))
    return bool(subject) and subject.group(1).strip()[:20].upper() == item_title[:20].upper()


def test_agenda_links_of_every_corpus_meeting_open_the_items_first_page(page, corpus_pdf, shot):
    for date in ("2022-03-31", "2023-03-30"):
        path = corpus_pdf(date)
        pack = receive_pack(io.BytesIO(path.read_bytes()), filename=path.name, enqueue=False)
        pack = publish_pack(ingest_pack(pack.pk, ocr=False))  # OCR values would need confirming
        page.goto(pack.meeting.get_absolute_url())
        links = page.locator("ol.agenda li:has(a)")
        count = links.count()
        assert count == 5  # items 6-10 print "(Pages x - y)"
        if date == "2023-03-30":
            shot(page, "meeting-agenda-links")
        with PackPdf(path) as pdf:
            texts = {p.number: p.text for p in pdf.pages()}
        for n in range(count):
            item = links.nth(n)
            title = item.locator("strong").inner_text()
            item.locator("a.muted").click()  # the viewer link; "PDF p.N" opens the PDF itself
            page.wait_for_selector("#page-viewer")
            shown = int(re.search(r"Page (\d+)", page.inner_text(".page-viewer-bar")).group(1))
            assert first_page_of(title, texts[shown]), (date, title, shown)
            page.go_back()
    assert_no_csp_violations(page)


def lone_report_pdf(path):
    """One performance report and nothing else: no front sheet, agenda or cover sheet."""
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica-Bold", 14)
    page.drawString(60, 780, "Performance Report - Quarter 3")
    page.setFont("Helvetica", 10)
    for n, line in enumerate(
        [
            "Re-referrals within 12 months decreased from 24% in November to 21% in December.",
            "The number of children in care rose from 512 in November to 520 in December.",
        ]
    ):
        page.drawString(60, 750 - 16 * n, line)
    page.showPage()
    page.save()
    return path


def test_a_lone_performance_report_is_uploaded_and_filed(page, sign_in, users, tmp_path, shot):
    CommitteeFactory(name="Health Scrutiny Panel")
    sign_in(page, "dso")

    # chosen on the upload form: a panel and the date of a new meeting
    page.goto("/packs/upload/")
    page.set_input_files("#id_file", str(lone_report_pdf(tmp_path / "q3-report.pdf")))
    page.select_option("#id_committee", label="Health Scrutiny Panel")
    page.fill("#id_meeting_date", "2024-01-18")
    shot(page, "upload-with-filing")
    page.click("button:has-text('Upload and read')")
    page.wait_for_selector("text=Needs review", timeout=60000)
    first = Pack.objects.get(original_filename="q3-report.pdf")
    assert (first.meeting.committee.name, str(first.meeting.date)) == (
        "Health Scrutiny Panel",
        "2024-01-18",
    )

    # not chosen: the pack is read, says why it cannot be filed, and is filed on review
    page.goto("/packs/upload/")
    page.set_input_files("#id_file", str(dense_dataset_pdf(tmp_path / "dashboard.pdf")))
    page.click("button:has-text('Upload and read')")
    page.wait_for_selector("text=Choose the panel and the meeting below", timeout=60000)
    shot(page, "review-filing-needed")
    page.select_option("#filing #id_meeting", label="Health Scrutiny Panel, 18 January 2024")
    page.click("#filing button:has-text('File under this meeting')")
    page.wait_for_selector("text=Filed under")
    page.wait_for_selector("text=Needs review")
    second = Pack.objects.get(original_filename="dashboard.pdf")
    assert second.status == Pack.Status.NEEDS_REVIEW and second.meeting == first.meeting
    # the review screen offers the same choice, pre-filled with where the pack is filed
    assert page.locator("#filing #id_meeting").input_value() == str(first.meeting.pk)
    shot(page, "review-filed")
    assert_no_csp_violations(page)
