"""Guest bloggers: their section, their posts, their link to a Blogger profile, the
invitations that bring them in and the shareable links that preview their drafts."""

from guests.models.accounts import (
    INVITATION_LIFETIME,
    PREVIEW_LINK_LIFETIME,
    GuestProfile,
    Invitation,
    PreviewLink,
    hash_token,
    new_token,
)
from guests.models.pages import GuestPostPage, GuestSectionPage

__all__ = [
    "INVITATION_LIFETIME",
    "PREVIEW_LINK_LIFETIME",
    "GuestPostPage",
    "GuestProfile",
    "GuestSectionPage",
    "Invitation",
    "PreviewLink",
    "hash_token",
    "new_token",
]
