"""Web benchmark: dashboard and indicator page latency against /healthz, on a real server.

    python bench/web.py [--seconds 10] [--concurrency 4]

Seeds 3 panels × 200 indicators × 10 years of monthly values (with targets and benchmarks) into
a fresh PostgreSQL database (`scrutiny_bench`, or BENCH_DATABASE_URL), starts gunicorn on it,
then drives each URL with the same concurrent load and prints median and p95 latency.
Goal: the dashboard's median within 3× of /healthz's.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/scrutiny_bench")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
PANELS, INDICATORS, YEARS = 3, 200, 10


def environment():
    return {
        **os.environ,
        "DATABASE_URL": DB_URL,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14"),
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-a-secret"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # As in production: hashed, compressed static files with far-future caching.
        "STATIC_ROOT": str(ROOT / "bench" / "out" / "static"),
        "LOG_LEVEL": "ERROR",
    }


def recreate_database():
    name = DB_URL.rsplit("/", 1)[1]
    admin = DB_URL.rsplit("/", 1)[0] + "/postgres"
    import psycopg2

    connection = psycopg2.connect(admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=environment(), check=True
    )


SEED = """
import datetime, random
from indicators.models import Benchmark, Indicator, IndicatorAlias, Observation, Target
from meetings.models import Committee, Meeting, Pack
random.seed(7)
start = datetime.date(2016, 4, 1)
for p in range({panels}):
    panel = Committee.objects.create(name=f"Bench Panel {{p + 1}}")
    meeting = Meeting.objects.create(committee=panel, date=datetime.date(2026, 3, 26))
    Pack.objects.create(committee=panel, meeting=meeting, status="published", sha256=f"bench{{p}}", original_filename="bench.pdf", file="bench.pdf")
    indicators = Indicator.objects.bulk_create(
        Indicator(committee=panel, name=f"Indicator {{i:03d}} of panel {{p + 1}}", slug=f"indicator-{{i:03d}}", unit=random.choice(["percent", "count", "rate_per_10k"]),
                  polarity=random.choice(["higher", "lower", "neither"]), section=f"Priority area {{i // 12 + 1}}")
        for i in range({indicators}))
    IndicatorAlias.objects.bulk_create(IndicatorAlias(indicator=i, name=i.name, key=i.name.lower()) for i in indicators)
    rows, benches, targets = [], [], []
    for ind in indicators:
        level = random.uniform(20, 90)
        for m in range({years} * 12):
            month = datetime.date(start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 1)
            rows.append(Observation(indicator=ind, period=f"{{month:%Y-%m}}", period_type="month", period_start=month,
                                    value=round(level + random.uniform(-5, 5), 1), source="import", review="confirmed", reported_on=month))
        for y in range({years}):
            fy = start.year + y
            for kind in ("statistical_neighbours", "region", "england"):
                benches.append(Benchmark(indicator=ind, kind=kind, period=f"{{fy}}-{{str(fy + 1)[-2:]}}", period_type="financial_year",
                                         period_start=datetime.date(fy, 4, 1), value=round(level + random.uniform(-8, 8), 1), source="import",
                                         reported_on=datetime.date(fy + 1, 6, 1)))
            targets.append(Target(indicator=ind, value=round(level, 0), source="import", reported_on=datetime.date(fy, 4, 1)))
    Observation.objects.bulk_create(rows, batch_size=5000)
    Benchmark.objects.bulk_create(benches, batch_size=5000)
    Target.objects.bulk_create(targets, batch_size=5000)
print(Observation.objects.count(), "observations")
"""


def seed():
    code = SEED.format(panels=PANELS, indicators=INDICATORS, years=YEARS)
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment(),
        check=True,
        capture_output=True,
        text=True,
    )
    print("seeded:", out.stdout.strip().splitlines()[-1])


def start_server(workers, threads=1):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment(),
        check=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "scrutiny.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=environment(),
    )
    for _ in range(100):
        try:
            get("/healthz")
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def get(path):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}")
    return elapsed, len(body)


def load(path, seconds, concurrency):
    """`concurrency` clients request `path` back to back for `seconds`; returns latencies."""
    latencies, lock, stop = [], threading.Lock(), time.monotonic() + seconds

    def client():
        while time.monotonic() < stop:
            elapsed, _ = get(path)
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def chart_page_weight(path):
    """Bytes transferred and time to the first drawn chart for a page of 12 charts, in Chromium."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        print("(no Chromium: page weight not measured)")
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        for label, cached in (("first visit", False), ("repeat visit", True)):
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            sizes = []
            page.on(
                "requestfinished",
                lambda r, sizes=sizes: sizes.append(
                    r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
                ),
            )
            if cached:
                page.goto(f"http://127.0.0.1:{PORT}{path}")
                page.wait_for_selector(".chart.drawn")
                sizes.clear()
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{PORT}{path}")
            page.wait_for_selector(".chart.drawn", timeout=30000)
            first_chart = time.perf_counter() - started
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_function(
                "document.querySelectorAll('.chart.drawn').length === document.querySelectorAll('.chart').length",
                timeout=30000,
            )
            all_charts = time.perf_counter() - started
            count = page.evaluate("document.querySelectorAll('.chart').length")
            print(
                f"{count}-chart page, {label}: {sum(sizes) / 1024:.0f} KB transferred, first chart {1000 * first_chart:.0f} ms, all charts {1000 * all_charts:.0f} ms"
            )
            page.close()
        browser.close()


def p95(values):
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-seed", action="store_true")
    args = parser.parse_args()
    if not args.no_seed:
        recreate_database()
        seed()
    server = start_server(args.workers)
    try:
        paths = {
            "/healthz": "/healthz",
            "dashboard (200 indicators)": "/panels/bench-panel-2/indicators/",
            "indicator page (120 months)": "/panels/bench-panel-2/indicators/indicator-042/",
        }
        for path in paths.values():
            get(path)  # warm up
        print(f"{'page':30s} {'requests':>8s} {'median ms':>10s} {'p95 ms':>8s} {'KB':>6s}")
        results = {}
        for label, path in paths.items():
            latencies = load(path, args.seconds, args.concurrency)
            size = get(path)[1] / 1024
            results[label] = statistics.median(latencies)
            print(
                f"{label:30s} {len(latencies):8d} {1000 * results[label]:10.1f} {1000 * p95(latencies):8.1f} {size:6.0f}"
            )
        import redis

        broker = redis.Redis.from_url(environment()["REDIS_URL"])
        for label, path in list(paths.items())[1:]:
            cold = []
            for _ in range(5):
                broker.flushdb()  # the first view after figures change builds the page
                cold.append(get(path)[0])
            print(
                f"{label + ' (cold)':30s} {len(cold):8d} {1000 * statistics.median(cold):10.1f} {1000 * max(cold):8.1f}"
            )
        base = results["/healthz"]
        for label in list(paths)[1:]:
            print(f"{label}: median {results[label] / base:.1f}× /healthz")
        chart_page_weight("/panels/bench-panel-2/sections/Priority area 1/")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    datetime.date.today()
    main()
