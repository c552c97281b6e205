"""The search index across the papers, kept current by the database itself.

What is searched is declared once, in DOCUMENTS: each kind of paper, its columns and their
weights (A: the title a person would search for, B: the text, C: the rest).

- PostgreSQL: a GIN *expression* index per table over exactly the weighted tsvector the
  selector queries with, so no stored column can go stale (storing, review edits, publishing
  and discarding all change the rows, and the index follows them inside their transaction).
- SQLite (the embedded default for a first run): one FTS5 table that triggers on every
  searched table keep current, created and filled by the same migration.

The queries live in meetings/selectors/search.py.
"""

from __future__ import annotations

from dataclasses import dataclass

CONFIG = "english"
FTS_TABLE = "meetings_search_fts"
JSON_COLUMNS = {"recommendations"}  # a report's recommendations: a JSON list of sentences


@dataclass(frozen=True)
class Document:
    kind: str
    label: str
    model: str  # "app_label.ModelName"
    fields: tuple[tuple[str, str], ...]  # (column, weight); the first is the title

    @property
    def index_name(self):
        return f"search_{self.kind}"

    def vector(self):
        """The weighted tsvector, identical in the index and in the query (so the index is used)."""
        from django.contrib.postgres.search import SearchVector
        from django.db.models import TextField
        from django.db.models.functions import Cast

        vectors = [
            SearchVector(
                Cast(column, TextField()) if column in JSON_COLUMNS else column,
                weight=weight,
                config=CONFIG,
            )
            for column, weight in self.fields
        ]
        combined = vectors[0]
        for vector in vectors[1:]:
            combined = combined + vector
        return combined


DOCUMENTS = (
    Document(
        "agenda", "Agenda item", "meetings.AgendaItem", (("title", "A"), ("description", "B"))
    ),
    Document(
        "report",
        "Report",
        "meetings.Report",
        (("subject", "A"), ("recommendations", "B"), ("report_of", "C")),
    ),
    Document("minute", "Minutes", "meetings.Minute", (("title", "A"), ("text", "B"))),
    Document("resolution", "Resolution", "meetings.Resolution", (("text", "A"),)),
    Document(
        "commentary",
        "Officers' commentary",
        "indicators.Commentary",
        (("section", "A"), ("heading", "B"), ("text", "B")),
    ),
    Document("glossary", "Glossary", "meetings.GlossaryTerm", (("term", "A"), ("definition", "B"))),
    Document(
        "recommendation",
        "Recommendation",
        "meetings.Recommendation",
        (("title", "A"), ("text", "B")),
    ),
)
BY_KIND = {doc.kind: doc for doc in DOCUMENTS}


# --- installing the index (called by the migration) -------------------------------------------


def install_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from django.contrib.postgres.indexes import GinIndex

        for doc in DOCUMENTS:
            model = apps.get_model(doc.model)
            schema_editor.add_index(model, GinIndex(doc.vector(), name=doc.index_name))
    elif schema_editor.connection.vendor == "sqlite":
        for statement in sqlite_statements(apps):
            schema_editor.execute(statement)


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for doc in DOCUMENTS:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{doc.index_name}"')
    elif schema_editor.connection.vendor == "sqlite":
        for doc in DOCUMENTS:
            table = apps.get_model(doc.model)._meta.db_table
            for event in ("insert", "update", "delete"):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{table}_search_{event}"')
        schema_editor.execute(f'DROP TABLE IF EXISTS "{FTS_TABLE}"')


def sqlite_statements(apps) -> list[str]:
    """FTS5 table, three triggers per searched table, and the rows already there."""
    statements = [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{FTS_TABLE}" USING fts5('
        "kind UNINDEXED, row_id UNINDEXED, title, body, tokenize='porter unicode61')"
    ]
    for doc in DOCUMENTS:
        table = apps.get_model(doc.model)._meta.db_table
        (title, _), *rest = doc.fields

        def values(alias, doc=doc, title=title, rest=rest):
            body = " || ' ' || ".join(f"coalesce({alias}.\"{c}\", '')" for c, _ in rest) or "''"
            return f"'{doc.kind}', {alias}.id, coalesce({alias}.\"{title}\", ''), {body}"

        insert = f'INSERT INTO "{FTS_TABLE}" (kind, row_id, title, body) VALUES ({values("new")});'
        delete = f"DELETE FROM \"{FTS_TABLE}\" WHERE kind = '{doc.kind}' AND row_id = old.id;"
        statements += [
            f'CREATE TRIGGER IF NOT EXISTS "{table}_search_insert" AFTER INSERT ON "{table}" '
            f"BEGIN {insert} END",
            f'CREATE TRIGGER IF NOT EXISTS "{table}_search_update" AFTER UPDATE ON "{table}" '
            f"BEGIN {delete} {insert} END",
            f'CREATE TRIGGER IF NOT EXISTS "{table}_search_delete" AFTER DELETE ON "{table}" '
            f"BEGIN {delete} END",
            f'INSERT INTO "{FTS_TABLE}" (kind, row_id, title, body) '
            f'SELECT {values(f"{table}")} FROM "{table}"',
        ]
    return statements
