"""Bad query parameters are the client's mistake: a 400 or 404 (or ignored), never a 500."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

JUNK = ["abc", "-1", "99999999999999999999", "\x00", "' OR 1=1 --"]
PARAMS = ["meeting", "panel", "committee", "page", "on", "status", "state", "sort", "section"]
PARAMS += ["rag", "q", "overdue", "box", "_export", "year", "date", "token"]


@pytest.fixture
def urls(published_corpus):
    pack = published_corpus[1]
    panel = pack.committee
    indicator = panel.indicators.first()
    return [
        reverse("home"),
        reverse("meetings:tracker"),
        reverse("meetings:committee", args=[panel.slug]),
        reverse("meetings:meeting", args=[pack.meeting.pk]),
        reverse("meetings:monitoring", args=[panel.slug]),
        reverse("indicators:dashboard", args=[panel.slug]),
        reverse("indicators:export", args=[panel.slug]),
        reverse("indicators:indicator", args=[panel.slug, indicator.slug]),
        reverse("meetings:pack_page", args=[pack.pk, 1]),
        reverse("meetings:packs"),
        reverse("meetings:pack", args=[pack.pk]),
    ]


@pytest.mark.parametrize("role", [None, "dso"])
def test_no_bad_parameter_gives_a_500(client, users, urls, role):
    if role:
        client.force_login(users[role])
    client.raise_request_exception = False  # see the status a browser would get
    failures = []
    for url in urls:
        for junk in JUNK:
            response = client.get(url, dict.fromkeys(PARAMS, junk))
            if response.status_code >= 500:
                failures.append(f"{url} with every parameter {junk!r}: {response.status_code}")
        for name in PARAMS:  # one at a time too, so one refusal does not hide another's crash
            response = client.get(url, {name: "abc"})
            if response.status_code >= 500:
                failures.append(f"{url}?{name}=abc: {response.status_code}")
    assert failures == [], "\n".join(failures[:30])


def test_a_meeting_that_is_not_a_number_is_a_404(client, published_corpus):
    panel = published_corpus[0].committee
    for name in ("monitoring", "monitoring_csv", "monitoring_pdf"):
        url = reverse(f"meetings:{name}", args=[panel.slug])
        assert client.get(url, {"meeting": "abc"}).status_code == 404, name
