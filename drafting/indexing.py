"""Readers' published comments and the answers, in their page's search entry.

The text is kept in a field of the page (`comments_search_text`), written when editors
publish, reject or answer, so site search finds an essay by what readers said about it
without a query per result; the page's index entry is refreshed at the same time, and
`search_text_changed` tells any other index (the site search's) that the text changed.
"""

from django.dispatch import Signal
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.search import index

from drafting.models import Comment

# Sent with the page (`instance`) whose searchable text changed without a publication.
search_text_changed = Signal()


def comments_text(page_id: int) -> str:
    parts = []
    for comment in Comment.objects.filter(page_id=page_id).published().order_by("pk"):
        parts += [comment.author_name, comment.role, comment.text, strip_tags(comment.reason)]
    return "\n".join(part for part in parts if part)


def refresh_comments_search_text(page_ids) -> None:
    for page in Page.objects.filter(pk__in=set(page_ids)).specific():
        if not hasattr(page, "comments_search_text"):
            continue
        text = comments_text(page.pk)
        if text != page.comments_search_text:
            type(page).objects.filter(pk=page.pk).update(comments_search_text=text)
            page.comments_search_text = text
            index.insert_or_update_object(page)
            search_text_changed.send(sender=type(page), instance=page)
