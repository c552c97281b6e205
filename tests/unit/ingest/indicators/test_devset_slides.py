"""The generated slide decks (tests/fixtures/devset/slides.py) through extract(), scored as the
corpus is scored (tests/fixtures/score_pack.py): ≥ 0.9 of narrative cells, not one wrong value,
and a warning on the page of every statement that contradicts itself."""

import json

import pytest

from meetings.ingest.extract import extract
from tests.fixtures import score_pack
from tests.fixtures.devset import slides


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    out = {}
    for pdf, want in slides.build(tmp_path_factory.mktemp("slides")):
        out[pdf.stem] = (extract(pdf), json.loads(want.read_text()))
    return out


def test_the_decks_print_forty_phrasings():
    assert slides.phrasings() >= 40


def test_sentence_cells_found_and_none_wrong(decks):
    found = total = 0
    for name, (actual, want) in decks.items():
        parts = {}
        wrong, _ = score_pack.score_indicators(actual, want, parts)
        assert wrong == {}, name
        found, total = found + parts["narrative"].found, total + parts["narrative"].expected
    assert found / total >= 0.9


def test_distractors_give_no_indicator(decks):
    for actual, want in decks.values():
        names = {i["name"].lower() for i in want["indicators"]}
        extra = [i["name"] for i in actual["indicators"] if i["name"].lower() not in names]
        assert extra == []


def test_contradictions_are_warned_with_their_page(decks):
    for actual, want in decks.values():
        pages = {w["page"] for w in actual["warnings"] if "values not read" in w["message"]}
        assert {w["page"] for w in want["warnings"]} <= pages
