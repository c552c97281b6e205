import os

import pytest


@pytest.fixture
def broker():
    """Send tasks through Redis (other tests run them in-process), on an empty queue."""
    import redis

    from scrutiny.celery import app

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
    app.conf.task_always_eager = False
    yield app
    app.conf.task_always_eager = True
