"""RSS 2.0 feeds of essays, built with Django's syndication framework."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed


class EssayFeed(Feed):
    """Essays (newest first, series parts labelled) with absolute links and dates.

    The page that routes the feed (`EssayFeedMixin`) chooses and fetches the essays.
    """

    feed_type = Rss201rev2Feed

    def __init__(self, *, title: str, link: str, feed_url: str, description: str, essays: list):
        super().__init__()
        self._title = title
        self._link = link
        self._feed_url = feed_url
        self._description = description
        self._essays = essays

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        return self._title

    def link(self) -> str:
        return self._link

    def feed_url(self) -> str:
        return self._feed_url

    def description(self) -> str:
        return self._description

    def items(self) -> list:
        return self._essays

    def item_title(self, item) -> str:
        return item.display_title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item) -> str:
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.display_date

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item) -> str | None:
        return item.author.name if item.author else None

    def item_categories(self, item) -> list[str]:
        return [tag.name for tag in item.tags.all()]
