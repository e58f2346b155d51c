"""What the browser tests check on a page: axe-core, the heading outline, sideways scrolling,
keyboard order; and which pages are the site's public page types.

Imported as tests.browser.pagechecks (pytest puts the checkout on the import path).
"""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

# The two widths every journey and screenshot uses: a small phone and a desktop.
WIDTHS = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 800}}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_axe = Axe()  # reads the bundled axe-core once


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page, one readable line each."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = _axe.run(page, options=options)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -- "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def outline_problems(page: Page) -> list[str]:
    """Headings should form an outline: exactly one h1, first, and no level skipped."""
    levels = page.evaluate(
        """() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
            .filter(h => h.getClientRects().length > 0 || h.closest('.visually-hidden'))
            .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])"""
    )
    problems = []
    h1s = [text for level, text in levels if level == 1]
    if len(h1s) != 1:
        problems.append(f"expected one h1, found {len(h1s)}: {h1s}")
    if levels and levels[0][0] != 1:
        problems.append(f"the first heading is h{levels[0][0]} {levels[0][1]!r}, not the h1")
    for (before, _), (level, text) in zip(levels, levels[1:], strict=False):
        if level > before + 1:
            problems.append(f"h{level} {text!r} follows an h{before}: a level is skipped")
    return problems


def horizontal_overflow(page: Page) -> int:
    """How many pixels the page is wider than the viewport (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - window.innerWidth"
    )


def tab_through(page: Page, limit: int = 400) -> list[dict]:
    """Press Tab from the top of the page until focus leaves it; what received focus, in order.

    Each entry has the focused element's tag, href, text, accessible label and whether a
    focus indicator (outline or box shadow) is drawn.
    """
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    page.keyboard.press("Tab")  # a fresh page: focus starts at the document
    seen: list[dict] = []
    for _ in range(limit):
        info = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                return {
                    tag: el.tagName.toLowerCase(),
                    href: el.getAttribute('href'),
                    text: (el.innerText || el.value || '').trim().slice(0, 80),
                    label: el.getAttribute('aria-label') || (el.labels && el.labels[0]
                        ? el.labels[0].textContent.trim() : ''),
                    name: el.getAttribute('name'),
                    indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                        || style.boxShadow !== 'none',
                    key: el.outerHTML.slice(0, 200),
                };
            }"""
        )
        if info is None or (seen and info["key"] == seen[0]["key"]):
            break
        seen.append(info)
        page.keyboard.press("Tab")
    return seen


PROJECT_APPS = ("core", "home", "people", "essays", "roundups", "guests", "search")


def public_pages() -> list[tuple[str, str, int]]:
    """(label, address, expected status) for one page of each public page type on the site.

    Page types come from the live, public pages in the database: the newest of each type
    under each type of parent (an essay on its own and an essay in a series look
    different). Then the project's other models with a public address of their own (a
    blogger's profile). So a new type is checked as soon as the demo content has one.
    """
    from django.apps import apps

    from wagtail.models import Page

    live = list(Page.objects.live().public().order_by("-first_published_at", "path"))
    by_path = {page.path: page for page in live}
    chosen: dict[tuple, Page] = {}
    for page in live:
        parent = by_path.get(page.path[: -Page.steplen])
        key = (page.content_type_id, parent.content_type_id if parent else None)
        if page.depth >= 2 and key not in chosen:
            chosen[key] = page
    pages: dict[object, tuple[str, str, int]] = {}
    for (type_id, parent_type_id), page in chosen.items():
        label = str(page.specific_class._meta.verbose_name)
        if sum(1 for other, _ in chosen if other == type_id) > 1:
            parent = by_path[page.path[: -Page.steplen]]
            label = f"{label} in {parent.specific_class._meta.verbose_name}"
        pages[(type_id, parent_type_id)] = (label, page.url, 200)
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS or issubclass(model, Page):
            continue
        if not hasattr(model, "get_absolute_url"):
            continue
        instance = model._default_manager.order_by("pk").first()
        url = instance.get_absolute_url() if instance is not None else ""
        if url.startswith("/") and "#" not in url:
            pages[model] = (f"{model._meta.verbose_name} profile", url, 200)
    return [
        *sorted(pages.values(), key=lambda entry: entry[1]),
        ("search", "/search/", 200),
        ("search results", "/search/?q=policy", 200),
        ("page not found", "/no-such-page/", 404),
    ]
