"""`make screenshots`: full-page PNGs of each public page type of the demo site, at a phone
width (375 px) and a desktop width (1280 px), so a reviewer can look without running it.

Not collected by `pytest` (the name does not start with test_); the Makefile names it.
Writes into SCREENSHOTS_DIR (default: screenshots/ in the checkout), replacing its PNGs.
"""

import os
import re
from pathlib import Path

import pytest

from tests.browser.pagechecks import WIDTHS, public_pages

OUT = Path(os.environ.get("SCREENSHOTS_DIR") or Path(__file__).resolve().parents[2] / "screenshots")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def pages_with_tables() -> list[tuple[str, str, int]]:
    """Live essays with a table in their body: the hardest pages to fit on a phone."""
    from essays.models import EssayPage

    return [
        (f"essay with a table {essay.slug}", essay.url, 200)
        for essay in EssayPage.objects.live().public().order_by("path")
        if any(block.block_type == "table" for block in essay.body)
    ]


@pytest.mark.usefixtures("demo_site")
def test_write_screenshots_of_every_public_page_type(open_at):
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    written = []
    pages = public_pages() + pages_with_tables()
    for index, (label, path, status) in enumerate(pages, start=1):
        for width, viewport in WIDTHS.items():
            page = open_at(width, path, expect_status=status)
            target = OUT / f"{index:02d}-{slug(label)}-{viewport['width']}px.png"
            page.screenshot(path=target, full_page=True, animations="disabled")
            page.context.close()
            written.append(target)
    assert all(target.stat().st_size > 0 for target in written)
    print(f"\n{len(written)} screenshots in {OUT}:")  # noqa: T201 (a command's report)
    for target in written:
        print(f"  {target.name}")  # noqa: T201
