"""The admin works under the same strict Content-Security-Policy as the site."""

import pytest

from tests.factories import UserFactory
from tests.functional.conftest import assert_no_csp_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_admin_signs_in_and_edits_under_the_strict_policy(page, shot):
    UserFactory(username="root", is_staff=True, is_superuser=True)
    page.goto("/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "pass-word-123")
    page.click("input[type=submit]")
    page.wait_for_url(lambda url: url.rstrip("/").endswith("/admin"))
    for path in ("/admin/meetings/pack/", "/admin/auth/user/add/", "/admin/meetings/meeting/add/"):
        response = page.goto(path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
    shot(page, "admin-meeting-add")
    assert_no_csp_violations(page)
