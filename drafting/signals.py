"""Publishing a page rewrites its fields from a revision, which may predate the latest
moderation; the comments' search text is rewritten from the comments afterwards. A shown
comment's change purges the cached pages showing it (`drafting.purging`)."""

from drafting.indexing import refresh_comments_search_text
from drafting.purging import purge_comment_pages


def refresh_after_publish(sender, instance, **kwargs) -> None:
    if hasattr(instance, "comments_search_text"):
        refresh_comments_search_text([instance.pk])


def purge_after_comment_change(sender, instance, **kwargs) -> None:
    if instance.is_or_was_shown:
        purge_comment_pages([instance.page_id])
