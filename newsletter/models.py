"""Subscribers to the roundup by email, and the record of each mailing and delivery.

A subscriber takes the sectors they choose (or all), optionally new essays, and
may pause. Nothing is sent before they confirm by the signed link mailed to them.
Each mailing of a roundup has one delivery row per subscriber (unique), so a
worker that dies mid-send resumes where it stopped.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from people.models import Sector


def new_key() -> str:
    return secrets.token_urlsafe(12)


class SubscriberQuerySet(models.QuerySet):
    def receiving(self) -> "SubscriberQuerySet":
        """Confirmed subscribers who have not paused: the ones a mailing goes to."""
        return self.filter(confirmed_at__isnull=False, paused=False)


class Subscriber(models.Model):
    email = models.EmailField(unique=True, help_text="Stored in lower case.")
    all_sectors = models.BooleanField(
        default=True, help_text="Every sector, including ones added later."
    )
    sectors = models.ManyToManyField(
        Sector,
        blank=True,
        related_name="subscribers",
        help_text="The sectors whose excerpts they receive, when not all.",
    )
    essays = models.BooleanField(
        default=False,
        verbose_name="new essays too",
        help_text="New essays (title, standfirst and link) with the next roundup.",
    )
    notify_empty = models.BooleanField(
        default=False,
        verbose_name="tell me when empty",
        help_text="A short note when their sectors have nothing in a roundup, instead of no email.",
    )
    paused = models.BooleanField(default=False, help_text="Paused subscribers receive nothing.")
    consented_at = models.DateTimeField(
        default=timezone.now, help_text="When they asked to subscribe."
    )
    consent_address = models.GenericIPAddressField(
        null=True, blank=True, help_text="The network address the request came from."
    )
    confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="When they followed the confirmation link."
    )
    # Part of every signed link: changing it revokes every link already mailed.
    key = models.CharField(max_length=32, default=new_key, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-consented_at", "-pk"]

    def __str__(self) -> str:
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None

    def sector_names(self) -> str:
        """ "All", or the chosen sectors' names. (Prefetch `sectors` when listing.)"""
        if self.all_sectors:
            return "All"
        return ", ".join(sector.name for sector in self.sectors.all())

    sector_names.short_description = "Sectors"

    def sector_ids(self) -> frozenset[int] | None:
        """The sectors chosen, or None for all. (Prefetch `sectors` when looping.)"""
        if self.all_sectors:
            return None
        return frozenset(sector.pk for sector in self.sectors.all())


class Mailing(models.Model):
    """One roundup sent to subscribers: at most one per roundup, whatever is pressed twice."""

    roundup = models.OneToOneField(
        "roundups.RoundupPage", on_delete=models.CASCADE, related_name="newsletter_mailing"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The essays published since the previous mailing, fixed when this one starts, so a
    # resumed send carries the same digest.
    essay_ids = models.JSONField(default=list, blank=True)
    prepared_at = models.DateTimeField(
        null=True, blank=True, help_text="When every subscriber's delivery was queued."
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Mailing of {self.roundup.title}"

    def counts(self) -> dict[str, int]:
        rows = self.deliveries.values("state").annotate(n=models.Count("pk")).order_by()
        found = {row["state"]: row["n"] for row in rows}
        return {state: found.get(state, 0) for state in Delivery.State.values}


class Delivery(models.Model):
    """One subscriber's copy of one mailing, and what became of it."""

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        SKIPPED = "skipped", "Nothing to send"
        FAILED = "failed", "Failed"

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    # Left empty when the subscriber leaves: their address goes with them.
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    reason = models.TextField(blank=True, help_text="Why it failed or was skipped.")
    message_id = models.CharField(max_length=255, blank=True)
    # Which worker's batch holds it while "sending".
    claim = models.CharField(max_length=32, blank=True, db_index=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["mailing", "state"])]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"{self.subscriber or 'former subscriber'}: {self.get_state_display()}"
