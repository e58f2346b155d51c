"""Forget the blogger directory's cached address whenever it may have changed.

Any page being published, unpublished, moved or deleted, or any site changing, may
change the directory's address (an ancestor's slug, the site's root); forgetting
costs one cache delete and the next profile link asks the database once.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from people.addresses import forget_blogger_directory_url
from people.featured import refresh_featured_counts
from people.models import FeaturedExcerpt
from people.models.pages import BloggerIndexPage


# Senders named on post_delete: a receiver for every model would stop Django's fast bulk
# deletes.
@receiver(page_published, dispatch_uid="people-directory-published")
@receiver(page_unpublished, dispatch_uid="people-directory-unpublished")
@receiver(post_page_move, dispatch_uid="people-directory-moved")
@receiver(post_save, sender=BloggerIndexPage, dispatch_uid="people-directory-saved")
@receiver(post_save, sender=Site, dispatch_uid="people-directory-site")
@receiver(post_delete, sender=Page, dispatch_uid="people-directory-Page")
@receiver(post_delete, sender=BloggerIndexPage, dispatch_uid="people-directory-BloggerIndexPage")
@receiver(post_delete, sender=Site, dispatch_uid="people-directory-Site")
def forget_directory_url(**kwargs) -> None:
    forget_blogger_directory_url()


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="people-featured-restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="people-featured-unrestricted")
def recount_featured_under_restriction(sender, instance, **kwargs) -> None:
    """A page made private, or public again, changes what its bloggers count."""
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path:
        refresh_featured_counts(
            FeaturedExcerpt.objects.filter(page__path__startswith=path).values_list(
                "blogger_id", flat=True
            )
        )
