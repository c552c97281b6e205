"""Settings refuse mistakes at start-up instead of running with a wrong value."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[3]


def start_settings(**env):
    """Import the settings module in a fresh interpreter with exactly these overrides."""
    base = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    return subprocess.run(
        [sys.executable, "-c", "import scrutiny.settings"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_mistyped_boolean_stops_the_start_with_its_name():
    result = start_settings(SECRET_KEY="x", DEBUG="ture")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "DEBUG='ture'" in result.stderr


@pytest.mark.parametrize("value", ["1", "true", "Yes", "on", "0", "false", "no", "OFF"])
def test_usual_spellings_of_yes_and_no_are_accepted(value):
    assert start_settings(SECRET_KEY="x", OCR_ENABLED=value).returncode == 0


def test_a_mistyped_number_stops_the_start():
    result = start_settings(SECRET_KEY="x", PACK_MAX_PAGES="six hundred")
    assert result.returncode != 0 and "PACK_MAX_PAGES" in result.stderr


def test_without_debug_a_secret_key_is_required():
    result = start_settings()
    assert result.returncode != 0 and "SECRET_KEY is not set" in result.stderr
    assert start_settings(DEBUG="1").returncode == 0  # the demo runs on a made-up key


def test_docker_compose_has_no_default_secret():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    secret = compose["x-app"]["environment"]["SECRET_KEY"]
    assert secret.startswith("${SECRET_KEY:?"), secret


def test_dockerfile_installs_the_pinned_set_and_leaves_local_files_out():
    assert "-c constraints.txt" in (ROOT / "Dockerfile").read_text()
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "db.sqlite3", "media", "bench/out", ".git"} <= set(ignored)


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"models changed without a migration:\n{out.getvalue()}")
