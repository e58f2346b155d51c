"""What the newsletter follows in other apps: sectors renamed, roundups published."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from newsletter import conf
from newsletter.forms import SECTOR_CHOICES_KEY
from newsletter.sending import start_mailing
from people.models import Sector
from roundups.models import RoundupPage


@receiver(post_save, sender=Sector, dispatch_uid="newsletter-sector-saved")
@receiver(post_delete, sender=Sector, dispatch_uid="newsletter-sector-deleted")
def forget_sector_choices(sender, **kwargs) -> None:
    cache.delete(SECTOR_CHOICES_KEY)


@receiver(page_published, sender=RoundupPage, dispatch_uid="newsletter-roundup-published")
def mail_published_roundup(sender, instance, **kwargs) -> None:
    """With NEWSLETTER_SEND_ON_PUBLISH, publishing a roundup mails it (once: republishing a
    correction does not mail it again). Otherwise editors press "Send to subscribers"."""
    if conf.send_on_publish():
        transaction.on_commit(lambda: start_mailing(instance))
