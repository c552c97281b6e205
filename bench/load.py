"""Load benchmark: 60 s at 50 connections against the reading pages, /healthz beside them.

    python bench/load.py [--seconds 60] [--connections 50] [--workers 3] [--threads 4] [--no-seed]

Seeds the same data as bench/web.py (3 panels × 200 indicators × 10 years, in PostgreSQL:
BENCH_DATABASE_URL, default `scrutiny_bench`), starts gunicorn on 127.0.0.1 (BENCH_PORT), then
`--connections` clients each request home, the dashboard, an indicator page, /healthz and —
when those URLs exist (looked up by URL name) — search and the briefing, in turn, until the
time is up. Prints, per page: requests, errors, p50/p95/p99 in ms. Goal: 0 errors.

Loopback only, and bounded: every client stops at the deadline (and after --max-requests).
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web

HOST = "127.0.0.1"  # never anything but loopback

FIND_URLS = """
import json
from django.urls import NoReverseMatch, get_resolver, reverse
from indicators.models import Indicator
from meetings.models import Committee, Meeting

panel = Committee.objects.get(slug="bench-panel-2")
indicator = Indicator.objects.filter(committee=panel).order_by("slug")[42]
meeting = Meeting.objects.filter(committee=panel).order_by("-date").first()
found = {
    "home": reverse("home"),
    "dashboard": reverse("indicators:dashboard", args=[panel.slug]),
    "indicator": reverse("indicators:indicator", args=[panel.slug, indicator.slug]),
    "healthz": reverse("healthz"),
}
names = []
for namespace, (prefix, resolver) in [("", ("", get_resolver()))] + [
    (ns, value) for ns, value in get_resolver().namespace_dict.items()
]:
    names += [f"{namespace}:{n}" if namespace else n for n in resolver.reverse_dict if isinstance(n, str)]
guesses = [{}, {"panel": panel.slug}, {"slug": panel.slug}, {"pk": meeting.pk}, {"panel": panel.slug, "pk": meeting.pk}]
for want, query in (("search", "?q=indicator+042"), ("briefing", "")):
    for name in sorted(n for n in names if n.split(":")[-1] == want or n.split(":")[-1].startswith(want)):
        for kwargs in guesses:
            try:
                found[want] = reverse(name, kwargs=kwargs) + query
                break
            except NoReverseMatch:
                continue
        if want in found:
            break
print(json.dumps(found))
"""


def find_urls() -> dict[str, str]:
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", FIND_URLS],
        cwd=web.ROOT,
        env=web.environment(),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def request(path: str) -> tuple[float, int | str]:
    started = time.perf_counter()
    try:
        connection = http.client.HTTPConnection(HOST, web.PORT, timeout=30)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        connection.close()
        outcome: int | str = response.status
    except (OSError, http.client.HTTPException) as exc:
        outcome = exc.__class__.__name__
    return time.perf_counter() - started, outcome


def run(urls: dict[str, str], seconds: float, connections: int, max_requests: int):
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    labels = list(urls)
    per_client = max_requests // connections

    def client(offset: int):
        for n in range(per_client):  # bounded twice: by count and by the deadline
            if time.monotonic() >= deadline:
                return
            label = labels[(offset + n) % len(labels)]
            elapsed, outcome = request(urls[label])
            with lock:
                latencies[label].append(elapsed)
                if outcome != 200:
                    errors[label][str(outcome)] += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    return latencies, errors, time.monotonic() - started


def percentile(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def report(urls, latencies, errors, elapsed, args):
    print(
        f"\n{args.connections} connections for {elapsed:.0f} s; gunicorn {args.workers} workers × "
        f"{args.threads} threads on 127.0.0.1:{web.PORT}, PostgreSQL, Redis cache"
    )
    print(
        f"{'page':12s} {'path':45s} {'requests':>8s} {'errors':>6s} {'p50':>7s} {'p95':>7s} {'p99':>7s}"
    )
    total_errors = 0
    for label, path in urls.items():
        values = latencies.get(label, [])
        failed = sum(errors.get(label, {}).values())
        total_errors += failed
        print(
            f"{label:12s} {path[:45]:45s} {len(values):8d} {failed:6d} "
            f"{1000 * percentile(values, 50):7.1f} {1000 * percentile(values, 95):7.1f} "
            f"{1000 * percentile(values, 99):7.1f}"
        )
        for outcome, count in sorted(errors.get(label, {}).items()):
            print(f"{'':12s}   {count} × {outcome}")
    requests = sum(len(v) for v in latencies.values())
    print(f"total: {requests} requests, {requests / elapsed:.0f}/s, {total_errors} errors (ms)")
    return total_errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=500_000)
    parser.add_argument("--no-seed", action="store_true")
    args = parser.parse_args()
    if not args.no_seed:
        web.recreate_database()
        web.seed()
    urls = find_urls()
    missing = [name for name in ("search", "briefing") if name not in urls]
    if missing:
        print("not routed here, skipped:", ", ".join(missing))
    server = web.start_server(args.workers, threads=args.threads)
    try:
        for path in urls.values():
            elapsed, outcome = request(path)  # warm the cache and the workers
            if outcome != 200:
                raise SystemExit(f"{path}: {outcome} before the load started")
        latencies, errors, elapsed = run(urls, args.seconds, args.connections, args.max_requests)
    finally:
        server.terminate()
        server.wait()
    if report(urls, latencies, errors, elapsed, args):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
