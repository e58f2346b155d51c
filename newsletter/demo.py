"""Demo subscribers, so an editor can press "Send to subscribers" in `make run` and read
the emails in the console: one for Health only, one for everything with essays, one for
Policing who asked to hear when it is empty. Idempotent: found by address."""

from django.utils import timezone

from newsletter.models import Subscriber
from people.models import Sector

DEMO_SUBSCRIBERS = [
    ("nurse@example.org", ["health"], {}),
    ("reader@example.org", [], {"essays": True}),
    ("officer@example.org", ["policing"], {"notify_empty": True}),
]


def load(loader) -> None:
    sectors = Sector.objects.in_bulk(field_name="slug")
    for email, slugs, fields in DEMO_SUBSCRIBERS:
        chosen = [sectors[slug] for slug in slugs if slug in sectors]
        subscriber, created = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "all_sectors": not chosen,
                "confirmed_at": timezone.now(),
                **fields,
            },
        )
        if created:
            subscriber.sectors.set(chosen)
            loader.log(f"newsletter: subscriber {email} created")
