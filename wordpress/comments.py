"""Readers' comments as published open-drafting comments (`drafting.Comment`), threaded.

Only comments WordPress published come across: spam, the bin and comments still
awaiting moderation stay behind, and pingbacks and trackbacks are not readers' words.
A comment is on the page as a whole (WordPress comments are not on a paragraph), keeps
its author, email, date and place in its thread (a reply to a comment left behind starts
a thread of its own), and its text loses WordPress's markup. An essay that had comments
is given a comment window that closed with its last comment, so they are on show under
it without a form; on other pages they wait in the comments inbox.
"""

from drafting.models import Comment
from drafting.pages import DraftingMixin
from wordpress.text import paragraphs

SKIPPED = {
    "spam": "spam",
    "trash": "in the WordPress bin",
    "0": "awaiting moderation on WordPress",
}


def import_comments(run, item, page) -> None:
    kept: dict[int, Comment] = {}
    replies: list[tuple[Comment, int]] = []
    for comment in item.comments:
        if comment.type in {"pingback", "trackback"}:
            run.report.skip("comment", f"{comment.type}s are not comments")
            continue
        if comment.approved != "1":
            run.report.skip("comment", SKIPPED.get(comment.approved, "not approved"))
            continue
        values = {
            "page_id": page.pk,
            "author_name": (comment.author or "Anonymous")[:80],
            "email": comment.email[:254],
            "text": paragraphs(comment.content),
            "created_at": comment.date or item.date,
        }
        key = f"comment:{comment.wp_id}"
        record = run.ledger.find(key)
        stored = Comment.objects.filter(pk=record.object_id).first() if record else None
        if stored is None:
            stored = Comment.objects.create(
                state=Comment.State.PUBLISHED, consent_to_publish=True, **values
            )
            run.ledger.record(key, "comment", stored.pk)
            run.report.count("comment", "created")
        elif any(getattr(stored, name) != value for name, value in values.items()):
            Comment.objects.filter(pk=stored.pk).update(**values)
            run.report.count("comment", "updated")
        else:
            run.report.count("comment", "unchanged")
        kept[comment.wp_id] = stored
        if comment.parent_id:
            replies.append((stored, comment.parent_id))
    for stored, parent_id in replies:
        parent = kept.get(parent_id)
        if stored.parent_id != (parent.pk if parent else None):
            Comment.objects.filter(pk=stored.pk).update(parent=parent)
    if kept:
        show_comments(run, item, page)


def last_comment_date(item):
    """When the last comment that will be imported was made (None if there is none)."""
    dates = [
        comment.date
        for comment in item.comments
        if comment.approved == "1" and comment.type not in {"pingback", "trackback"}
    ]
    return max((date for date in dates if date), default=None)


def show_comments(run, item, page) -> None:
    """Comments show on pages that take them (essays, whose comment window the essay
    mapping closes at the last comment); elsewhere they wait in the comments inbox."""
    if not isinstance(page, DraftingMixin):
        run.report.warn(
            f"{item.post_type} {item.wp_id}",
            "its comments are in the comments inbox: this kind of page does not show them",
        )
