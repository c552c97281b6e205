"""The search index across the papers, kept current by the database itself.

What is searched is declared once, in DOCUMENTS: each kind of paper, its columns and their
weights (A: the title a person would search for, B: the text, C: the rest).

- PostgreSQL: a `search_vector` tsvector column on each searched table, set by a BEFORE INSERT
  OR UPDATE trigger from the weighted columns, with a GIN index. The database keeps it current
  whoever writes (storing, review edits, bulk updates, publishing), inside their transaction;
  ranking reads the stored vector instead of re-parsing every matching text. (A trigger rather
  than a generated column, so a later migration may still alter the columns it reads.)
  Django's models do not declare the column: the selector reads it with `StoredVector`.
- SQLite (the embedded default for a first run): one FTS5 table that triggers on every
  searched table keep current; `ensure_sqlite_search_index` (after every migrate) puts back
  triggers a table rebuild dropped.

The queries live in meetings/selectors/search.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import connections

CONFIG = "english"
FTS_TABLE = "meetings_search_fts"
COLUMN = "search_vector"
JSON_COLUMNS = {"recommendations"}  # a report's recommendations: a JSON list of sentences


@dataclass(frozen=True)
class Document:
    kind: str
    label: str
    model: str  # "app_label.ModelName"
    fields: tuple[tuple[str, str], ...]  # (column, weight); the first is the title
    snippet_from: str  # the column a result's snippet is cut from

    @property
    def index_name(self):
        return f"search_{self.kind}"

    def sql_vector(self, row: str) -> str:
        """The weighted tsvector of `row` (NEW in the trigger, the table in the back-fill)."""
        return " || ".join(
            f"setweight(to_tsvector('{CONFIG}', coalesce({row}.\"{column}\"::text, '')), '{weight}')"
            for column, weight in self.fields
        )


DOCUMENTS = (
    Document(
        "agenda",
        "Agenda item",
        "meetings.AgendaItem",
        (("title", "A"), ("description", "B")),
        "description",
    ),
    Document(
        "report",
        "Report",
        "meetings.Report",
        (("subject", "A"), ("recommendations", "B"), ("report_of", "C")),
        "recommendations",
    ),
    Document("minute", "Minutes", "meetings.Minute", (("title", "A"), ("text", "B")), "text"),
    Document("resolution", "Resolution", "meetings.Resolution", (("text", "A"),), "text"),
    Document(
        "commentary",
        "Officers' commentary",
        "indicators.Commentary",
        (("section", "A"), ("heading", "B"), ("text", "B")),
        "text",
    ),
    Document(
        "glossary",
        "Glossary",
        "meetings.GlossaryTerm",
        (("term", "A"), ("definition", "B")),
        "definition",
    ),
    Document(
        "recommendation",
        "Recommendation",
        "meetings.Recommendation",
        (("title", "A"), ("text", "B")),
        "text",
    ),
)
BY_KIND = {doc.kind: doc for doc in DOCUMENTS}


# --- installing the index (called by the migration) -------------------------------------------


def install_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = postgres_statements(apps) if vendor == "postgresql" else sqlite_statements(apps)
    if vendor in ("postgresql", "sqlite"):
        for statement in statements:
            schema_editor.execute(statement)


def remove_search_index(apps, schema_editor):
    for doc in DOCUMENTS:
        table = apps.get_model(doc.model)._meta.db_table
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP TRIGGER IF EXISTS "{table}_search" ON "{table}"')
            schema_editor.execute(f'DROP FUNCTION IF EXISTS "{table}_search"()')
            schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "{COLUMN}"')
            schema_editor.execute(f'DROP INDEX IF EXISTS "{doc.index_name}"')
        elif schema_editor.connection.vendor == "sqlite":
            for event in ("insert", "update", "delete"):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{table}_search_{event}"')
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f'DROP TABLE IF EXISTS "{FTS_TABLE}"')


def postgres_statements(apps) -> list[str]:
    statements = []
    for doc in DOCUMENTS:
        table = apps.get_model(doc.model)._meta.db_table
        quoted = f'"{table}"'
        statements += [
            f'ALTER TABLE "{table}" ADD COLUMN "{COLUMN}" tsvector',
            f'CREATE FUNCTION "{table}_search"() RETURNS trigger LANGUAGE plpgsql AS $$ '
            f'BEGIN NEW."{COLUMN}" := {doc.sql_vector("NEW")}; RETURN NEW; END $$',
            f'CREATE TRIGGER "{table}_search" BEFORE INSERT OR UPDATE ON "{table}" '
            f'FOR EACH ROW EXECUTE FUNCTION "{table}_search"()',
            f'UPDATE {quoted} SET "{COLUMN}" = {doc.sql_vector(quoted)}',
            f'CREATE INDEX "{doc.index_name}" ON "{table}" USING gin ("{COLUMN}")',
        ]
    return statements


def sqlite_statements(apps, only=None) -> list[str]:
    """FTS5 table, three triggers per searched table, and the rows already there.

    `only`: the kinds whose triggers are to be put back (their FTS rows are rebuilt too).
    """
    statements = [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{FTS_TABLE}" USING fts5('
        "kind UNINDEXED, row_id UNINDEXED, title, body, tokenize='porter unicode61')"
    ]
    for doc in DOCUMENTS:
        if only is not None and doc.kind not in only:
            continue
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
            f"DELETE FROM \"{FTS_TABLE}\" WHERE kind = '{doc.kind}'",
            f'INSERT INTO "{FTS_TABLE}" (kind, row_id, title, body) '
            f'SELECT {values(f"{table}")} FROM "{table}"',
        ]
    return statements


def ensure_sqlite_search_index(using="default", **kwargs):
    """After `migrate` on SQLite: a migration that rebuilt a searched table (SQLite alters
    tables by copying them) dropped its triggers; put them back and re-fill that kind."""

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'table')")
        present = {row[0] for row in cursor.fetchall()}
        if FTS_TABLE not in present:
            return  # the search migration has not run (yet)
        missing = {
            doc.kind
            for doc in DOCUMENTS
            if f"{apps.get_model(doc.model)._meta.db_table}_search_insert" not in present
        }
        if missing:
            for statement in sqlite_statements(apps, only=missing):
                cursor.execute(statement)
