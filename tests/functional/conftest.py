"""Browser tests: Playwright driving Debian's Chromium against a live server on the test database."""

import os
from pathlib import Path

import pytest

SCREENSHOTS = Path(
    os.environ.get(
        "SCREENSHOTS", Path(__file__).resolve().parents[2] / "bench" / "out" / "screenshots"
    )
)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make around it
# are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run ./scripts/ensure-chromium")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, accept_downloads=True, base_url=live_server.url
    )
    page = context.new_page()
    page.console_problems = []
    page.on(
        "console",
        lambda msg: (
            page.console_problems.append(msg.text) if msg.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda exc: page.console_problems.append(str(exc)))
    yield page
    context.close()


@pytest.fixture
def shot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name, full_page=True):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture
def sign_in():
    def sign_in(page, username, password="pass-word-123"):
        page.goto("/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button:has-text('Sign in')")
        page.wait_for_url(lambda url: "/accounts/login/" not in url)

    return sign_in


def assert_no_csp_violations(page):
    problems = [
        p for p in page.console_problems if "Content Security Policy" in p or "Refused to" in p
    ]
    assert problems == [], problems


def wait_until(page, expression: str, timeout: float = 20.0):
    """Poll a JavaScript expression until it is true. (Playwright's wait_for_function evaluates
    its predicate with eval, which the page's strict CSP rightly refuses.)"""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {timeout}s: {expression}")


# ---- Pages at several widths, axe-core, a draft pack with its real PDF ----------------------

ROOT = Path(__file__).resolve().parents[2]
AXE_DIR = Path(__file__).resolve().parent / ".axe"
WIDTHS = {"desktop": 1366, "tablet": 820, "phone": 390}


def watch_console(page):
    page.console_problems = []
    page.on(
        "console",
        lambda msg: (
            page.console_problems.append(msg.text) if msg.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda exc: page.console_problems.append(str(exc)))
    return page


@pytest.fixture
def open_page(browser, live_server):
    """open_page(width) -> a fresh page of that width (its own context: its own sign-in)."""
    contexts = []

    def open_(width, *, bypass_csp=False):
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            base_url=live_server.url,
            bypass_csp=bypass_csp,
        )
        contexts.append(context)
        return watch_console(context.new_page())

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_script():
    """axe-core's axe.min.js, fetched from npm by scripts/ensure-axe (not committed)."""
    found = sorted(AXE_DIR.glob("axe-*.min.js"))
    if not found:
        import subprocess

        subprocess.run([str(ROOT / "scripts" / "ensure-axe")], check=True)
        found = sorted(AXE_DIR.glob("axe-*.min.js"))
    return found[-1]


def axe_problems(page, axe_script, impacts=("serious", "critical")):
    """axe-core's serious and critical findings on the page as it is now. The page's context must
    bypass the CSP (the script is injected inline)."""
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate(
        "axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:4]}"
        for v in results["violations"]
        if v["impact"] in impacts
    ]


def no_sideways_scroll(page):
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width[0]} px in {width[1]} px"


@pytest.fixture
def draft_pack(db, corpus_pdf, expected_extraction):
    """The March 2022 pack, read (its expected extraction) and waiting for review, with its real
    PDF so that pages render; one table value carries its cell's box, as the parser stores it."""
    from indicators.models import Observation
    from meetings.models import Pack
    from meetings.services.pack_contents import store_pack_contents
    from tests.factories import PackFactory

    pack = PackFactory(
        status=Pack.Status.PROCESSING,
        meeting=None,
        committee=None,
        page_count=91,
        file__from_path=str(corpus_pdf("2022-03-31")),
    )
    pack = store_pack_contents(pack, expected_extraction("2022-03-31"))
    # the expected extraction names no pages for values; the parser does (the performance pages)
    Observation.objects.filter(pack=pack).update(pdf_page=66)
    value = Observation.objects.get(
        pack=pack, indicator__name__startswith="CIN on a plan", period="2021-04"
    )
    value.bbox, value.pdf_page = [227.9, 141.5, 257.9, 162.5], 68
    value.save(update_fields=["bbox", "pdf_page"])
    pack.boxed_value = value
    return pack
