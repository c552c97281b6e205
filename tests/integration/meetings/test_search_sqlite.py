"""The embedded default (SQLite) searches too: FTS5 kept by triggers, behind the same selector.

Run in a child process on a fresh SQLite file, since the suite's own database is PostgreSQL.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = r"""
import datetime, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth.models import Group, User
from meetings.models import AgendaItem, Committee, Meeting, Minute, Pack
from meetings.selectors.search import Filters, search

panel = Committee.objects.create(name="Children and Families Scrutiny Panel")
meeting = Meeting.objects.create(committee=panel, date=datetime.date(2023, 3, 30))
def pack(n, status):
    return Pack.objects.create(file="x.pdf", original_filename=f"{n}.pdf", sha256=f"{n:064x}",
                               status=status, meeting=meeting, committee=panel)
published, draft = pack(1, "published"), pack(2, "needs_review")
AgendaItem.objects.create(pack=published, meeting=meeting, number=1, title="FOSTERING SUFFICIENCY", pdf_page=3)
AgendaItem.objects.create(pack=published, meeting=meeting, number=2, title="FOSTERING (EXEMPT)", exempt=True)
AgendaItem.objects.create(pack=draft, meeting=meeting, number=1, title="FOSTERING DRAFT")
minute = Minute.objects.create(pack=published, meeting=meeting, number=30, title="Ofsted visit",
                               text="Fostered children & placements were discussed.")
dso = User.objects.create(username="dso")
dso.groups.add(Group.objects.get_or_create(name="Democratic Support Officer")[0])

public = search(None, Filters(q="fostering"))
print("public", sorted(r.title for r in public.results), public.total)
print("dso", sorted(r.title for r in search(dso, Filters(q="fostering")).results))
print("snippet", [str(r.snippet) for r in public.results if r.kind == "minute"])
minute.title = "Ofsted focused visit"; minute.save()   # the trigger keeps the index current
print("edited", [r.title for r in search(None, Filters(q="focused")).results])
minute.delete()
print("deleted", search(None, Filters(q="focused")).total)
print("syntax", search(None, Filters(q='"fostering* (')).total)
from django.db import connection
with connection.schema_editor() as editor:   # what SQLite does for an AlterField: copy the table
    editor._remake_table(AgendaItem)
call_command("migrate", verbosity=0)          # post_migrate puts the triggers back
AgendaItem.objects.create(pack=published, meeting=meeting, number=3, title="KINSHIP CARE")
print("rebuilt", [r.title for r in search(None, Filters(q="kinship")).results], search(None, Filters(q="sufficiency")).total)
"""


def test_sqlite_fts5_search(tmp_path):
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    env.pop("REDIS_URL", None)
    env["DJANGO_SETTINGS_MODULE"] = "scrutiny.settings"
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert lines["public"] == "['FOSTERING SUFFICIENCY', 'Ofsted visit'] 2"
    assert (
        lines["dso"]
        == "['FOSTERING (EXEMPT)', 'FOSTERING DRAFT', 'FOSTERING SUFFICIENCY', 'Ofsted visit']"
    )
    assert "<mark>Fostered</mark>" in lines["snippet"] and "&amp;" in lines["snippet"]
    assert lines["edited"] == "['Ofsted focused visit']"
    assert lines["deleted"] == "0"
    assert lines["syntax"] == "1"  # FTS5 operators in the box are words, not syntax
    assert lines["rebuilt"] == "['KINSHIP CARE'] 1"
