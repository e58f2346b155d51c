"""Newsletter fixtures: sectors, bloggers, a roundup archive, subscribers in every state."""

import re
from datetime import date

import pytest

from django.utils import timezone

from newsletter.models import Subscriber
from newsletter.sending import start_mailing
from people.factories import BloggerIndexPageFactory
from people.models import Blogger, Sector
from roundups.factories import RoundupIndexPageFactory, RoundupPageFactory, excerpt

# What a current browser sends with a post from one of the site's own pages (the test
# client's host is "testserver"); the subscribe form refuses posts that lack it.
FROM_THIS_SITE = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
SECTOR_NAMES = ["Social care", "Health", "Democracy", "Policing", "Education"]
LINK = re.compile(r"https?://\S+")


def links_in(text: str) -> list[str]:
    return LINK.findall(text)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def sectors(db) -> dict[str, Sector]:
    return {
        sector.slug: sector
        for sector in (
            Sector.objects.create(name=name, slug=name.lower().replace(" ", "-"), sort_order=i)
            for i, name in enumerate(SECTOR_NAMES)
        )
    }


@pytest.fixture
def bloggers(sectors) -> dict[str, Blogger]:
    def make(name, slug, sector_slug):
        blogger = Blogger.objects.create(name=name, slug=slug)
        blogger.sectors.set([sectors[sector_slug]])
        return blogger

    return {
        "ermintrude2": make("Ermintrude2", "ermintrude2", "social-care"),
        "dr-grumble": make("Dr Grumble", "dr-grumble", "health"),
        "frank-chalk": make("Frank Chalk", "frank-chalk", "education"),
    }


@pytest.fixture
def index_page(home_page):
    BloggerIndexPageFactory(parent=home_page)
    return RoundupIndexPageFactory(parent=home_page)


@pytest.fixture
def make_roundup(index_page, bloggers):
    def make(week_ending=date(2012, 10, 19), excerpts=None, previous_reads=(), live=True):
        if excerpts is None:
            excerpts = [excerpt(bloggers["ermintrude2"], posted_on=week_ending)]
        page = RoundupPageFactory(
            parent=index_page,
            week_ending=week_ending,
            excerpts=excerpts,
            previous_reads=list(previous_reads),
            live=live,
        )
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def roundup(make_roundup, bloggers, sectors):
    """One excerpt each for Social care, Health and Education, and one previous read."""
    return make_roundup(
        excerpts=[
            excerpt(bloggers["ermintrude2"], title="What I would say to Norman Lamb"),
            excerpt(bloggers["dr-grumble"], title="The NHS reforms from the ward"),
            excerpt(bloggers["frank-chalk"], title="Ofsted came on Tuesday"),
        ],
        previous_reads=[
            excerpt(
                bloggers["dr-grumble"],
                title="An older post worth reading",
                posted_on=date(2012, 9, 1),
            )
        ],
    )


@pytest.fixture
def make_subscriber(sectors):
    def make(email, *sector_slugs, confirmed=True, **fields):
        subscriber = Subscriber.objects.create(
            email=email,
            all_sectors=not sector_slugs,
            confirmed_at=timezone.now() if confirmed else None,
            **fields,
        )
        subscriber.sectors.set([sectors[slug] for slug in sector_slugs])
        return subscriber

    return make


@pytest.fixture
def send_roundup():
    """Mail a roundup to every receiving subscriber (tasks run at once in tests)."""

    def send(roundup, user=None):
        mailing, _ = start_mailing(roundup, user)
        mailing.refresh_from_db()
        return mailing

    return send


def parts(message) -> tuple[str, str]:
    """A sent message's plain-text body and its HTML alternative."""
    html = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(html) == 1
    return message.body, html[0]
