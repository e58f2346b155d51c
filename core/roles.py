"""The site's roles: the groups Editors and Guest bloggers and what they may do.

Idempotent: run after every migrate (post_migrate), by `manage.py setup_roles`
and by `load_demo_content`. Apps with their own needs add a `roles.py` with a
`configure(editors, guests)` function; it runs after the base set-up here.

Workflows are deliberate: editors publish directly, and a page goes through moderation
only where a workflow is assigned to its section (the guest section's "Editorial
review"). Wagtail's installation assigns its sample "Moderators approval" workflow to
the whole tree, which would offer editors "Submit to Moderators approval" beside
Publish everywhere; that assignment is removed here (the workflow itself stays, for an
administrator to assign to a section under Settings › Workflows).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.admin.models import Admin
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    WorkflowPage,
)

from core.discovery import app_modules

EDITORS = "Editors"
GUESTS = "Guest bloggers"

# Apps whose models editors manage in full (snippets, settings, images, documents).
EDITOR_APPS = (
    "core",
    "people",
    "essays",
    "roundups",
    "guests",
    "wagtailimages",
    "wagtaildocs",
    "wagtailsearchpromotions",
    "wagtailredirects",
    "taggit",
)
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# The sample workflow Wagtail's migrations assign to the root page.
WAGTAIL_SAMPLE_WORKFLOW = "Moderators approval"


def setup_roles() -> tuple[Group, Group]:
    """Create or update the Editors and Guest bloggers groups; return them."""
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    guests, _ = Group.objects.get_or_create(name=GUESTS)
    # Wagtail's admin-access permission comes from a data migration; a flushed database
    # (transactional tests) lacks it until recreated here.
    access_admin, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Admin, for_concrete_model=False),
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )

    model_permissions = Permission.objects.filter(content_type__app_label__in=EDITOR_APPS)
    editors.permissions.add(access_admin, *model_permissions)

    root = Page.get_first_root_node()
    if root is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        collection_root = Collection.get_first_root_node()
        if collection_root is not None:
            for permission in Permission.objects.filter(
                content_type__app_label__in=("wagtailimages", "wagtaildocs"),
                codename__regex=r"^(add|change|choose|delete)_",
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=editors, collection=collection_root, permission=permission
                )

    guests.permissions.add(access_admin)
    if root is not None:
        WorkflowPage.objects.filter(page=root, workflow__name=WAGTAIL_SAMPLE_WORKFLOW).delete()

    for module in app_modules("roles"):
        if module.__name__ != __name__ and hasattr(module, "configure"):
            module.configure(editors, guests)
    return editors, guests
