"""The word list the site search ranks from on PostgreSQL (see `search.terms`)."""

from django.db import models


class IndexTerm(models.Model):
    """One word (a stemmed lexeme) of one search-index entry, with its score for that entry.

    Written from Wagtail's index entries whenever they are (`search.terms.refresh`) and
    deleted with them by the database. Only PostgreSQL fills it: SQLite's FTS5 index
    ranks quickly by itself.
    """

    pk = models.CompositePrimaryKey("entry_id", "lexeme")
    entry_id = models.IntegerField(help_text="The Wagtail search index entry.")
    lexeme = models.TextField()
    content_type_id = models.IntegerField()
    object_id = models.BigIntegerField()
    score = models.FloatField(help_text="How strongly the entry is about this word.")

    class Meta:
        indexes = [
            # Every search reads one lexeme's rows in this index alone (an index-only scan).
            models.Index(
                fields=["lexeme"],
                include=["entry_id", "content_type_id", "object_id", "score"],
                name="search_term_lexeme_idx",
            )
        ]

    def __str__(self):
        return f"{self.lexeme} ({self.content_type_id}/{self.object_id}: {self.score:.3f})"
