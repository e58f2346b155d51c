"""Which addresses each kind of change purges from Varnish, a CDN and the page cache."""

from datetime import date

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.db import transaction
from django.test import override_settings

from core import purging
from essays.factories import (
    AuthorFactory,
    EssayIndexPageFactory,
    EssayPageFactory,
    SeriesPageFactory,
)
from people.factories import BloggerIndexPageFactory, OfficialFactory, OfficialIndexPageFactory
from people.models import Blogger, Sector
from roundups.factories import RoundupIndexPageFactory, RoundupPageFactory, excerpt

SITE = "http://localhost"
pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page):
    sectors = {
        slug: Sector.objects.create(name=name, slug=slug, sort_order=order)
        for order, (slug, name) in enumerate(
            [("social-care", "Social care"), ("health", "Health"), ("education", "Education")]
        )
    }
    ermintrude = Blogger.objects.create(name="Ermintrude2", slug="ermintrude2")
    ermintrude.sectors.set([sectors["social-care"]])
    grumble = Blogger.objects.create(name="Dr Grumble", slug="dr-grumble")
    grumble.sectors.set([sectors["health"]])
    author = AuthorFactory(name="Guerilla Policy staff")
    essays = EssayIndexPageFactory(parent=home_page, title="Essays", slug="essays")
    series = SeriesPageFactory(parent=essays, title="Ten reasons", slug="ten-reasons")
    parts = [
        EssayPageFactory(parent=series, title=f"Reason {n}", slug=f"reason-{n}") for n in (1, 2, 3)
    ]
    essay = EssayPageFactory(parent=essays, title="On Gove", slug="on-gove", author=author)
    BloggerIndexPageFactory(parent=home_page, title="Bloggers", slug="bloggers")
    OfficialIndexPageFactory(parent=home_page, title="Officials", slug="officials")
    archive = RoundupIndexPageFactory(parent=home_page, title="Roundups", slug="roundups")
    roundup = RoundupPageFactory(
        parent=archive,
        week_ending=date(2012, 10, 19),
        excerpts=[
            excerpt(ermintrude, posted_on=date(2012, 10, 18)),
            excerpt(grumble, posted_on=date(2012, 10, 17)),
        ],
    )
    roundup.save_revision().publish()
    return {
        "series": series,
        "parts": parts,
        "essay": essay,
        "author": author,
        "roundup": roundup,
        "grumble": grumble,
        "sectors": sectors,
    }


def renamed(obj, name: str, capture) -> None:
    """Rename a snippet and run the purge its save enqueues."""
    obj.name = name
    with capture(execute=True):
        obj.save()


def urls(*paths: str) -> set[str]:
    return {SITE + path for path in paths}


LISTINGS_OF_AN_ESSAY = ("/", "/essays/", "/essays/feed/", "/sitemap.xml")
SERIES = ("/essays/ten-reasons/", "/essays/ten-reasons/feed/")
PARTS = tuple(f"/essays/ten-reasons/reason-{n}/" for n in (1, 2, 3))


def roundup_set(roundup) -> set[str]:
    return urls(
        roundup.url,
        "/",
        "/sitemap.xml",
        "/roundups/",
        "/roundups/feed/",
        "/roundups/feed/atom/",
        "/roundups/2012/",
        *(f"/roundups/2012/{month}/" for month in range(1, 13)),
        "/roundups/sectors/social-care/feed/",
        "/roundups/sectors/social-care/feed/atom/",
        "/roundups/sectors/health/feed/",
        "/roundups/sectors/health/feed/atom/",
        "/bloggers/",
        "/bloggers/ermintrude2/",
        "/bloggers/dr-grumble/",
    )


def test_publishing_an_essay_purges_it_its_listings_home_feeds_and_sitemap(
    site, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        site["essay"].save_revision().publish()
    assert purged == urls("/essays/on-gove/", *LISTINGS_OF_AN_ESSAY)


def test_publishing_a_series_part_purges_the_series_and_every_sibling_part(
    site, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        site["parts"][1].save_revision().publish()
    assert purged == urls(*PARTS, *SERIES, *LISTINGS_OF_AN_ESSAY)


def test_publishing_a_series_purges_its_parts(site, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site["series"].save_revision().publish()
    assert purged == urls(*PARTS, *SERIES, *LISTINGS_OF_AN_ESSAY)


def test_unpublishing_purges_the_same_set(site, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site["parts"][2].unpublish()
    # The unpublished part is no longer a live sibling, but its own address still goes.
    assert purged == urls(*PARTS, *SERIES, *LISTINGS_OF_AN_ESSAY)


def test_deleting_a_live_page_purges_it_and_its_listings(
    site, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        site["essay"].delete()
    assert purged == urls("/essays/on-gove/", *LISTINGS_OF_AN_ESSAY)


def test_moving_an_essay_into_a_series_purges_old_and_new_places(
    site, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        site["essay"].move(site["series"], pos="last-child")
    assert purged == urls(
        "/essays/on-gove/",
        "/essays/ten-reasons/on-gove/",
        *PARTS,
        *SERIES,
        *LISTINGS_OF_AN_ESSAY,
    )


def test_publishing_a_roundup_purges_archive_months_sector_feeds_and_bloggers(
    site, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        site["roundup"].save_revision().publish()
    assert purged == roundup_set(site["roundup"])


def test_renaming_a_blogger_purges_every_roundup_quoting_them_and_their_profile(
    site, purged, django_capture_on_commit_callbacks
):
    renamed(site["grumble"], "Dr Grumble MD", django_capture_on_commit_callbacks)
    assert purged == roundup_set(site["roundup"])


def test_renaming_an_author_purges_their_essays_and_the_listings(
    site, purged, django_capture_on_commit_callbacks
):
    renamed(site["author"], "The editors", django_capture_on_commit_callbacks)
    assert purged == urls("/essays/on-gove/", *LISTINGS_OF_AN_ESSAY)


def test_editing_an_official_purges_the_officials_directory_and_its_download(
    site, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        OfficialFactory(name="Sir Bob Kerslake")
    # A new department comes with the official: it is shown on the same page.
    assert purged == urls("/officials/", "/officials/csv/")


def test_renaming_a_sector_purges_the_directory_its_bloggers_and_roundups_filed_under_it(
    site, purged, django_capture_on_commit_callbacks
):
    renamed(site["sectors"]["health"], "Health and wellbeing", django_capture_on_commit_callbacks)
    # The roundup files Dr Grumble's excerpt under his default sector without naming it:
    # found through the featured excerpts, it is purged with its whole set all the same.
    assert purged == roundup_set(site["roundup"])


def test_renaming_a_sector_no_roundup_files_under_purges_the_directory_only(
    site, purged, django_capture_on_commit_callbacks
):
    renamed(site["sectors"]["education"], "Schools", django_capture_on_commit_callbacks)
    assert purged == urls("/bloggers/")


@override_settings(
    WAGTAILFRONTENDCACHE={
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }
)
def test_the_task_sends_one_purge_request_per_address(site, monkeypatch):
    sent = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.http.HTTPBackend.purge",
        lambda backend, url: sent.append(url),
    )
    purging.purge_addresses.enqueue([SITE + "/essays/", SITE + "/"])
    assert sorted(sent) == [SITE + "/", SITE + "/essays/"]


def test_on_the_database_queue_the_purge_is_stored_with_the_change_itself(site, settings):
    """Queued in the publish's own transaction, the purge reaches the worker at the commit
    with the index updates, and goes first: it does not wait behind them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    purges = DBTaskResult.objects.filter(task_path="core.purging.purge_addresses")
    essay = site["essay"]
    with transaction.atomic():
        essay.title = "On Gove, again"
        essay.save_revision().publish()
        [queued] = purges.filter(status=TaskResultStatus.READY)
        assert SITE + "/essays/on-gove/" in queued.args_kwargs["args"][0]
        # Ahead of every other task the publish queued.
        others = DBTaskResult.objects.exclude(pk=queued.pk)
        assert all(queued.priority > other.priority for other in others)

    with pytest.raises(RuntimeError), transaction.atomic():
        essay.title = "Never published"
        essay.save_revision().publish()
        raise RuntimeError("the change fails")
    # Nothing to purge for a change that never happened.
    assert purges.count() == 1
