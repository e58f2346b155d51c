from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What editors change about the whole site without a developer: contact, social, defaults."""

    contact_email = models.EmailField(
        blank=True,
        default="editors@guerillapolicy.org",
        help_text="Shown in the footer of every page.",
    )
    twitter_handle = models.CharField(
        max_length=15,
        blank=True,
        default="guerillapolicy",
        help_text="The site's Twitter/X handle, without the @.",
    )
    facebook_url = models.URLField(blank=True, help_text="Full address of the Facebook page.")
    footer_text = models.CharField(
        max_length=255,
        blank=True,
        default=(
            "Guerilla Policy opens up policymaking to the people who run and use public services."
        ),
        help_text="One line about the site, shown in the footer.",
    )
    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("twitter_handle"), FieldPanel("facebook_url")],
            heading="Contact and social",
        ),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = "Site settings"
