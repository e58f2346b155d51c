"""Which roundups, in what order: the rules the archive, feeds and home page share."""

from wagtail.models import PageManager, PageQuerySet


class RoundupQuerySet(PageQuerySet):
    def published(self):
        return self.live().public()

    def newest_first(self):
        return self.order_by("-week_ending", "-pk")


RoundupManager = PageManager.from_queryset(RoundupQuerySet)
