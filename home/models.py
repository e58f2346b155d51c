from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
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
        "home.ContentPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(essay_sections(self))
        context["latest_roundup"] = latest_roundup()
        return context


class ContentPage(Page):
    """A plain page of text under the home page: "About us", "Contact", a policy."""

    body = StreamField(BodyBlock(), blank=True, help_text="The page's text.")

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = "content page"
