"""Reading pages does not need Redis; no client can fill it through the dashboard's query string."""

import logging
import os

import pytest
import redis
from django.core.cache import cache
from django.urls import reverse

from indicators.models import Indicator

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:1/0"


@pytest.fixture
def panel(published_corpus):
    return published_corpus[0].committee


@pytest.fixture
def redis_cache(settings):
    """The production backend on this worktree's Redis."""
    settings.CACHES = {
        "default": {
            "BACKEND": "scrutiny.cache.ForgivingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "scrutiny.cache.ForgivingRedisCache",
            "LOCATION": CLOSED_PORT,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def test_pages_answer_while_redis_is_down_and_the_failure_is_logged(
    client, panel, redis_down, caplog, published_corpus
):
    indicator = Indicator.objects.filter(committee=panel).first()
    meeting = published_corpus[1].meeting
    urls = [
        reverse("indicators:dashboard", args=[panel.slug]),
        reverse("indicators:dashboard", args=[panel.slug]) + "?rag=red",
        reverse("indicators:indicator", args=[panel.slug, indicator.slug]),
        reverse("meetings:meeting", args=[meeting.pk]),
        reverse("meetings:committee", args=[panel.slug]),
        reverse("home"),
    ]
    with caplog.at_level(logging.WARNING, logger="scrutiny.cache"):
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
    assert indicator.name in client.get(urls[2]).content.decode()
    assert any("cache unavailable" in record.getMessage() for record in caplog.records)


def test_publishing_while_redis_is_down_still_works(redis_down, caplog, expected_extraction):
    from meetings.models import Pack
    from meetings.services.pack_contents import store_pack_contents
    from meetings.services.packs import publish_pack
    from tests.factories import PackFactory

    pack = PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None)
    with caplog.at_level(logging.ERROR, logger="indicators.cache"):
        published = publish_pack(store_pack_contents(pack, expected_extraction("2023-03-30")))
    assert published.status == "published"


def dashboard_keys():
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    return [k for k in client.scan_iter(match="*indicators:dashboard:*")]


def test_the_dashboard_key_is_the_normalised_filters_not_the_query_string(
    client, panel, redis_cache
):
    url = reverse("indicators:dashboard", args=[panel.slug])
    for n in range(40):  # junk a client could send: none of it may make a new key
        assert client.get(f"{url}?utm={n}&q=word{n}&section=nope{n}").status_code == 200
        assert client.get(f"{url}?rag=red&x{n}=1&changed=").status_code == 200
        assert client.get(f"{url}?sort=no-such-column{n}").status_code == 200
    keys = dashboard_keys()
    assert len(keys) == 1, keys  # only ?rag=red (with or without junk) was worth a key
    ttl = redis.Redis.from_url(os.environ["REDIS_URL"]).ttl(keys[0])
    assert 0 < ttl <= 15 * 60  # short-lived


def test_equal_filters_share_one_key(client, panel, redis_cache):
    url = reverse("indicators:dashboard", args=[panel.slug])
    client.get(f"{url}?rag=red&changed=on")
    client.get(f"{url}?changed=on&rag=red&utm_source=mail")
    client.get(f"{url}?changed=true&rag=red")
    assert len(dashboard_keys()) == 1
