"""What the newsletter follows in other apps: sectors renamed, roundups published."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from newsletter.forms import SECTOR_CHOICES_KEY
from people.models import Sector


@receiver(post_save, sender=Sector, dispatch_uid="newsletter-sector-saved")
@receiver(post_delete, sender=Sector, dispatch_uid="newsletter-sector-deleted")
def forget_sector_choices(sender, **kwargs) -> None:
    cache.delete(SECTOR_CHOICES_KEY)
