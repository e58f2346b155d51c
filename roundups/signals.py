"""Keep the bloggers' "featured in" index in step with what roundups have live."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from people.featured import clear_featured, replace_featured
from roundups.models import RoundupPage


@receiver(page_published, sender=RoundupPage)
def index_published_roundup(sender, instance, **kwargs):
    replace_featured(instance, instance.featured_rows())


@receiver(page_unpublished, sender=RoundupPage)
@receiver(post_delete, sender=RoundupPage)
def forget_roundup(sender, instance, **kwargs):
    clear_featured(instance)
