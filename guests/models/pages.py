"""Guest bloggers' pages: their section and their posts.

Guest posts are their own page type rather than essays: they carry a different
byline (the guest's Blogger profile, set from the account, never chosen by the
guest), a narrower body (`GuestBodyBlock`), and their own permission and
workflow rules, which stay simple when the type cannot appear anywhere else.
"""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import GuestBodyBlock
from core.fields import introduction_field
from guests.forms import GuestPostForm
from guests.restrictions import (
    EDITORIAL_PERMISSION,
    EDITORIAL_PROMOTE_PANELS,
    EditorialPublishingPanel,
    GuestPostPermissionTester,
)


class GuestSectionPage(Page):
    """“From the frontline”: the one section where guest bloggers write."""

    introduction = introduction_field(
        "A short paragraph above the list of guest posts saying who writes here."
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guests.GuestPostPage"]
    max_count = 1

    class Meta:
        verbose_name = "guest section"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = (
            GuestPostPage.objects.child_of(self)
            .live()
            .public()
            .select_related("byline")
            .order_by("-first_published_at")
        )
        return context


class GuestPostPage(Page):
    """A post written by a guest blogger from the front line of a public service."""

    share_kind = "article"  # its card on social media (core.sharing)

    standfirst = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the title saying what the post argues.",
    )
    body = StreamField(GuestBodyBlock(), blank=True)
    byline = models.ForeignKey(
        "people.Blogger",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guest_posts",
        help_text="Set from the author's guest profile; editors may correct it.",
    )

    base_form_class = GuestPostForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("slug"),
        FieldPanel("standfirst"),
        FieldPanel("body"),
        # Only people who manage guest profiles see the byline; guests get theirs automatically.
        FieldPanel("byline", permission=EDITORIAL_PERMISSION),
    ]
    promote_panels = EDITORIAL_PROMOTE_PANELS
    settings_panels = [
        EditorialPublishingPanel(),
        *(
            panel
            for panel in Page.settings_panels
            if getattr(panel, "path", "") != "wagtail.admin.panels.PublishingPanel"
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]

    parent_page_types = ["guests.GuestSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = "guest post"

    def permissions_for_user(self, user):
        return GuestPostPermissionTester(user, self)
