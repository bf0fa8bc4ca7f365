"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import os
from pathlib import Path

import pytest

from tests.services import chromium_path, service_missing

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module: Playwright's sync API keeps an event loop running in this thread
    while it is open, and code run by later, non-browser tests (pyHanko's ``asyncio.run``) must not
    find one."""
    executable = chromium_path()
    if executable is None:
        service_missing("Chromium is not installed (apt-get install chromium); browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        service_missing("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A page at 1366 px; whatever the test does, the browser must report no Content-Security-Policy
    violation (an inline script or style the policy blocked would leave part of a page dead)."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield page
    context.close()
    assert violations == []


@pytest.fixture
def sign_in(page):
    """``sign_in(user)``: log in through the real login form (password of UserFactory)."""

    def go(user, password="matkhau-123"):
        page.goto(page.base_url + "/to-chuc/dang-nhap/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.click("[data-testid=login-submit]")
        return page

    return go


@pytest.fixture
def shot(page):
    """``shot(name)`` saves a screenshot under test-artifacts/ for a person to look at."""

    def take(name):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take
