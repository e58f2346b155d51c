"""Real-browser tests: headless Chromium, driven by Playwright, against a live server.

Every test here is marked `browser` (deselect with `-m "not browser"`). Chromium is
Debian's (`apt-get install chromium`), never Playwright's own download. Without it
the tests skip, saying how to install it, unless REQUIRE_BROWSER=1 (CI), which
turns the skip into a failure.
"""

import io
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

# Playwright's sync API runs an event loop in the test thread; without this, Django
# refuses database access from it (pytest-django's set-up included). Set before Django
# touches the database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from django.core.management import call_command

from tests.browser.pagechecks import WIDTHS

HERE = Path(__file__).resolve().parent
DEMO_PASSWORD = "browser-demo-pw"  # noqa: S105 (the demo accounts of a throwaway test database)
INSTALL_HINT = (
    "Chromium is needed for the browser tests: install it with "
    "`sudo apt-get install -y --no-install-recommends chromium` (or set CHROMIUM_PATH to a "
    "Chromium binary), or deselect these tests with -m 'not browser'."
)


def chromium_path() -> str | None:
    """The Chromium to drive: CHROMIUM_PATH when set, else `chromium` on PATH, else Debian's."""
    configured = os.environ.get("CHROMIUM_PATH")
    candidates = [configured] if configured else [shutil.which("chromium"), "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark everything under tests/browser as `browser`, before -m deselects by marker."""
    for item in items:
        if HERE in item.path.parents or item.path.parent == HERE:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright's launch options, pointed at the system Chromium (or skip/fail)."""
    path = chromium_path()
    if path is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but Chromium was not found. {INSTALL_HINT}")
        pytest.skip(INSTALL_HINT)
    return {
        **browser_type_launch_args,
        "executable_path": path,
        # Keep Chromium from looking up Google's hosts in the background: only the live
        # server is reachable, so tests never wait on the network.
        "args": ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"],
    }


@pytest.fixture(scope="session")
def browser_database(django_db_setup, django_db_blocker, playwright) -> None:
    """Give the test thread's database connection, as seen once Playwright runs, the
    snapshot of the migrated database that serialized rollback restores.

    Playwright's sync API leaves an event loop marked as running in the test thread, and
    from then on Django hands that thread a different connection object (its connections
    are per thread, or per context while a loop runs). The snapshot Django took when it
    created the test database sits on the first object, so it is taken again here, from
    the same migrated database.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            if not hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(scope="session")
def base_url(browser_database, live_server) -> str:
    """Relative addresses in page.goto() go to the live server."""
    return live_server.url


@pytest.fixture
def demo_site(browser_database, django_db_serialized_rollback, transactional_db) -> None:
    """The demo content every reader and editor journey runs against, accounts included.

    Browser tests are transactional (the live server reads the database from its own
    thread), so the database is flushed after each test and the demo is loaded afresh.
    Serialized rollback brings back what migrations created (the root page, the default
    locale, the admin's permissions), which a flush deletes and the demo builds on.
    """
    call_command("load_demo_content", password=DEMO_PASSWORD, stdout=io.StringIO())


# Every page reports what the Content-Security-Policy blocked, as a console error: Chromium
# logs most refusals itself ("Refused to … Content Security Policy directive"), and this
# listener, added before any of the page's own scripts, catches the rest.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(
        `Content Security Policy violation: ${event.effectiveDirective} refused ` +
        `${event.blockedURI || "inline code"} in ${event.sourceFile || location.href}` +
        `:${event.lineNumber}`
    );
});
"""


def watch_csp_violations(context: BrowserContext, violations: list[str]) -> None:
    """Collect every Content-Security-Policy refusal on any page of `context`."""

    def on_console(message) -> None:
        if "Content Security Policy" in message.text:
            where = message.page.url if message.page else "a page"
            violations.append(f"{where}: {message.text}")

    context.add_init_script(REPORT_CSP_VIOLATIONS)
    context.on("console", on_console)


@pytest.fixture
def open_at(browser: Browser, base_url: str) -> Iterator[Callable[..., Page]]:
    """open_at("phone" | "desktop", path) -> a new page in its own context at that width.

    A test fails if the Content-Security-Policy refused anything on any page it opened:
    the policy is meant to allow everything the site and the admin really use."""
    contexts: list[BrowserContext] = []
    violations: list[str] = []

    def _open(width: str, path: str = "/", *, expect_status: int | None = 200) -> Page:
        context = browser.new_context(base_url=base_url, viewport=WIDTHS[width])
        context.set_default_timeout(10_000)
        watch_csp_violations(context, violations)
        contexts.append(context)
        page = context.new_page()
        response = page.goto(path)
        if expect_status is not None:
            assert response is not None and response.status == expect_status, (
                f"{path} answered {response.status if response else 'nothing'}"
            )
        return page

    yield _open
    for context in contexts:
        context.close()
    assert not violations, "The Content-Security-Policy refused:\n" + "\n".join(violations)


@pytest.fixture
def log_in(base_url: str) -> Callable[[Page, str], None]:
    """log_in(page, username) signs a demo account in through the admin's login form."""

    def _log_in(page: Page, username: str) -> None:
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{base_url}/admin/")

    return _log_in
