"""manage.py ingest_pack: the contract on stdout, drafts stored, a directory back-filled."""

import importlib.util
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from meetings.models import Pack

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ROOT = FIXTURES.parents[1]


def scorer():
    spec = importlib.util.spec_from_file_location("score_pack", FIXTURES / "score_pack.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(actual, expected):
    module = scorer()
    parts = [
        module.Part(n) for n in ("meeting", "agenda", "minutes", "reports", "tracker", "warnings")
    ]
    for part, check in zip(
        parts,
        (
            module.score_meeting,
            module.score_agenda,
            module.score_minutes,
            module.score_reports,
            module.score_tracker,
            module.score_warnings,
        ),
        strict=True,
    ):
        check(actual, expected, part)
    by_source = {}
    wrong, _ = module.score_indicators(actual, expected, by_source)
    return {p.name: p.score for p in parts + list(by_source.values()) if p.score is not None}, wrong


@pytest.mark.parametrize("date", ["2022-03-31", "2023-03-30"])
def test_dry_run_prints_the_contract_and_scores(date, expected_extraction):
    # A real subprocess: stdout must hold the JSON and nothing else.
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "ingest_pack",
            str(FIXTURES / f"pack-{date}.pdf"),
            "--dry-run",
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    actual = json.loads(result.stdout)
    assert actual["schema"] == "scrutiny-pack/1"
    assert set(actual) == {
        "schema",
        "source",
        "meeting",
        "agenda",
        "minutes",
        "reports",
        "tracker",
        "indicators",
        "commentary",
        "glossary",
        "warnings",
    }
    assert actual["source"]["sha256"] == expected_extraction(date)["source"]["sha256"]
    scores, wrong = score(actual, expected_extraction(date))
    assert wrong == {}, wrong  # a missing value is acceptable, a wrong one is not
    for part, value in scores.items():
        floor = {"indicator cells (table)": 0.98, "indicator cells (narrative)": 0.9}.get(
            part, 0.95
        )
        assert value >= floor, (part, value)
    for item in actual["agenda"] + actual["reports"] + actual["tracker"] + actual["indicators"]:
        assert item["page"] >= 1  # every item says where it starts


@pytest.mark.django_db
def test_without_dry_run_a_directory_is_back_filled(tmp_path):
    for name in ("pack-2022-03-31.pdf", "pack-2023-03-30.pdf"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    out = io.StringIO()
    call_command("ingest_pack", str(tmp_path), stdout=out)
    assert Pack.objects.filter(status=Pack.Status.NEEDS_REVIEW).count() == 2
    assert "Needs review" in out.getvalue()
    errors = io.StringIO()
    call_command(
        "ingest_pack", str(tmp_path / "pack-2022-03-31.pdf"), stdout=io.StringIO(), stderr=errors
    )
    assert "already uploaded" in errors.getvalue()
