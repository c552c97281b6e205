"""The two real packs against their expected extraction: every cell compared the way the corpus
scorer compares it (tests/fixtures/score_pack.py), and not one wrong value."""

import json

import pytest

from meetings.ingest.indicators import aligned, extract_indicators
from meetings.ingest.indicators.tables import find_header, indicators_from_grid
from tests.fixtures import score_pack
from tests.unit.ingest.pages import FIXTURES


def expected(date):
    return json.loads((FIXTURES / f"pack-{date}.expected.json").read_text())


def scored(found, want):
    parts = {}
    wrong, _ = score_pack.score_indicators({"indicators": found}, want, parts)
    return {source: (part.found, part.expected) for source, part in parts.items()}, wrong


@pytest.fixture(scope="module")
def extracted(corpus):
    out = {}
    for date, (pdf, pages) in corpus.items():
        # Without the cover sheets' page numbers: the whole pack is searched.
        out[date] = extract_indicators(pages, pdf, meeting_date=date, reports=[])
    return out


@pytest.mark.parametrize(
    ("date", "source", "floor"), [("2022-03-31", "table", 0.98), ("2023-03-30", "narrative", 0.9)]
)
def test_cells_found_and_none_wrong(extracted, date, source, floor):
    indicators, _, _ = extracted[date]
    parts, wrong = scored(indicators, expected(date))
    found, total = parts[source]
    assert found / total >= floor
    assert wrong == {}


def test_every_value_keeps_its_page_and_table_cells_their_box(extracted):
    found, _, _ = extracted["2022-03-31"]
    # Searched without cover sheets, other reports' sentences give values too ("In November
    # 2020, 1491 assessments were completed"), never on the table pages.
    indicators = [i for i in found if i["source"] == "table"]
    assert all(not 66 <= i["page"] <= 74 for i in found if i["source"] == "narrative")
    for item in indicators:
        assert item["source"] == "table" and 66 <= item["page"] <= 74
        for value in item["values"]:
            x0, top, x1, bottom = value["bbox"]
            assert value["page"] >= item["page"] and x0 < x1 and top < bottom
    rereferrals = next(i for i in indicators if i["name"].startswith("Percentage of re-referrals"))
    assert rereferrals["page"] == 66 and rereferrals["unit"] == "percent"
    assert {(b["kind"], b["period"]) for b in rereferrals["benchmarks"]} == {
        ("own_outturn", "2019-20"),
        ("own_outturn", "2020-21"),
        ("statistical_neighbours", None),
        ("region", None),
    }


def test_the_2023_dashboard_pages_are_warned(extracted):
    indicators, _, warnings = extracted["2023-03-30"]
    pictures = {w["page"] for w in warnings if w["message"].startswith("dashboard image")}
    assert pictures == {46, 47, 48, 49}
    # Sentences are read from the text; the dashboard pictures themselves only by OCR, each value
    # marked for an officer to confirm.
    assert all(i["source"] in ("narrative", "ocr") and 46 <= i["page"] <= 49 for i in indicators)
    assert {i["page"] for i in indicators if i["source"] == "ocr"} <= pictures
    adoption = next(i for i in indicators if "adoption" in i["name"])
    assert adoption["benchmarks"][0]["kind"] == "statistical_neighbours"


def test_commentary_blocks_with_their_priority_area(extracted):
    _, blocks, _ = extracted["2022-03-31"]
    assert {(b["heading"], b["page"]) for b in blocks} >= {
        ("Analysis", 73),
        ("Action/next steps", 73),
    }
    right_service = [b for b in blocks if b["page"] == 73]
    assert all(b["section"] == "Right Service at the Right Time" for b in right_service)
    assert right_service[0]["text"].startswith("The volume of contacts continues to be higher.")
    _, blocks, _ = extracted["2023-03-30"]
    sections = {b["section"] for b in blocks}
    assert {"Purposeful Direct Contact", "Robust Corporate Parenting"} <= sections
    assert all(b["heading"] == "Analysis" and "\n" not in b["text"] for b in blocks)


def test_the_2022_tables_read_without_their_ruling_lines(corpus):
    """The same pages rebuilt from word positions alone, as a pack without ruling lines would
    be: wrapped headers ('Apr-2' over '1') and long names over the unit column included."""
    pdf, _ = corpus["2022-03-31"]
    own = frozenset({"southampton"})
    want = {i["name"]: i for i in expected("2022-03-31")["indicators"]}
    found = wrong = total = 0
    for number in (66, 68, 70, 72, 74):
        [grid] = aligned.grids(pdf.words(number), number, own)
        start, header = find_header(grid, own)
        for item in indicators_from_grid(grid, header, start + 1, None, []):
            expected_values = {v["period"]: v["value"] for v in want[item["name"]]["values"]}
            total += len(expected_values)
            for value in item["values"]:
                found += 1
                wrong += expected_values.get(value["period"]) != value["value"]
    assert wrong == 0 and found / total >= 0.98
