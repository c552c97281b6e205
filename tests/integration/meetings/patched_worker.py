"""A real Celery worker whose PDF reader is made to hang, or to be slow, for fault tests.

    python -m tests.integration.meetings.patched_worker hang|slow [worker options]

hang: extract() never returns, what a parser stuck in a loop looks like (prefork pool: the soft
time limit reaches the child as a signal, as in production). slow: the real extract(), pausing
at each progress report, so a test can cut the database while a pack is surely mid-read.
"""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
django.setup()

from meetings.services import ingestion  # noqa: E402  (after django.setup())
from scrutiny.celery import app  # noqa: E402

real_extract = ingestion.extract


def hang(*args, **kwargs):
    while True:
        time.sleep(0.05)


def slow(path, progress=None, **kwargs):
    def pausing(done, total):
        time.sleep(0.5)
        progress(done, total)

    return real_extract(path, progress=pausing if progress else None, **kwargs)


if __name__ == "__main__":
    mode, options = sys.argv[1], sys.argv[2:]
    ingestion.extract = {"hang": hang, "slow": slow}[mode]
    app.worker_main(["worker", "--pool=prefork", "--concurrency=1", *options])
