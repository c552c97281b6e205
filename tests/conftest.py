import json
import shutil
from pathlib import Path

import pytest

from scrutiny.access import Role
from tests.factories import UserFactory

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = sorted(FIXTURES.glob("pack-*.pdf"))


@pytest.fixture
def corpus_pdf():
    """Path of a corpus pack by its date: corpus_pdf('2022-03-31')."""
    return lambda date: FIXTURES / f"pack-{date}.pdf"


@pytest.fixture
def expected_extraction():
    return lambda date: json.loads((FIXTURES / f"pack-{date}.expected.json").read_text())


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield settings.MEDIA_ROOT
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Hashing a password the production way costs ~0.3 s; tests create many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached pages from one test must not be read by another."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def tasks_in_process(settings):
    """Unit and integration tests run tasks in-process; the worker test starts a real worker."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from scrutiny.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def no_page_pictures_at_ingest(settings):
    """Drawing a corpus pack's pages costs ~3 s; tests of pictures turn it back on."""
    settings.PAGE_IMAGES_AT_INGEST = False


@pytest.fixture
def users(db):
    """One user per role, plus a councillor who sits on no panel."""
    return {
        "councillor": UserFactory(username="councillor", roles=[Role.COUNCILLOR.value]),
        "dso": UserFactory(username="dso", roles=[Role.DSO.value]),
        "manager": UserFactory(username="manager", roles=[Role.MANAGER.value]),
    }


@pytest.fixture
def published_corpus(db, expected_extraction):
    """Both corpus packs' expected extractions, stored and published: a real panel's data."""
    from meetings.models import Pack
    from meetings.services.pack_contents import store_pack_contents
    from meetings.services.packs import publish_pack
    from tests.factories import PackFactory

    packs = []
    for date in ("2022-03-31", "2023-03-30"):
        pack = PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None)
        packs.append(publish_pack(store_pack_contents(pack, expected_extraction(date))))
    return packs
