"""What the WordPress importer remembers between runs, and the comments it keeps.

`ImportedObject` maps each WordPress thing (a post, an attachment, an author, a series
made from post titles) to what it became here, with a fingerprint of its source, so a
second import of the same file updates rather than duplicates, and a post that changed
gets a new revision. `ImportedComment` holds the site's comments, threaded, ready for
the open-drafting comments to take in.
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


class ImportedComment(models.Model):
    """A reader's comment on a WordPress post, approved there, with its place in a thread."""

    source = models.CharField(max_length=255)
    wp_id = models.PositiveIntegerField()
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="wordpress_comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    author_name = models.CharField(max_length=255, blank=True)
    author_email = models.CharField(max_length=255, blank=True)
    author_url = models.CharField(max_length=500, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    body = models.TextField(help_text="Plain text: WordPress's markup is removed.")

    class Meta:
        ordering = ["posted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "wp_id"], name="wordpress_unique_comment")
        ]
        verbose_name = "imported WordPress comment"

    def __str__(self) -> str:
        return f"{self.author_name or 'Anonymous'} on {self.posted_at:%d %B %Y}"
