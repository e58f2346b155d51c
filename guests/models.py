"""Guest bloggers: their section, their posts, their link to a Blogger profile,
the invitations that bring them in and the shareable links that preview their drafts.

Guest posts are their own page type rather than essays: they carry a different
byline (the guest's Blogger profile, set from the account, never chosen by the
guest), a narrower body (`GuestBodyBlock`), and their own permission and
workflow rules, which stay simple when the type cannot appear anywhere else.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.search import index

from core.blocks import GuestBodyBlock
from core.fields import introduction_field
from guests.restrictions import (
    EDITORIAL_PERMISSION,
    EDITORIAL_PROMOTE_PANELS,
    EditorialPublishingPanel,
    GuestPostPermissionTester,
)

INVITATION_LIFETIME = timedelta(days=7)
PREVIEW_LINK_LIFETIME = timedelta(days=7)


def new_token() -> str:
    """A random, URL-safe secret for links sent by email or shared by hand."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Invitations keep only a digest, so a database leak hands out no live links."""
    return hashlib.sha256(token.encode()).hexdigest()


class GuestSectionPage(Page):
    """“From the frontline”: the one section where guest bloggers write."""

    introduction = introduction_field(
        "A short paragraph above the list of guest posts saying who writes here."
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guests.GuestPostPage"]
    max_count = 1

    class Meta:
        verbose_name = "guest section"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = (
            GuestPostPage.objects.child_of(self)
            .live()
            .public()
            .select_related("byline")
            .order_by("-first_published_at")
        )
        return context


class GuestPostForm(WagtailAdminPageForm):
    """Sets the byline from the author's linked profile: guests never choose whose name it bears.

    Also refuses images the author may not choose: the chooser only offers permitted ones,
    but a hand-made POST could name any image's id.
    """

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body is None or self.for_user is None:
            return cleaned
        image_ids = {
            block.value["image"].pk
            for block in body
            if block.block_type == "image" and block.value.get("image") is not None
        }
        if image_ids:
            policy = policy_registry.get_by_type(get_image_model())
            allowed = set(
                policy.instances_user_has_any_permission_for(self.for_user, ["choose"])
                .filter(pk__in=image_ids)
                .values_list("pk", flat=True)
            )
            if image_ids - allowed:
                self.add_error(
                    "body", "Choose images from the collections open to you, such as Guest uploads."
                )
        return cleaned

    @property
    def show_schedule_publishing_toggle(self):
        """Offer "Set schedule" only to those whose form has the schedule's fields."""
        return "go_live_at" in self.fields

    def save(self, commit=True):
        page = super().save(commit=False)
        if page.byline_id is None and self.for_user is not None:
            profile = GuestProfile.objects.filter(user=self.for_user).first()
            if profile is not None:
                page.byline_id = profile.blogger_id
        if commit:
            page.save()
            self.save_m2m()
        return page


class GuestPostPage(Page):
    """A post written by a guest blogger from the front line of a public service."""

    standfirst = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the title saying what the post argues.",
    )
    body = StreamField(GuestBodyBlock(), blank=True)
    byline = models.ForeignKey(
        "people.Blogger",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guest_posts",
        help_text="Set from the author's guest profile; editors may correct it.",
    )

    base_form_class = GuestPostForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("slug"),
        FieldPanel("standfirst"),
        FieldPanel("body"),
        # Only people who manage guest profiles see the byline; guests get theirs automatically.
        FieldPanel("byline", permission=EDITORIAL_PERMISSION),
    ]
    promote_panels = EDITORIAL_PROMOTE_PANELS
    settings_panels = [
        EditorialPublishingPanel(),
        *(
            panel
            for panel in Page.settings_panels
            if getattr(panel, "path", "") != "wagtail.admin.panels.PublishingPanel"
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]

    parent_page_types = ["guests.GuestSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = "guest post"

    def permissions_for_user(self, user):
        return GuestPostPermissionTester(user, self)


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
