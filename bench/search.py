"""Search benchmark: latency of one results page as the papers grow, on PostgreSQL.

    python bench/search.py [--packs 200]

Seeds a fresh database (`scrutiny_search_bench`, or BENCH_DATABASE_URL) with `--packs` published
packs, each with 20 agenda items, 30 minutes with 2 resolutions each, 8 reports, 60 glossary terms
and 20 commentary blocks (one word in ten from a scrutiny vocabulary, the rest a long tail), then
VACUUM ANALYZE as autovacuum would; then times the search selector (one
page of 20 results with snippets, as the public sees it) for common and rare words, and prints
the median, p95, the number of queries and the matches.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/scrutiny_search_bench"
)

RUN = r"""
import datetime, itertools, random, statistics, sys, time
import django
django.setup()
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from indicators.models import Commentary
from meetings.models import (AgendaItem, Committee, GlossaryTerm, Meeting, Minute, Pack, Report,
                             Resolution)
from meetings.selectors.search import Filters, search

PACKS = int(sys.argv[1])
WORDS = ("children looked after visits timeliness fostering adoption placement stability "
         "referrals assessments safeguarding ofsted inspection education health plans care "
         "leavers accommodation social workers caseloads supervision recruitment retention "
         "budget overspend partnership early help family support youth justice exclusions "
         "attendance special educational needs disabilities transport mental wellbeing").split()
rng = random.Random(7)
# One word in ten from the topical list, the rest from a long tail (as papers are worded).
FILLER = [f"w{i}" for i in range(3000)]
CUMULATIVE = list(itertools.accumulate(1 / (i + 1) for i in range(len(FILLER))))
def text(n):
    tail = rng.choices(FILLER, cum_weights=CUMULATIVE, k=n)
    return " ".join(rng.choice(WORDS) if rng.random() < 0.1 else word for word in tail)

with transaction.atomic():
    panels = [Committee.objects.create(name=f"Panel {i}") for i in range(3)]
    for n in range(PACKS):
        panel = panels[n % 3]
        meeting = Meeting.objects.create(committee=panel, date=datetime.date(2015, 6, 1) + datetime.timedelta(days=9 * n))
        pack = Pack.objects.create(file="x.pdf", original_filename=f"{n}.pdf", sha256=f"{n:064x}",
                                   status="published", meeting=meeting, committee=panel)
        AgendaItem.objects.bulk_create(AgendaItem(pack=pack, meeting=meeting, number=i, title=text(6).upper(),
                                                  description=text(25), pdf_page=i + 2) for i in range(1, 21))
        Report.objects.bulk_create(Report(pack=pack, meeting=meeting, subject=text(6), report_of=text(4),
                                          recommendations=[text(20), text(20)], pdf_page=30 + i) for i in range(8))
        minutes = Minute.objects.bulk_create(Minute(pack=pack, meeting=meeting, number=i, title=text(5),
                                                    text=text(150), pdf_page=5) for i in range(30))
        Resolution.objects.bulk_create(Resolution(minute=m, number=j, text=text(30)) for m in minutes for j in (1, 2))
        GlossaryTerm.objects.bulk_create(GlossaryTerm(pack=pack, committee=panel, term=text(2), definition=text(40),
                                                      pdf_page=80) for _ in range(60))
        Commentary.objects.bulk_create(Commentary(committee=panel, pack=pack, section=text(3), heading="Analysis",
                                                  text=text(80), reported_on=meeting.date, pdf_page=60) for _ in range(20))
connection.ensure_connection()
connection.connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE")  # as autovacuum would: GIN pending lists merged, statistics

rows = sum(m.objects.count() for m in (AgendaItem, Report, Minute, Resolution, GlossaryTerm, Commentary))
print(f"{PACKS} packs, {rows:,} searchable rows")
print(f"{'query':32} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'matches':>9}")
for q in ("fostering", "ofsted inspection", "special educational needs", "overspend budget recruitment", "zebra"):
    times = []
    for _ in range(7):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            page = search(None, Filters(q=q))
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"{q:32} {statistics.median(times):10.1f} {times[-1]:8.1f} {len(captured):8} {page.total:9,}")
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--packs", type=int, default=200)
    args = parser.parse_args()
    import psycopg2

    name, admin = DB_URL.rsplit("/", 1)[1], DB_URL.rsplit("/", 1)[0] + "/postgres"
    connection = psycopg2.connect(admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    env = {**os.environ, "DATABASE_URL": DB_URL, "DJANGO_SETTINGS_MODULE": "scrutiny.settings"}
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "-c", RUN, str(args.packs)], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
