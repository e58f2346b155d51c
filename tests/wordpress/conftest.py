"""Imports of the fixtures' WordPress exports into a site with a home page."""

from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"
SEED = FIXTURES / "guerilla-policy-seed.xml"
THEME = FIXTURES / "themeunittestdata.wordpress.xml"
EDGE = FIXTURES / "edge-cases.xml"
UPLOADS = FIXTURES / "uploads"


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
