"""What a guest is not offered on their own posts, so the admin shows only what they may do.

Wagtail draws its page menus (the header's "…" menu, the listing's "More" buttons, the
footer's actions) from the page's permission tester, so a tester that says no to moving,
copying, locking, privacy and unscheduling removes those actions everywhere at once and
refuses them in the views and the admin API too. The Promote tab and the publishing schedule
are panels shown only to holders of an editorial permission, which guests never have; the
post's address moves to the Content tab, where the title fills it in as usual.
"""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.models import PagePermissionTester

from guests.permissions import is_guest_only

# Editors and administrators hold it (Editors get every permission of this app); guests
# never do. Panels carrying it are left out of a guest's form altogether.
EDITORIAL_PERMISSION = "guests.change_guestprofile"


class GuestPostPermissionTester(PagePermissionTester):
    """Wagtail's answers, except that a guest may not move, copy, lock, unlock, restrict or
    unschedule even the posts they own: the page stays where editors put it, one copy, open
    to readers once published."""

    def _refused_for_guest(self) -> bool:
        return is_guest_only(self.user)

    def can_move(self):
        return not self._refused_for_guest() and super().can_move()

    def can_copy(self):
        return not self._refused_for_guest() and super().can_copy()

    def can_lock(self):
        return not self._refused_for_guest() and super().can_lock()

    def can_unlock(self):
        return not self._refused_for_guest() and super().can_unlock()

    def can_set_view_restrictions(self):
        return not self._refused_for_guest() and super().can_set_view_restrictions()

    def can_unschedule(self):
        return not self._refused_for_guest() and super().can_unschedule()


def editorial(*field_names: str) -> list[FieldPanel]:
    return [FieldPanel(name, permission=EDITORIAL_PERMISSION) for name in field_names]


# Wagtail's Promote tab, field for field, for editors only: search and menu settings are
# the editors' call. The address (slug) sits on the Content tab, under the title it follows.
EDITORIAL_PROMOTE_PANELS = [
    MultiFieldPanel(editorial("seo_title", "search_description"), heading="For search engines"),
    MultiFieldPanel(editorial("show_in_menus"), heading="For site menus"),
]


class EditorialPublishingPanel(PublishingPanel):
    """The go-live and expiry schedule, for editors only: guests cannot publish, so a date
    they set would only surprise the editor who approves the post."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for child in self.children:
            child.permission = EDITORIAL_PERMISSION
