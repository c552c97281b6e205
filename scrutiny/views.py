"""Project-level views: the home page and the health check."""

import redis
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render

from meetings import selectors
from scrutiny.access import public


@public
def home(request):
    return render(request, "home.html", selectors.home_page(request.user))


@public
def healthz(request):
    """Is the database answering, and the broker (when there is one)? 200 if so, 503 if not."""
    checks = {"database": check_database(), "broker": check_broker()}
    healthy = all(state in ("ok", "not configured") for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "fail", **checks}, status=200 if healthy else 503
    )


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception as exc:
        return f"error: {exc.__class__.__name__}"


def check_broker():

    if not settings.REDIS_URL:
        return "not configured"

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
        return "ok"
    except redis.RedisError as exc:
        return f"error: {exc.__class__.__name__}"
