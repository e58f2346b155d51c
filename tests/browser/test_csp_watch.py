"""The browser tests' watch for Content-Security-Policy refusals (conftest.open_at) really
notices one: script injected inline and an image from another site are both reported."""

from tests.browser.conftest import watch_csp_violations
from tests.browser.pagechecks import WIDTHS

INJECT = """() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
    const image = document.createElement("img");
    image.src = "https://elsewhere.example/pixel.png";
    document.body.append(image);
}"""


def test_inline_script_and_a_foreign_image_are_reported(browser, base_url, demo_site):
    violations: list[str] = []
    context = browser.new_context(base_url=base_url, viewport=WIDTHS["desktop"])
    try:
        watch_csp_violations(context, violations)
        page = context.new_page()
        page.goto("/")
        page.evaluate(INJECT)
        page.wait_for_timeout(500)
        assert page.evaluate("() => window.injected === undefined")
    finally:
        context.close()
    text = "\n".join(violations)
    assert "script-src" in text
    assert "img-src" in text
    assert "elsewhere.example" in text
