"""What the WordPress importer remembers between runs.

`ImportedObject` maps each WordPress thing (a post, an attachment, an author, a comment, a
series made from post titles) to what it became here, with a fingerprint of its source,
so a second import of the same file updates rather than duplicates, and a post that
changed gets a new revision.
"""

from django.db import models


class ImportedObject(models.Model):
    class Kind(models.TextChoices):
        ESSAY = "essay", "Essay"
        SERIES = "series", "Series"
        ROUNDUP = "roundup", "Roundup"
        PAGE = "page", "Page"
        IMAGE = "image", "Image"
        AUTHOR = "author", "Author"
        COMMENT = "comment", "Comment"

    source = models.CharField(max_length=255, help_text="The WordPress site's address.")
    key = models.CharField(
        max_length=255, help_text="What it was on WordPress, e.g. post:123 or attachment:45."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    fingerprint = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="wordpress_unique_source_key")
        ]
        verbose_name = "imported WordPress object"

    def __str__(self) -> str:
        return f"{self.source} {self.key} → {self.kind} {self.object_id}"
