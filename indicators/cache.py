"""Rendered indicator pages, kept until the panel's figures change.

Dashboards are read far more often than figures change (a pack is published a few times a
year). Each panel has a generation number; services that change what dashboards show bump it
after their transaction commits, and cached fragments of older generations are never read again.
The cached parts hold no user-specific markup (no CSRF tokens, no names): the page shell around
them is rendered per request.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db import transaction

TIMEOUT = 24 * 3600


def generation_key(committee_id) -> str:
    return f"indicators:generation:{committee_id}"


def generation(committee_id) -> int:
    return cache.get_or_set(generation_key(committee_id), 1, None)


def figures_changed(*committee_ids):
    """Call from services that change published figures; takes effect when the transaction commits."""

    def bump():
        for committee_id in {c for c in committee_ids if c}:
            try:
                cache.incr(generation_key(committee_id))
            except ValueError:
                cache.set(generation_key(committee_id), 2, None)

    transaction.on_commit(bump)


def fragment(kind: str, committee_id, *parts, build):
    """The cached HTML for (kind, panel, parts) at the panel's current generation, or build() it."""
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:20]
    key = f"indicators:{kind}:{committee_id}:{generation(committee_id)}:{digest}"
    html = cache.get(key)
    if html is None:
        html = build()
        cache.set(key, html, TIMEOUT)
    return html
