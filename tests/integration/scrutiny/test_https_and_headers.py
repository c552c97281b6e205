"""Deployable over HTTPS; the strict CSP on pages and the admin; oversized uploads refused early."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **os.environ,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "HTTPS": "1",
        "ALLOWED_HOSTS": "scrutiny.example.org",
    }
    for development_only in ("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"):  # the browser tests set one
        env.pop(development_only, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_settings_come_from_the_environment():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER)"
    )
    env = {**os.environ, "HTTPS": "1", "DJANGO_SETTINGS_MODULE": "scrutiny.settings"}
    out = (
        subprocess.run(
            [sys.executable, "-c", "import django; django.setup(); " + code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        .stdout.strip()
        .split(maxsplit=4)
    )
    assert out == ["True", "31536000", "True", "True", "('HTTP_X_FORWARDED_PROTO', 'https')"]


def assert_strict(response):
    policy = response["Content-Security-Policy"]
    for directive in ("script-src 'self'", "style-src 'self'", "object-src 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/healthz", "/admin/login/"])
def test_the_policy_is_on_public_pages_and_the_admin(client, url):
    assert_strict(client.get(url))


def test_the_policy_is_on_the_admin_when_signed_in(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    for url in ("/admin/", "/admin/meetings/pack/", "/admin/auth/user/add/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response)


def test_an_upload_over_the_limit_is_refused_from_its_content_length(client, settings, users):
    settings.PACK_MAX_BYTES = 1024 * 1024
    settings.MAX_REQUEST_BYTES = settings.PACK_MAX_BYTES + 64 * 1024
    client.force_login(users["dso"])
    # The body claims 50 MB but holds a few bytes: refused before anything is read.
    response = client.generic(
        "POST",
        reverse("meetings:pack_upload"),
        data=b"x" * 10,
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "at most 1 MB" in response.content.decode()


def test_an_upload_under_the_limit_still_reaches_the_form(client, users, corpus_pdf):
    client.force_login(users["dso"])
    with open(corpus_pdf("2023-03-30"), "rb") as handle:
        response = client.post(reverse("meetings:pack_upload"), {"file": handle})
    assert response.status_code == 302
