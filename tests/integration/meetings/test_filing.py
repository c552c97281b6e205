"""A pack that names no panel or date (no front sheet: a lone dashboard, one report) is kept
read, and filed under the panel and meeting the officer chooses: on upload or on review."""

import datetime
import io

import pytest

from indicators.models import Observation
from meetings.models import AgendaItem, Meeting, Pack
from meetings.services.filing import NotFiled, file_pack, read_filing
from meetings.services.ingestion import ingest_pack
from meetings.services.packs import receive_pack
from tests.factories import CommitteeFactory, MeetingFactory
from tests.fixtures.builders import dense_dataset_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def lone_dashboard(tmp_path):
    return dense_dataset_pdf(tmp_path / "dashboard.pdf")


def upload(path, **choice):
    pack = receive_pack(io.BytesIO(path.read_bytes()), filename=path.name, enqueue=False, **choice)
    return ingest_pack(pack.pk)


def test_a_pack_naming_no_panel_fails_in_plain_words_and_keeps_what_was_read(lone_dashboard):
    pack = upload(lone_dashboard)
    assert pack.status == Pack.Status.FAILED
    assert "Choose the panel and the meeting below" in pack.reason
    assert pack.extraction and pack.extraction["indicators"]  # read, not thrown away
    assert pack.meeting is None


def test_filed_on_review_under_a_new_meeting_and_again_under_an_existing_one(lone_dashboard):
    pack = upload(lone_dashboard)
    panel = CommitteeFactory(name="Health Scrutiny Panel")
    pack = file_pack(pack, panel, datetime.date(2019, 3, 14))
    assert pack.status == Pack.Status.NEEDS_REVIEW
    assert (pack.meeting.committee, pack.meeting.date) == (panel, datetime.date(2019, 3, 14))
    assert Observation.objects.filter(pack=pack).exists()  # the dashboard's values, stored
    other = MeetingFactory(committee=panel, date=datetime.date(2019, 4, 4))
    pack = file_pack(pack, panel, other.date)
    assert pack.meeting == other
    assert read_filing(pack)["meeting"] == other


def test_chosen_on_upload_the_choice_outranks_what_was_read(corpus_pdf):
    panel = CommitteeFactory(name="Education Scrutiny Committee")
    pack = upload(corpus_pdf("2023-03-30"), committee=panel, date=datetime.date(2023, 3, 31))
    assert pack.status == Pack.Status.NEEDS_REVIEW
    assert (pack.meeting.committee, pack.meeting.date) == (panel, datetime.date(2023, 3, 31))
    # what was read is still offered on review, and agenda links were stored from the papers
    assert read_filing(pack)["read_committee"] == "Children and Families Scrutiny Panel"
    item = AgendaItem.objects.get(pack=pack, number=9)
    assert item.papers_pdf_page == 44


def test_only_read_drafts_can_be_filed(lone_dashboard):
    pack = upload(lone_dashboard)
    Pack.objects.filter(pk=pack.pk).update(status=Pack.Status.PUBLISHED)
    with pytest.raises(NotFiled):
        file_pack(pack, CommitteeFactory(), datetime.date(2019, 3, 14))
    assert not Meeting.objects.exists()
