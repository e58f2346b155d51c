"""Readers' comments, threaded, kept in `ImportedComment` for the open-drafting comments.

Only comments WordPress published come across: spam, the bin and comments still
awaiting moderation stay behind, and pingbacks and trackbacks are not readers' words.
Replies keep their place in the thread; a reply to a comment left behind starts a
thread of its own.
"""

from wordpress.models import ImportedComment
from wordpress.text import paragraphs

SKIPPED = {
    "spam": "spam",
    "trash": "in the WordPress bin",
    "0": "awaiting moderation on WordPress",
}


def import_comments(run, item, page) -> None:
    kept: dict[int, ImportedComment] = {}
    replies: list[tuple[ImportedComment, int]] = []
    for comment in item.comments:
        if comment.type in {"pingback", "trackback"}:
            run.report.skip("comment", f"{comment.type}s are not comments")
            continue
        if comment.approved != "1":
            run.report.skip("comment", SKIPPED.get(comment.approved, "not approved"))
            continue
        values = {
            "page": page,
            "author_name": comment.author[:255],
            "author_email": comment.email[:255],
            "author_url": comment.url[:500],
            "posted_at": comment.date,
            "body": paragraphs(comment.content),
        }
        stored = ImportedComment.objects.filter(source=run.source, wp_id=comment.wp_id).first()
        if stored is None:
            stored = ImportedComment.objects.create(
                source=run.source, wp_id=comment.wp_id, **values
            )
            run.report.count("comment", "created")
        elif any(getattr(stored, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(stored, name, value)
            stored.save()
            run.report.count("comment", "updated")
        else:
            run.report.count("comment", "unchanged")
        kept[comment.wp_id] = stored
        if comment.parent_id:
            replies.append((stored, comment.parent_id))
    for stored, parent_id in replies:
        parent = kept.get(parent_id)
        if stored.parent_id != (parent.pk if parent else None):
            stored.parent = parent
            stored.save(update_fields=["parent"])
