"""The table the site search finds and ranks from: one document per live page or profile.

Built on Django's public full-text API (`django.contrib.postgres.search`), as
djangoproject.com's documentation search is: each document keeps its title and
body as text and, on PostgreSQL, one weighted `tsvector` (the title weighs more
than the body) under a GIN index. `search.documents` writes the rows when pages
are published and profiles saved; `search.ranking` reads them.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    """What the site search knows of one page or profile."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", help_text="The object's type."
    )
    object_id = models.BigIntegerField(help_text="The object's primary key.")
    title = models.TextField(blank=True, help_text="The title or name: it weighs most.")
    body = models.TextField(blank=True, help_text="The rest of the object's searchable text.")
    # PostgreSQL only: SQLite ranks the (few) matching titles and bodies in Python.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_document_object"
            )
        ]
        # Created on PostgreSQL only (see the migration): SQLite has no GIN indexes.
        indexes = [GinIndex(fields=["search_vector"], name="search_document_vector")]

    def __str__(self):
        return self.title or f"{self.content_type_id}/{self.object_id}"
