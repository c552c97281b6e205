"""Sign-in is throttled (django-axes): the same on the site's login and the admin's."""

import logging

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGINS = ["/accounts/login/", "/admin/login/"]


@pytest.fixture
def officer():
    return UserFactory(username="officer", is_staff=True, is_superuser=True)


def attempt(client, url, password):
    return client.post(url, {"username": "officer", "password": password})


@pytest.mark.parametrize("url", LOGINS)
def test_wrong_passwords_lock_the_sign_in_and_then_even_the_right_one_is_refused(
    client, officer, url, settings, caplog
):
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert attempt(client, url, "wrong").status_code == 200  # the form, with its error
        locked = attempt(client, url, "wrong")
    assert locked.status_code == 429
    assert "too many" in locked.content.decode().lower()
    lockouts = [r.getMessage() for r in caplog.records if "Locking out" in r.getMessage()]
    assert lockouts and "officer" in lockouts[0]  # who, for the operator
    refused = attempt(client, url, "pass-word-123")
    assert refused.status_code == 429 and "_auth_user_id" not in client.session


def test_a_lockout_on_one_login_holds_on_the_other(client, officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "/accounts/login/", "wrong")
    assert attempt(client, "/admin/login/", "pass-word-123").status_code == 429


def test_a_right_password_before_the_limit_signs_in_and_resets_the_count(client, officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "/accounts/login/", "wrong")
    assert attempt(client, "/accounts/login/", "pass-word-123").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "/accounts/login/", "wrong").status_code == 200


def test_one_locked_user_does_not_lock_another(client, officer, settings):
    UserFactory(username="councillor")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "/accounts/login/", "wrong")
    other = client.post(reverse("login"), {"username": "councillor", "password": "pass-word-123"})
    assert other.status_code == 302
