"""Publishing a page rewrites its fields from a revision, which may predate the latest
moderation; the comments' search text is rewritten from the comments afterwards."""

from drafting.indexing import refresh_comments_search_text


def refresh_after_publish(sender, instance, **kwargs) -> None:
    if hasattr(instance, "comments_search_text"):
        refresh_comments_search_text([instance.pk])
