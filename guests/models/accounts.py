"""Guest bloggers' accounts: the link to their Blogger profile, the invitations that
bring them in, and the shareable links that preview their drafts."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel

INVITATION_LIFETIME = timedelta(days=7)
PREVIEW_LINK_LIFETIME = timedelta(days=7)


def new_token() -> str:
    """A random, URL-safe secret for links sent by email or shared by hand."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Invitations keep only a digest, so a database leak hands out no live links."""
    return hashlib.sha256(token.encode()).hexdigest()


class GuestProfile(models.Model):
    """Links a guest's account to the Blogger profile their posts are signed with."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guest_profile"
    )
    blogger = models.OneToOneField(
        "people.Blogger",
        on_delete=models.CASCADE,
        related_name="guest_profile",
        help_text="The public profile the guest's posts are signed with.",
    )

    panels = [FieldPanel("user"), FieldPanel("blogger")]

    class Meta:
        verbose_name = "guest profile"

    def __str__(self) -> str:
        return f"{self.user.get_username()} → {self.blogger}"


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An editor's invitation to write as a guest, sent by email as a single-use, expiring link."""

    email = models.EmailField(help_text="Where the invitation is sent.")
    name = models.CharField(
        max_length=120, help_text="The guest's name, used in the email and for a new profile."
    )
    blogger = models.ForeignKey(
        "people.Blogger",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Their existing Blogger profile, if they have one; otherwise one is created.",
    )
    role = models.CharField(
        max_length=200,
        blank=True,
        help_text="For a new profile: what they do, e.g. “works in a mental-health team”.",
    )
    message = models.TextField(blank=True, help_text="A personal note added to the email.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(editable=False)
    accepted_at = models.DateTimeField(null=True, blank=True, editable=False)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = InvitationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("blogger"),
        FieldPanel("role"),
        FieldPanel("message"),
    ]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    def issue_token(self) -> str:
        """Give the invitation a fresh secret and lifetime; return the secret for the email."""
        token = new_token()
        self.token_hash = hash_token(token)
        self.expires_at = timezone.now() + INVITATION_LIFETIME
        return token

    def clean(self):
        if self.blogger_id and GuestProfile.objects.filter(blogger_id=self.blogger_id).exists():
            raise ValidationError(
                {"blogger": "This profile already belongs to a guest's account; choose another."}
            )

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_expired(self) -> bool:
        return not self.is_accepted and self.expires_at <= timezone.now()

    @property
    def state(self) -> str:
        if self.is_accepted:
            return "Accepted"
        if self.is_expired:
            return "Expired"
        return "Pending"


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A read-only, expiring link to one draft, for showing a colleague who has no account."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="guest_preview_links"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Preview of page {self.page_id} until {self.expires_at:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        if self.expires_at is None:
            self.expires_at = timezone.now() + PREVIEW_LINK_LIFETIME
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
