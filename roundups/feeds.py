"""RSS and Atom feeds: one of roundups, and one per sector whose items are the excerpts.

A reader who follows only Health gets only Health excerpts, each linking to its
place on the roundup.
"""

from datetime import date, datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from people.models import Sector
from roundups.excerpts import excerpts_of

FEED_ROUNDUPS = 10


def morning_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9)))


class SiteAddressFeed(Feed):
    """A feed whose own address, like every link in it, starts with the Site's address (as
    pages' canonical links and the essay feeds do), not with whichever host was asked."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def feed_url(self, obj):
        return self.index_page.get_site().root_url + self.request.path


class RoundupFeed(SiteAddressFeed):
    """The latest roundups, newest first."""

    description_template = "roundups/feeds/roundup_description.html"

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return "The best of the week's frontline public-service bloggers."

    def items(self, obj):
        return list(obj.roundups()[:FEED_ROUNDUPS])

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at or morning_of(item.week_ending)

    def item_updateddate(self, item):
        return item.last_published_at


class RoundupAtomFeed(RoundupFeed):
    feed_type = Atom1Feed
    subtitle = RoundupFeed.description


class SectorExcerptFeed(SiteAddressFeed):
    """Every excerpt filed under one sector in the latest roundups."""

    description_template = "roundups/feeds/excerpt_description.html"

    def get_object(self, request, sector: str):
        self.request = request
        try:
            return Sector.objects.get(slug=sector)
        except Sector.DoesNotExist as error:
            raise Http404("No such sector") from error

    def title(self, obj):
        return f"{obj.name}: {self.index_page.title}"

    def link(self, obj):
        return self.index_page.get_full_url(self.request)

    def description(self, obj):
        return f"Excerpts from frontline bloggers on {obj.name.lower()}, from our weekly roundup."

    def items(self, obj):
        return [
            item
            for item in excerpts_of(self.index_page.roundups()[:FEED_ROUNDUPS])
            if item.value.effective_sector is not None and item.value.effective_sector.pk == obj.pk
        ]

    def item_title(self, item):
        blogger = item.value.get("blogger")
        by = f" ({blogger.name})" if blogger and item.value.get("title") else ""
        return f"{item.value.heading}{by}"

    def item_link(self, item):
        return f"{item.roundup.get_full_url(self.request)}#{item.anchor}"

    def item_guid(self, item):
        return self.item_link(item)

    def item_author_name(self, item):
        blogger = item.value.get("blogger")
        return item.value.get("author") or (blogger.name if blogger else None)

    def item_pubdate(self, item):
        posted_on = item.value.get("posted_on")
        return morning_of(posted_on) if posted_on else item.roundup.first_published_at


class SectorExcerptAtomFeed(SectorExcerptFeed):
    feed_type = Atom1Feed
    subtitle = SectorExcerptFeed.description
