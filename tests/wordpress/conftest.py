"""Imports of the fixtures' WordPress exports into a site with a home page."""

from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

from wagtail.embeds.finders.oembed import OEmbedFinder

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"
SEED = FIXTURES / "guerilla-policy-seed.xml"
THEME = FIXTURES / "themeunittestdata.wordpress.xml"
EDGE = FIXTURES / "edge-cases.xml"
UPLOADS = FIXTURES / "uploads"


@pytest.fixture(autouse=True)
def offline_embeds(monkeypatch):
    """Embeds render from a stand-in: no test asks YouTube anything over the network."""

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "A video",
            "author_name": "",
            "provider_name": "YouTube",
            "type": "video",
            "thumbnail_url": None,
            "width": 640,
            "height": 360,
            "html": '<p class="embed-stand-in">A video</p>',
        }

    monkeypatch.setattr(OEmbedFinder, "find_embed", find_embed)


def import_wordpress(path: Path, *args: str) -> str:
    """Run the command as an administrator would and return what it printed."""
    out = StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out, verbosity=0)
    return out.getvalue()


@pytest.fixture
def seed_import(home_page) -> str:
    return import_wordpress(SEED)


@pytest.fixture
def theme_import(home_page) -> str:
    return import_wordpress(THEME, "--media-dir", str(UPLOADS))


@pytest.fixture
def edge_import(home_page) -> str:
    return import_wordpress(EDGE)


def report_row(report: str, kind: str) -> list[int]:
    """created, updated, unchanged, skipped for `kind` in the printed report."""
    for line in report.splitlines():
        if line.split(" ", 1)[0] == kind:
            return [int(number) for number in line.split()[1:5]]
    return [0, 0, 0, 0]
