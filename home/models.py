from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.fields import introduction_field
from essays.home import home_sections as essay_sections
from roundups.home import latest_roundup


class HomePage(Page):
    """The front page: an introduction, then the latest essays, series and roundup."""

    introduction = introduction_field(
        "A short paragraph under the site name saying what Guerilla Policy is for."
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "essays.EssayIndexPage",
        "roundups.RoundupIndexPage",
        "roundups.SuggestionPage",
        "people.BloggerIndexPage",
        "people.OfficialIndexPage",
        "guests.GuestSectionPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(essay_sections(self))
        context["latest_roundup"] = latest_roundup()
        return context
