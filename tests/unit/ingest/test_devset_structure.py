"""The generated structure dev set (tests/fixtures/devset/structure.py), scored in the suite with
the shared scorer (tests/fixtures/score_pack.py): every part of every layout variant ≥ 0.95."""

import importlib.util
import json
from pathlib import Path

import pytest

from meetings.ingest.extract import extract
from tests.fixtures.devset.structure import VARIANTS, build

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PARTS = ("meeting", "agenda", "minutes", "reports", "tracker", "warnings")
BAR = 0.95


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_pack", FIXTURES / "score_pack.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = load_scorer()


def part_scores(actual: dict, expected: dict) -> dict[str, tuple[float | None, list[str]]]:
    parts = {name: SCORER.Part(name) for name in PARTS}
    SCORER.score_meeting(actual, expected, parts["meeting"])
    SCORER.score_agenda(actual, expected, parts["agenda"])
    SCORER.score_minutes(actual, expected, parts["minutes"])
    SCORER.score_reports(actual, expected, parts["reports"])
    SCORER.score_tracker(actual, expected, parts["tracker"])
    SCORER.score_warnings(actual, expected, parts["warnings"])
    return {name: (part.score, part.misses) for name, part in parts.items()}


def test_at_least_twelve_layout_variants():
    assert len({v.name for v in VARIANTS}) >= 12


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_variant_scores_at_least_095_per_part(variant, tmp_path):
    pdf, want = build(variant, tmp_path)
    expected = json.loads(want.read_text())
    actual = json.loads(json.dumps(extract(pdf)))  # as ingest_pack --json prints it
    low = {
        name: (score, misses[:5])
        for name, (score, misses) in part_scores(actual, expected).items()
        if score is not None and score < BAR
    }
    assert not low, low
    # beyond the scorer: who was present and sent apologies, and where each agenda item's
    # papers are in the PDF (the builder knows)
    assert [(m["present"], m["apologies"]) for m in actual["minutes"]] == [
        (m["present"], m["apologies"]) for m in expected["minutes"]
    ]
    assert [a.get("pdf_pages") for a in actual["agenda"]] == [
        a["pdf_pages"] for a in expected["agenda"]
    ]


def test_blank_tracker_statuses_are_null(tmp_path):
    variant = next(v for v in VARIANTS if v.blank_status)
    pdf, _ = build(variant, tmp_path)
    statuses = [row["status"] for row in extract(pdf)["tracker"]]
    assert None in statuses and "unknown" not in statuses


# the corpus packs' 1.000 on every part: tests/integration/meetings/test_ingest_command.py
