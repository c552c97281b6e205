"""A real Celery worker whose PDF reader never returns: what a parser stuck in a loop looks like.

Run by test_worker.py as `python -m tests.integration.meetings.hanging_worker` (prefork pool: the
soft time limit is delivered to the child as a signal, as in production).
"""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
django.setup()

from meetings.services import ingestion  # noqa: E402  (after django.setup())
from scrutiny.celery import app  # noqa: E402


def hang(*args, **kwargs):
    while True:
        time.sleep(0.05)


ingestion.extract = hang

if __name__ == "__main__":
    app.worker_main(["worker", "--pool=prefork", "--concurrency=1", *sys.argv[1:]])
