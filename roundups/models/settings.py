"""What editors set for every roundup, under Settings in the admin."""

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from core.fields import INTRO_FEATURES

DEFAULT_SUGGESTIONS_CALL = (
    "<p>Do send us your suggestions for great posts we’ve missed – and those frontline "
    "bloggers we should follow in the future.</p>"
)


@register_setting(icon="openquote")
class RoundupSettings(BaseSiteSetting):
    suggestions_call = RichTextField(
        features=INTRO_FEATURES,
        default=DEFAULT_SUGGESTIONS_CALL,
        verbose_name="Roundup call for suggestions",
        help_text="The closing paragraph of every roundup, unless a roundup sets its own.",
    )

    panels = [FieldPanel("suggestions_call")]

    class Meta:
        verbose_name = "Roundup settings"
