"""Roundup fixtures: the seed's sectors in editorial order, a few bloggers, the archive page."""

from datetime import date

import pytest

from people.factories import BloggerIndexPageFactory
from people.models import Blogger, Sector
from roundups.factories import (
    RoundupIndexPageFactory,
    RoundupPageFactory,
    SuggestionPageFactory,
    excerpt,
)

SECTOR_NAMES = ["Social care", "Health", "Democracy", "Policing", "Education"]


@pytest.fixture
def sectors(db) -> dict[str, Sector]:
    """Keyed by slug; `sort_order` is the editors' order, deliberately not alphabetical."""
    return {
        sector.slug: sector
        for sector in (
            Sector.objects.create(name=name, slug=name.lower().replace(" ", "-"), sort_order=i)
            for i, name in enumerate(SECTOR_NAMES)
        )
    }


@pytest.fixture
def bloggers(sectors) -> dict[str, Blogger]:
    def make(name, slug, *sector_slugs, **fields):
        blogger = Blogger.objects.create(name=name, slug=slug, **fields)
        blogger.sectors.set([sectors[s] for s in sector_slugs])
        return blogger

    return {
        "ermintrude2": make("Ermintrude2", "ermintrude2", "social-care"),
        "dr-grumble": make("Dr Grumble", "dr-grumble", "health"),
        "frank-chalk": make("Frank Chalk", "frank-chalk", "education"),
        "whose-shoes": make("Whose Shoes?", "whose-shoes", "social-care", blog_name="Whose Shoes?"),
        "nathan-constable": make("Nathan Constable", "nathan-constable", "policing"),
    }


@pytest.fixture
def blogger_directory(home_page):
    """The live directory the excerpts' profile links point into."""
    return BloggerIndexPageFactory(parent=home_page)


@pytest.fixture
def index_page(home_page, blogger_directory):
    return RoundupIndexPageFactory(parent=home_page)


@pytest.fixture
def suggestion_page(index_page):
    return SuggestionPageFactory(parent=index_page)


@pytest.fixture
def make_roundup(index_page, bloggers):
    """Build (and by default publish) a roundup under the archive."""

    def make(week_ending=date(2012, 10, 19), excerpts=None, live=True, **fields):
        if excerpts is None:
            excerpts = [excerpt(bloggers["ermintrude2"], posted_on=week_ending)]
        page = RoundupPageFactory(
            parent=index_page, week_ending=week_ending, excerpts=excerpts, live=live, **fields
        )
        if live:
            page.save_revision().publish()
        else:
            page.save_revision()
        return page

    return make
