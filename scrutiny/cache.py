"""Django's RedisCache that shrugs off Redis being away: the cache is an optimisation.

Reading pages must not need Redis (it also carries the task queue, and can restart or fill up).
Every cache call that fails is logged and answered as a miss (reads) or skipped (writes); after a
failure the cache is not asked again for a few seconds, so a dead Redis costs one timeout, not one
per call. Configured in settings.CACHES with short socket timeouts.
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

REST_SECONDS = 5.0


def forgiving(default=None):
    def decorate(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            if time.monotonic() < self.down_until:
                return default() if callable(default) else default
            try:
                return method(self, *args, **kwargs)
            except (RedisError, OSError) as exc:
                self.went_down(method.__name__, exc)
                return default() if callable(default) else default

        return call

    return decorate


class ForgivingRedisCache(RedisCache):
    """get_or_set, get_many … of the base class go through these, so they forgive too."""

    down_until = 0.0

    def get(self, key, default=None, version=None):
        if time.monotonic() < self.down_until:
            return default
        try:
            return super().get(key, default, version)
        except (RedisError, OSError) as exc:
            self.went_down("get", exc)
            return default

    def went_down(self, what, exc):
        self.down_until = time.monotonic() + REST_SECONDS
        log.warning("cache unavailable (%s: %s); pages are built without it", what, exc)

    @forgiving(default=False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @forgiving()
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @forgiving(default=False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @forgiving(default=False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @forgiving(default=dict)
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @forgiving(default=False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @forgiving(default=list)
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @forgiving()
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @forgiving(default=False)
    def clear(self):
        return super().clear()

    @forgiving()  # None: not counted (the caller logs what that means for it)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)
