"""Pages that are pictures: warned by page; read by OCR (when tesseract is there) as `ocr` values."""

from meetings.ingest.indicators import scans
from meetings.ingest.pdf import Word, parse_tesseract_tsv
from tests.unit.ingest.pages import make_page

TSV = """level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
5\t1\t1\t1\t1\t1\t100\t200\t80\t20\t96\tApr-21
5\t1\t1\t1\t1\t2\t300\t200\t40\t20\t12\tMay-21
"""


def test_tesseract_words_come_back_in_pdf_points_and_low_confidence_is_dropped():
    [word] = parse_tesseract_tsv(TSV, scale=2.0)
    assert (word.text, word.x0, word.top) == ("Apr-21", 50.0, 100.0)


class FakeOcr:
    """A PackPdf whose OCR returns a small dashboard table."""

    def ocr_words(self, number):
        rows = [
            ["KPI", "Dec-22", "Jan-23", "Feb-23", "Target"],
            ["Re-referrals %", "30%", "27%", "25%", "23%"],
        ]
        words = []
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                x = 50 + 90 * c
                for k, part in enumerate(text.split()):
                    words.append(
                        Word(part, x + 30 * k, x + 30 * k + 25, 100 + 20 * r, 110 + 20 * r)
                    )
        return words


def test_image_pages_are_warned_and_ocr_values_are_marked_for_checking():
    picture = make_page("Performance\nKPI Dashboard", number=46, large_images=1)
    scan = make_page("", number=50, char_count=0, image_count=1, large_images=1)
    warnings = []
    found = scans.read([picture, scan], FakeOcr(), [], [picture], warnings)
    assert {w["page"] for w in warnings} == {46, 50}
    assert any("dashboard image" in w["message"] for w in warnings if w["page"] == 46)
    assert any("no text layer" in w["message"] for w in warnings if w["page"] == 50)
    assert found and all(item["source"] == "ocr" for item in found)
    values = {v["period"]: v["value"] for v in found[0]["values"]}
    assert (
        values == {"2022-12": 30.0, "2023-01": 27.0, "2023-02": 25.0} and found[0]["target"] == 23.0
    )


def test_without_ocr_nothing_is_guessed():
    class NoOcr:
        def ocr_words(self, number):
            return []

    picture = make_page("Performance", number=46, large_images=1)
    warnings = []
    assert scans.read([picture], NoOcr(), [], [picture], warnings) == []
    assert len(warnings) == 1


def test_a_page_with_no_text_and_no_pictures_is_not_called_a_scan():
    class Never:
        def ocr_words(self, number):
            raise AssertionError("nothing on the page is a picture: OCR would find nothing")

    drawn = make_page("", number=7, char_count=0, path_count=12)
    empty = make_page("", number=8, char_count=0)
    warnings = []
    assert scans.read([drawn, empty], Never(), [], [], warnings) == []
    assert [(w["page"], "neither text nor pictures" in w["message"]) for w in warnings] == [
        (7, True)
    ]
