"""Forget the blogger directory's cached address whenever it may have changed.

Any page being published, unpublished, moved or deleted, or any site changing, may
change the directory's address (an ancestor's slug, the site's root); forgetting
costs one cache delete and the next profile link asks the database once.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from people.models.pages import BloggerIndexPage, forget_blogger_directory_url


def forget_directory_url(**kwargs) -> None:
    forget_blogger_directory_url()


def connect() -> None:
    page_published.connect(forget_directory_url, dispatch_uid="people-directory-published")
    page_unpublished.connect(forget_directory_url, dispatch_uid="people-directory-unpublished")
    post_page_move.connect(forget_directory_url, dispatch_uid="people-directory-moved")
    post_save.connect(
        forget_directory_url, sender=BloggerIndexPage, dispatch_uid="people-directory-saved"
    )
    post_save.connect(forget_directory_url, sender=Site, dispatch_uid="people-directory-site")
    # Senders named: a receiver for every model would stop Django's fast bulk deletes.
    for model in (Page, BloggerIndexPage, Site):
        post_delete.connect(
            forget_directory_url, sender=model, dispatch_uid=f"people-directory-{model.__name__}"
        )
