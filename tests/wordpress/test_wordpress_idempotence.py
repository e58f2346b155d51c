"""Running the import again: nothing new; a changed post is a new revision; dry runs."""

import pytest

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from drafting.models import Comment
from essays.models import EssayPage
from people.models import Blogger
from tests.wordpress.conftest import EDGE, SEED, import_wordpress, report_row

pytestmark = pytest.mark.django_db


def snapshot() -> tuple[int, ...]:
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Redirect.objects.count(),
        Blogger.objects.count(),
        Comment.objects.count(),
    )


def test_a_second_run_creates_nothing(seed_import):
    before = snapshot()
    again = import_wordpress(SEED)
    assert snapshot() == before
    assert report_row(again, "essay") == [0, 0, 6, 0]
    assert report_row(again, "roundup") == [0, 0, 1, 0]
    assert report_row(again, "redirect")[0] == 0


def test_a_changed_post_makes_a_new_revision(seed_import, tmp_path):
    changed = tmp_path / "changed.xml"
    changed.write_text(
        SEED.read_text().replace("It’s a pity his own approach", "It’s a shame his own approach")
    )
    essay = EssayPage.objects.get(title__startswith="Michael Gove")
    revisions = essay.revisions.count()
    report = import_wordpress(changed)
    assert report_row(report, "essay") == [0, 1, 5, 0]
    essay.refresh_from_db()
    assert essay.revisions.count() == revisions + 1
    assert essay.live and "It’s a shame" in str(essay.body)


def test_dry_run_changes_nothing_and_prints_the_same_report(home_page):
    before = snapshot()
    dry = import_wordpress(EDGE, "--dry-run")
    assert snapshot() == before
    real = import_wordpress(EDGE)
    assert dry.splitlines()[0].startswith("Dry run: nothing was saved.")
    assert dry.splitlines()[1:] == real.splitlines()
