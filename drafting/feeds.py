"""The feed of answers: each answered comment, newest answer first."""

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.utils.feedgenerator import Rss201rev2Feed

from drafting.models import Comment

FEED_LENGTH = 50


class AnswersFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, page, pages):
        super().__init__()
        self.page = page
        self.pages = {item.pk: item for item in pages}

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.record_url = self.page.get_full_url(request) + self.page.reverse_subpage(
            "you_said_we_did"
        )
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        return f"You said, we did: {self.page.title} | Guerilla Policy"

    def link(self) -> str:
        return self.record_url

    def feed_url(self) -> str:
        """The feed's own address from the Site, as every other feed's: without it, Django
        names the feed by whichever host the request came in on."""
        return self.page.get_full_url(self.request) + self.page.reverse_subpage("answers_feed")

    def description(self) -> str:
        return f"Editors' answers to readers' comments on “{self.page.title}”."

    def items(self):
        return (
            Comment.objects.filter(page__in=list(self.pages))
            .published()
            .answered()
            .order_by("-answered_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item: Comment) -> str:
        # Syndication escapes titles as XML text; readers' words stay words.
        page = self.pages[item.page_id]
        return f"{item.get_outcome_display()}: {item.author_name} on “{page.title}”"

    def item_description(self, item: Comment) -> str:
        return render_to_string("drafting/feeds/answer_description.html", {"comment": item})

    def item_link(self, item: Comment) -> str:
        return f"{self.record_url}#comment-{item.pk}"

    def item_guid(self, item: Comment) -> str:
        return self.item_link(item)

    def item_pubdate(self, item: Comment):
        return item.answered_at or item.created_at
