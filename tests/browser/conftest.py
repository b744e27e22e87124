"""Playwright driving Debian's Chromium (never a downloaded browser), plus axe-core."""

import os
import shutil
from pathlib import Path

import pytest

from center.site.demo.loader import load_demo_pages

# pytest-django's live_server runs beside Playwright's sync API, which owns an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    # The test database must exist before Playwright starts (see below).
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        _unavailable(f"no Chromium at {CHROMIUM}: `apt-get install chromium` to run browser tests")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    rollback_data = {alias: getattr(connections[alias], "_test_serialized_contents", None)
                     for alias in connections}
    with sync_playwright() as playwright:
        # Playwright leaves an event loop running in this thread, so from here on Django hands
        # out connections from its context-local store: give those the rollback data too.
        for alias, data in rollback_data.items():
            if data is not None:
                connections[alias]._test_serialized_contents = data
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(locale: str = "en-US", width: int = 1280, height: int = 900):
        context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def live_site(transactional_db, django_db_serialized_rollback, live_server):
    # Serialized rollback restores the migrated rows (content types, groups) after the flush.
    load_demo_pages()
    return live_server.url


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        _unavailable(f"axe-core missing at {AXE_JS}: run `make axe`")
    return AXE_JS.read_text()


@pytest.fixture
def assert_accessible(axe_source):
    def check(page):
        # Evaluated, not added as a <script>: the strict Content-Security-Policy blocks inline
        # scripts, and script run by the test driver is not the page's own.
        page.evaluate(f"() => {{ {axe_source}\n}}")
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        )
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            for v in violations
        )
        assert not violations, f"axe violations on {page.url}:\n{report}"

    return check


@pytest.fixture
def staff_page(new_page, live_site, client):
    """A browser tab already logged in as `user`: the session Django's test client makes,
    handed to Chromium as its cookie (the login form itself is tested elsewhere)."""
    def make(user, **page_options):
        client.force_login(user)
        page = new_page(**page_options)
        page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                                   "url": live_site}])
        return page

    return make


@pytest.fixture
def axe_violations(axe_source):
    """axe-core's violations on the page, limited to `rules` and leaving out the elements
    matching the CSS selectors in `exclude` when given."""
    def run(page, rules=None, exclude=()):
        page.evaluate(f"() => {{ {axe_source}\n}}")
        options = {"resultTypes": ["violations"]}
        if rules:
            options["runOnly"] = {"type": "rule", "values": rules}
        context = {"include": [["html"]], "exclude": [[selector] for selector in exclude]}
        return page.evaluate("async ([context, options]) => "
                             "(await axe.run(context, options)).violations", [context, options])

    return run
