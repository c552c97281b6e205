"""A pytest plugin loaded before Django (pyproject: `-p tests.environment`).

The suite runs against the real services, never SQLite: PostgreSQL and Redis on this machine
unless DATABASE_URL / REDIS_URL say otherwise.
"""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/scrutiny")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("MEDIA_ROOT", "/tmp/scrutiny-test-media")
# Settings refuse to start without a key unless DEBUG; the suite runs as production does.
os.environ.setdefault("SECRET_KEY", "test-suite-only-not-a-secret")
# Tests must not depend on `collectstatic` having run.
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)
os.environ.setdefault("STATIC_ROOT", "/tmp/scrutiny-test-static")
os.makedirs(os.environ["STATIC_ROOT"], exist_ok=True)
