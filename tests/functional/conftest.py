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
