"""Keep what search remembers in step with what is live."""

from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from search.suggestions import forget_vocabulary


# "Did you mean" knows the live titles: forget them when they change.
@receiver(page_published, dispatch_uid="search-vocabulary-published")
@receiver(page_unpublished, dispatch_uid="search-vocabulary-unpublished")
def forget_live_titles(**kwargs) -> None:
    forget_vocabulary()
