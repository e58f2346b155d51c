"""Every public page type, in Chromium: axe-clean at WCAG 2.1 A/AA, a heading outline,
nothing scrolling sideways on a phone; and the shell works from the keyboard."""

import pytest

from tests.browser.pagechecks import (
    WIDTHS,
    axe_violations,
    horizontal_overflow,
    outline_problems,
    public_pages,
    tab_through,
)

pytestmark = pytest.mark.usefixtures("demo_site")


def test_every_public_page_type_passes_axe_has_an_outline_and_fits_a_phone(open_at):
    pages = public_pages()
    problems = []
    for label, path, status in pages:
        for width in ("phone", "desktop"):
            page = open_at(width, path, expect_status=status)
            where = f"{label} ({path}) at {width} width"
            problems += [f"{where}: axe: {line}" for line in axe_violations(page)]
            if width == "desktop":
                problems += [f"{where}: outline: {line}" for line in outline_problems(page)]
            overflow = horizontal_overflow(page)
            if overflow > 0:
                problems.append(f"{where}: scrolls sideways by {overflow}px")
            page.context.close()
    assert len(pages) >= 4
    assert not problems, "\n".join(problems)


def test_keyboard_reaches_skip_link_main_navigation_and_search_with_visible_focus(
    open_at, subtests
):
    for width in WIDTHS:
        with subtests.test(width=width):
            page = open_at(width, "/")
            focused = tab_through(page)

            assert focused[0]["text"] == "Skip to main content"
            nav_links = page.locator(".site-nav a").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))"
            )
            reached = [entry["href"] for entry in focused]
            assert nav_links and all(href in reached for href in nav_links)
            assert any(
                entry["name"] == "q" and entry["label"] == "Search the site" for entry in focused
            )
            assert any(entry["tag"] == "button" and entry["text"] == "Search" for entry in focused)
            no_indicator = [entry["key"] for entry in focused if not entry["indicator"]]
            assert not no_indicator, f"focused without a visible focus indicator: {no_indicator}"

    with subtests.test("the skip link moves focus to the main content"):
        page = open_at("desktop", "/")
        page.keyboard.press("Tab")
        assert page.locator(".skip-link").is_visible()
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main"
        # The next Tab goes on from the content, past the header's links.
        page.keyboard.press("Tab")
        assert page.evaluate("() => !document.activeElement.closest('.site-header')")


def test_keyboard_alone_reaches_every_link_in_a_roundup(open_at):
    from roundups.models import RoundupPage

    roundup = RoundupPage.objects.live().order_by("-week_ending").first()
    page = open_at("desktop", roundup.url)
    links_in_main = page.locator("main a[href]").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    focused = tab_through(page, limit=600)
    reached = {entry["href"] for entry in focused}

    assert len(links_in_main) > 10
    missed = [href for href in links_in_main if href not in reached]
    assert not missed, f"not reachable by Tab: {missed}"
    no_indicator = [entry["key"] for entry in focused if not entry["indicator"]]
    assert not no_indicator, f"focused without a visible focus indicator: {no_indicator}"
