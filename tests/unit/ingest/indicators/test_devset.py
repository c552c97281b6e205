"""The generated dev set, scored the way the corpus is (tests/fixtures/score_pack.py): performance
appendices in many printed forms (tests/fixtures/devset/appendix.py) and scanned renders of
corpus and generated pages (tests/fixtures/devset/scans.py). Bars: tables ≥ 0.95, OCR ≥ 0.8,
and not one wrong value; values a printed cross-check contradicts must be left out."""

import json
import shutil

import pytest

from meetings.ingest.indicators import extract_indicators
from meetings.ingest.pdf import PackPdf
from tests.fixtures import score_pack
from tests.fixtures.devset import appendix, scans


def score(built, source):
    found = expected = wrong = 0
    results = {}
    for pdf_path, json_path in built:
        want = json.loads(json_path.read_text())
        with PackPdf(pdf_path, ocr=source == "ocr") as pdf:  # OCR only for the scans
            indicators, _, warnings = extract_indicators(pdf.pages(), pdf)
        parts = {}
        bad, _ = score_pack.score_indicators({"indicators": indicators}, want, parts)
        part = parts[source]
        found, expected, wrong = (
            found + part.found,
            expected + part.expected,
            wrong + sum(bad.values()),
        )
        results[pdf_path.name] = (indicators, warnings, part)
    return found, expected, wrong, results


@pytest.fixture(scope="module")
def tables(tmp_path_factory, monkeypatch_module):
    return score(appendix.build(tmp_path_factory.mktemp("appendix")), "table")


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_generated_tables_score_at_least_095_and_none_wrong(tables):
    found, expected, wrong, results = tables
    misses = [m for _, _, part in results.values() for m in part.misses][:20]
    assert found / expected >= 0.95, misses
    assert wrong == 0


def test_every_form_is_read(tables):
    _, _, _, results = tables
    for name, (_, _, part) in results.items():
        assert part.found / part.expected >= 0.9, (name, part.misses[:10])


def test_values_a_printed_check_contradicts_are_left_out_and_named(tables):
    _, _, _, results = tables
    for form in appendix.forms():
        indicators, warnings, _ = results[f"appendix-{form.key}.pdf"]
        read = {i["name"]: {v["period"] for v in i["values"]} for i in indicators}
        for measure in form.measures:
            for period in measure.left_out:
                assert period not in read.get(measure.name, set()), (form.key, measure.name)
                assert any(
                    measure.name[:60] in w["message"] and "not read" in w["message"]
                    for w in warnings
                )


def test_a_note_in_a_figure_cell_is_named_and_its_row_kept(tables):
    _, _, _, results = tables
    indicators, warnings, _ = results["appendix-dense-monthly.pdf"]
    form = next(f for f in appendix.forms() if f.key == "dense-monthly")
    noted = [m for m in form.measures if any(v in appendix.NOTES for v in m.values)]
    assert noted
    names = {i["name"] for i in indicators}
    for measure in noted:
        assert measure.name in names
        note = next(v for v in measure.values if v in appendix.NOTES)
        if note not in ("TBC", "-", "N/A"):  # the usual blanks say nothing
            assert any(f"'{note}' is not a number" in w["message"] for w in warnings)


@pytest.mark.skipif(not shutil.which("tesseract"), reason="scripts/ensure-ocr installs it")
def test_scanned_pages_score_at_least_08_by_ocr_and_none_wrong(tmp_path, monkeypatch):
    found, expected, wrong, results = score(scans.build(tmp_path), "ocr")
    assert found / expected >= 0.8, {k: p.found / p.expected for k, (_, _, p) in results.items()}
    assert wrong == 0
    for indicators, warnings, _ in results.values():
        assert all(i["source"] == "ocr" for i in indicators)
        assert any("confirm each one" in w["message"] for w in warnings)
