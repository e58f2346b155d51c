"""Essays' snippets: the staff authors of bylines."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Author(index.Indexed, models.Model):
    """A member of staff whose name an editor picks for an essay's byline."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True, help_text="A short unique identifier.")
    role = models.CharField(
        max_length=200, blank=True, help_text="Shown under the name, e.g. “Director”."
    )
    bio = models.TextField(blank=True, verbose_name="short bio")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("role"), FieldPanel("bio")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
