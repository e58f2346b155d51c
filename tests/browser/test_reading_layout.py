"""What a reader sees of the demo's tables and lists in Chromium: tables on a phone fit the
screen or show that they scroll sideways; rows of chips, links and cards line up."""

import pytest

from tests.browser.pagechecks import horizontal_overflow

pytestmark = pytest.mark.usefixtures("demo_site")

ESSAY_WITH_TABLE = "/essays/civil-servants-social-media/"

# For every table's wrapper: its box against the viewport, whether its table is wider than
# it, how it scrolls, and whether the "scroll sideways" hint shows.
TABLES = """() => Array.from(document.querySelectorAll('.table-wrap')).map(wrap => {
    const box = wrap.getBoundingClientRect();
    const hint = wrap.querySelector('.table-wrap__hint');
    const cells = Array.from(wrap.querySelectorAll('th, td')).map(c => c.getBoundingClientRect());
    return {
        left: box.left, right: box.right, viewport: window.innerWidth,
        overflows: wrap.scrollWidth > wrap.clientWidth + 1,
        overflowX: getComputedStyle(wrap).overflowX,
        hint: !!hint && hint.getClientRects().length > 0 && hint.offsetHeight > 0,
        cellsOutside: cells.filter(c => c.width > 0 && c.right > box.right + 1).length,
    };
})"""


@pytest.mark.parametrize("path", [ESSAY_WITH_TABLE, "/officials/"])
def test_tables_on_a_phone_fit_or_scroll_in_their_box_with_a_visible_cue(open_at, path):
    page = open_at("phone", path)
    tables = page.evaluate(TABLES)
    assert tables, f"no table on {path}"
    assert horizontal_overflow(page) == 0
    for table in tables:
        assert table["left"] >= 0 and table["right"] <= table["viewport"] + 0.5, table
        if table["overflows"]:
            # Wider than the screen: it scrolls in its own box and says so.
            assert table["overflowX"] in {"auto", "scroll"}, table
            assert table["hint"], f"{path}: a table scrolls sideways with no visible cue"
        else:
            assert table["cellsOutside"] == 0, table
            assert not table["hint"], f"{path}: says it scrolls when it does not"


def test_officials_directory_on_a_phone_is_a_list_of_cards_with_labelled_facts(open_at):
    page = open_at("phone", "/officials/")
    tables = page.evaluate(TABLES)
    assert [table["overflows"] for table in tables] == [False]
    # Each fact is labelled with its column's name (drawn by CSS from data-label).
    labels = page.evaluate(
        """() => Array.from(document.querySelector('.officials-table tbody tr')
            .querySelectorAll('td')).map(td => [
                td.dataset.label, getComputedStyle(td).display,
                getComputedStyle(td, '::before').content])"""
    )
    assert [label for label, _, _ in labels] == ["Post", "Department", "On Twitter", "Last checked"]
    for label, display, before in labels:
        assert display == "block" and before not in {"none", "normal", ""}, (label, before)


def test_leaders_on_twitter_are_bold_in_the_essays_table(open_at):
    page = open_at("desktop", ESSAY_WITH_TABLE)
    weights = {
        name: page.evaluate(
            """name => Array.from(document.querySelectorAll('.table-wrap td'))
                .filter(td => td.textContent.trim() === name)
                .map(td => Number(getComputedStyle(td).fontWeight))""",
            name,
        )
        for name in ("Sir Bob Kerslake", "Sir Jeremy Heywood")
    }
    assert weights == {"Sir Bob Kerslake": [700], "Sir Jeremy Heywood": [400]}


# The tops of the items on a list's first row, each less the first item's.
FIRST_ROW = """selector => {
    const items = Array.from(document.querySelectorAll(selector + ' > li'));
    if (items.length < 2) return null;
    const first = items[0].getBoundingClientRect();
    return items.map(li => li.getBoundingClientRect())
        .filter(box => box.top < first.bottom && box.left > first.left)
        .map(box => Math.round(box.top - first.top));
}"""


@pytest.mark.parametrize(
    "path, selector",
    [
        ("/essays/gove-opposite-of-open-policymaking/", ".topic-list"),
        ("/bloggers/", ".people-sectors ul"),
        ("/bloggers/", ".people-list"),
    ],
)
def test_items_of_a_list_laid_out_in_a_row_line_up(open_at, path, selector):
    page = open_at("desktop", path)
    offsets = page.evaluate(FIRST_ROW, selector)
    assert offsets, f"{selector} on {path} has no second item on its first row"
    assert set(offsets) == {0}, f"{selector}: the first item is out of line by {offsets}"


def test_roundup_jump_links_line_up(open_at):
    page = open_at("desktop", "/roundups/")
    page.locator(".roundup-list a").first.click()
    offsets = page.evaluate(FIRST_ROW, ".roundup__contents ul")
    assert offsets and set(offsets) == {0}, offsets
