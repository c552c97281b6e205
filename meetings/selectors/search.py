"""Search across the papers: agenda items, reports, minutes, resolutions, officers' commentary,
the glossary and recommendations, each already filtered by what the user may see.

One selector, two engines: PostgreSQL full-text search (weighted vectors, ts_rank, ts_headline,
the GIN expression indexes of meetings/services/search.py) and SQLite FTS5 for the embedded
default. Either way a page costs the same few queries however many papers there are: one to
rank and count the matches, then one per kind of paper on the page for its rows and snippets.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Expression, F, Q, TextField, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from indicators.models import Commentary
from meetings.models import AgendaItem, GlossaryTerm, Minute, Report, Resolution
from meetings.selectors.tracker import visible_recommendations
from meetings.services.search import (
    BY_KIND,
    COLUMN,
    CONFIG,
    DOCUMENTS,
    FTS_TABLE,
    JSON_COLUMNS,
)
from scrutiny.access import exempt_filter, is_staff_reader, published_filter

PER_PAGE = 20
MARK_START, MARK_STOP = "\x02", "\x03"  # sentinels: the snippet is escaped, then marked up


def visible_rows(kind: str, user):
    if kind == "agenda":
        return AgendaItem.objects.filter(published_filter(user)).filter(
            exempt_filter(user, "meeting__committee")
        )
    if kind == "report":
        return Report.objects.filter(published_filter(user)).filter(
            exempt_filter(user, "meeting__committee", secret_field="confidential")
        )
    if kind == "minute":
        return Minute.objects.filter(published_filter(user))
    if kind == "resolution":
        return Resolution.objects.filter(published_filter(user, "minute__pack"))
    if kind == "commentary":
        rows = Commentary.objects.all()
        return rows if is_staff_reader(user) else rows.filter(Q(pack=None) | published_filter(user))
    if kind == "glossary":
        return GlossaryTerm.objects.filter(published_filter(user))
    if kind == "recommendation":
        return visible_recommendations(user)
    raise ValueError(kind)


# Where each kind keeps its panel and its date, and what a result needs to link to its page.
PANEL = {
    "agenda": "meeting__committee",
    "report": "meeting__committee",
    "minute": "meeting__committee",
    "resolution": "minute__meeting__committee",
    "commentary": "committee",
    "glossary": "committee",
    "recommendation": "committee",
}
DATE = {
    "agenda": "meeting__date",
    "report": "meeting__date",
    "minute": "meeting__date",
    "resolution": "minute__meeting__date",
    "commentary": "reported_on",
    "glossary": "pack__meeting__date",
    "recommendation": "made_on",
}
RELATED = {
    "agenda": ("meeting__committee",),
    "report": ("meeting__committee",),
    "minute": ("meeting__committee",),
    "resolution": ("minute__meeting__committee", "minute"),
    "commentary": ("committee", "indicator"),
    "glossary": ("committee", "pack__meeting"),
    "recommendation": ("committee",),
}


@dataclass
class Filters:
    q: str = ""
    panel: object = None  # a Committee
    kinds: tuple[str, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    page: int = 1

    def apply(self, kind: str, rows):
        if self.panel is not None:
            rows = rows.filter(**{PANEL[kind]: self.panel})
        if self.date_from:
            rows = rows.filter(**{f"{DATE[kind]}__gte": self.date_from})
        if self.date_to:
            rows = rows.filter(**{f"{DATE[kind]}__lte": self.date_to})
        return rows

    @property
    def searched_kinds(self):
        return [doc.kind for doc in DOCUMENTS if not self.kinds or doc.kind in self.kinds]


@dataclass
class Result:
    kind: str
    label: str
    title: str
    snippet: str  # safe HTML: escaped text with <mark> around the words found
    url: str
    committee: object
    date: datetime.date | None
    rank: float
    context: str = ""  # e.g. the meeting, or the minute a resolution belongs to
    page: int | None = None
    exempt: bool = False  # shown only to those allowed, and marked so they know


@dataclass
class SearchPage:
    filters: Filters
    results: list[Result] = field(default_factory=list)
    total: int = 0

    @property
    def pages(self):
        return max(1, -(-self.total // PER_PAGE))

    @property
    def has_next(self):
        return self.filters.page < self.pages

    @property
    def has_previous(self):
        return self.filters.page > 1


def search(user, filters: Filters) -> SearchPage:
    page = SearchPage(filters)
    if not words_of(filters.q):
        return page
    if connection.vendor == "postgresql":
        hits, page.total = postgres_hits(user, filters)
    else:
        hits, page.total = sqlite_hits(user, filters)
    page.results = results_for(user, filters, hits)
    return page


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text or "")


# --- PostgreSQL ---------------------------------------------------------------------------------


class StoredVector(Expression):
    """The trigger-kept `search_vector` column of the queried table (not declared on models)."""

    def __init__(self):

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.{connection.ops.quote_name(COLUMN)}", []


def postgres_query(filters):

    return SearchQuery(filters.q, search_type="websearch", config=CONFIG)


def postgres_hits(user, filters):
    """[(kind, pk, rank, snippet-or-None)] for the page, and how many matched in all."""

    query = postgres_query(filters)
    ranked = []
    for kind in filters.searched_kinds:
        vector = StoredVector()
        rows = (
            filters.apply(kind, visible_rows(kind, user))
            .annotate(document=vector)
            .filter(document=query)
            .annotate(rank=SearchRank(vector, query), kind=Value(kind), when=F(DATE[kind]))
            .order_by()
            .values_list("kind", "pk", "rank", "when")
        )
        ranked.append(rows)
    union = ranked[0].union(*ranked[1:], all=True) if len(ranked) > 1 else ranked[0]
    # One query for the page and the total: the union ranked, counted by a window over it.
    sql, params = union.query.sql_with_params()
    start = (filters.page - 1) * PER_PAGE
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT "kind", "pk", "rank", COUNT(*) OVER () FROM ({sql}) AS "hits" '
            'ORDER BY "rank" DESC, "when" DESC NULLS LAST, "kind", "pk" LIMIT %s OFFSET %s',
            (*params, PER_PAGE, start),
        )
        rows = cursor.fetchall()
    total = rows[0][3] if rows else (union.count() if start else 0)
    return [(kind, pk, rank, None) for kind, pk, rank, _ in rows], total


def postgres_snippets(kind, rows, filters):

    column = BY_KIND[kind].snippet_from
    body = Cast(column, TextField()) if column in JSON_COLUMNS else column
    return rows.annotate(
        snippet=SearchHeadline(
            body,
            postgres_query(filters),
            config=CONFIG,
            start_sel=MARK_START,
            stop_sel=MARK_STOP,
            max_words=30,
            min_words=12,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )


# --- SQLite FTS5 --------------------------------------------------------------------------------


def fts_query(text: str) -> str:
    """Every word must appear (as the web search does); quoted, so no word is FTS5 syntax."""
    return " ".join(f'"{word}"' for word in words_of(text))


def sqlite_hits(user, filters):
    kinds = filters.searched_kinds
    placeholders = ", ".join("%s" for _ in kinds)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT kind, row_id, bm25({FTS_TABLE}, 0, 0, 10.0, 1.0) AS score, "
            f"snippet({FTS_TABLE}, 3, %s, %s, ' … ', 24) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND kind IN ({placeholders}) ORDER BY score",
            [MARK_START, MARK_STOP, fts_query(filters.q), *kinds],
        )
        matches = cursor.fetchall()
    by_kind: dict[str, set[int]] = {}
    for kind, row_id, _, _ in matches:
        by_kind.setdefault(kind, set()).add(row_id)
    allowed = set()
    for kind, ids in by_kind.items():  # one query per kind: what this user may see of them
        rows = filters.apply(kind, visible_rows(kind, user)).filter(pk__in=ids)
        allowed |= {(kind, pk) for pk in rows.values_list("pk", flat=True)}
    visible = [(k, pk, -score, snip) for k, pk, score, snip in matches if (k, pk) in allowed]
    start = (filters.page - 1) * PER_PAGE
    return visible[start : start + PER_PAGE], len(visible)


# --- the page of results ------------------------------------------------------------------------


def results_for(user, filters, hits) -> list[Result]:
    wanted: dict[str, list[int]] = {}
    for kind, pk, _, _ in hits:
        wanted.setdefault(kind, []).append(pk)
    objects = {}
    for kind, ids in wanted.items():
        rows = visible_rows(kind, user).filter(pk__in=ids).select_related(*RELATED[kind])
        if connection.vendor == "postgresql":
            rows = postgres_snippets(kind, rows, filters)
        for obj in rows:
            objects[(kind, obj.pk)] = obj
    results = []
    for kind, pk, rank, snippet in hits:
        obj = objects.get((kind, pk))
        if obj is not None:
            results.append(result_of(kind, obj, rank, snippet or getattr(obj, "snippet", None)))
    return results


def marked(text: str) -> str:
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(html)


def pack_page_url(obj):
    if getattr(obj, "pack_id", None) and getattr(obj, "pdf_page", None):
        return reverse("meetings:pack_page", args=[obj.pack_id, obj.pdf_page])
    return None


def json_list_text(text: str) -> str:
    text = re.sub(r'^\s*\[\s*"|"\s*\]\s*$', "", text)
    return re.sub(r'"\s*,\s*"', " ", text).replace('\\"', '"')


def result_of(kind, obj, rank, snippet) -> Result:
    doc = BY_KIND[kind]
    title_field = doc.fields[0][0]
    title = getattr(obj, title_field) or ""
    if kind == "report":  # a JSON list of sentences: '["That the Panel …", "…"]'
        snippet = json_list_text(snippet) if snippet else " ".join(obj.recommendations or [])
    if not snippet:
        snippet = (getattr(obj, doc.snippet_from) or "")[:300]
    meeting = getattr(obj, "meeting", None)
    date = meeting.date if meeting else None
    committee = meeting.committee if meeting else getattr(obj, "committee", None)
    url, context = pack_page_url(obj), str(meeting.date) if meeting else ""
    if kind == "resolution":
        minute = obj.minute
        committee, date = minute.meeting.committee, minute.meeting.date
        url = pack_page_url(minute) or minute.meeting.get_absolute_url()
        title = f"{minute.number}. {minute.title}"
        snippet = snippet if MARK_START in (snippet or "") else obj.text[:300]
    elif kind == "commentary":
        date = obj.reported_on
        title = " – ".join(part for part in (obj.section, obj.heading) if part) or "Commentary"
        if obj.indicator_id:
            title = f"{obj.indicator.name}: {obj.heading}" if obj.heading else obj.indicator.name
        url = pack_page_url(obj) or reverse("indicators:dashboard", args=[committee.slug])
    elif kind == "glossary":
        date = obj.pack.meeting.date if obj.pack and obj.pack.meeting else None
        url = pack_page_url(obj) or reverse("meetings:glossary", args=[committee.slug])
    elif kind == "recommendation":
        date = obj.made_on
        url = obj.get_absolute_url()
    if url is None and meeting is not None:
        url = meeting.get_absolute_url()
    return Result(
        kind=kind,
        label=doc.label,
        title=title,
        snippet=marked(snippet or ""),
        url=url or "",
        committee=committee,
        date=date,
        rank=float(rank or 0),
        context=context,
        page=getattr(obj, "pdf_page", None),
        exempt=bool(getattr(obj, "exempt", False) or getattr(obj, "confidential", False)),
    )
