"""What editors set for the people directories, under Settings in the admin."""

from django.core.validators import MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="group")
class PeopleSettings(BaseSiteSetting):
    official_stale_after_days = models.PositiveIntegerField(
        default=180,
        validators=[MinValueValidator(1)],
        verbose_name="Officials: flag entries older than (days)",
        help_text="Rows in the officials directory not checked for this many days are "
        "flagged as possibly out of date.",
    )

    panels = [FieldPanel("official_stale_after_days")]

    class Meta:
        verbose_name = "People settings"
