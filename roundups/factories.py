"""Factories for roundup pages, and `excerpt()` to build one stream item in raw form."""

import uuid
from datetime import date

import factory
import wagtail_factories

from roundups.models import RoundupIndexPage, RoundupPage, SuggestionPage
from roundups.titles import derived_slug, derived_title


def excerpt(
    blogger,
    *,
    sector=None,
    title: str = "A post from the frontline",
    url: str = "https://example.org/a-post",
    posted_on: date = date(2012, 10, 18),
    quote: str = "What I see are cuts.",
    commentary: str = "<p>Why this post matters.</p>",
    author: str = "",
    suggested_by: str = "",
    block_id: str | None = None,
) -> dict:
    """One excerpt as a StreamField stores it, ready for `excerpts=[…]`."""
    return {
        "type": "excerpt",
        "id": block_id or str(uuid.uuid4()),
        "value": {
            "title": title,
            "url": url,
            "blogger": blogger.pk if blogger is not None else None,
            "author": author,
            "posted_on": posted_on.isoformat() if posted_on else None,
            "quote": quote,
            "commentary": commentary,
            "sector": sector.pk if sector is not None else None,
            "suggested_by": suggested_by,
        },
    }


class RoundupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Best of the frontline bloggers"
    slug = "roundups"

    class Meta:
        model = RoundupIndexPage


class RoundupPageFactory(wagtail_factories.PageFactory):
    """A roundup; give it `excerpts=[excerpt(…), …]` (a published roundup needs one)."""

    week_ending = date(2012, 10, 19)
    title = factory.LazyAttribute(lambda page: derived_title(page.week_ending))
    slug = factory.LazyAttribute(lambda page: derived_slug(page.week_ending))
    introduction = "<p>Here’s our selection of the best frontline blogs we’ve read this week.</p>"
    excerpts = factory.LazyFunction(list)
    previous_reads = factory.LazyFunction(list)

    class Meta:
        model = RoundupPage


class SuggestionPageFactory(wagtail_factories.PageFactory):
    title = "Suggest a post"
    slug = "suggest-a-post"
    introduction = "<p>Read a frontline blog post we should share? Tell us.</p>"

    class Meta:
        model = SuggestionPage
