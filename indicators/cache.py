"""Rendered indicator pages, kept until the panel's figures change.

Dashboards are read far more often than figures change (a pack is published a few times a
year). Each panel has a generation number; services that change what dashboards show bump it
after their transaction commits, and cached fragments of older generations are never read again.
The cached parts hold no user-specific markup (no CSRF tokens, no names): the page shell around
them is rendered per request.

The cache is an optimisation only: when Redis is away the backend (scrutiny/cache.py) answers
misses and pages are built from the database. A dashboard is keyed by its *normalised* filters,
never the raw query string, so no client can fill the Redis that also carries the task queue.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.cache import cache
from django.db import transaction
from django.forms import CheckboxInput

log = logging.getLogger(__name__)

TIMEOUT = 24 * 3600
DASHBOARD_TIMEOUT = 15 * 60  # filtered views are many and each is read rarely: short-lived

RAG_VALUES = {"red", "amber", "green", "none"}
BOOLEAN_FILTERS = ("worse_than_neighbours", "changed")


def generation_key(committee_id) -> str:
    return f"indicators:generation:{committee_id}"


def generation(committee_id) -> int:
    return cache.get_or_set(generation_key(committee_id), 1, None)


def figures_changed(*committee_ids):
    """Call from services that change published figures; takes effect when the transaction commits."""

    def bump():
        for committee_id in {c for c in committee_ids if c}:
            try:
                counted = cache.incr(generation_key(committee_id))
            except ValueError:  # never read yet: any number but 1 retires what may be cached
                counted = cache.set(generation_key(committee_id), 2, None) or True
            if counted is None:
                log.error(
                    "panel %s: figures changed while the cache was unavailable; dashboards may "
                    "show the earlier figures for up to %s s",
                    committee_id,
                    TIMEOUT,
                )

    transaction.on_commit(bump)


def fragment(kind: str, committee_id, *parts, build, timeout=TIMEOUT):
    """The cached HTML for (kind, panel, parts) at the panel's current generation, or build() it."""
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:20]
    key = f"indicators:{kind}:{committee_id}:{generation(committee_id)}:{digest}"
    html = cache.get(key)
    if html is None:
        html = build()
        cache.set(key, html, timeout)
    return html


def dashboard_filters(query, *, sections, sort_columns) -> tuple | None:
    """The dashboard's cache key parts: only known filters with valid values, in one order.

    None means "build it, do not cache it": a free-text search (every string is a new key) or a
    value the filters would not accept. Unknown parameters are ignored, as the page ignores them;
    so the number of keys per panel is bounded by sections × statuses × switches × sort orders.
    """
    if (query.get("q") or "").strip():
        return None
    section = query.get("section") or ""
    rag = query.get("rag") or ""
    sort = query.get("sort") or ""
    if (section and section not in sections) or (rag and rag not in RAG_VALUES):
        return None
    if sort and sort.removeprefix("-") not in sort_columns:
        return None
    switches = tuple(
        CheckboxInput().value_from_datadict(query, None, name) for name in BOOLEAN_FILTERS
    )
    return (section, rag, sort, *switches)
