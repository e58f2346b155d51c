"""Who may do what in the admin: every role against every action, through HTTP.

Roles: anonymous, guest A, guest B, editor, admin. "A's draft" belongs to guest A,
"B's draft" to guest B. Each action returns True when the admin let it happen,
judged by the response and by what was stored.
"""

from io import BytesIO

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Page, Workflow

from guests.factories import GuestSectionPageFactory
from guests.models import GuestPostPage
from guests.roles import WORKFLOW_NAME
from people.models import Blogger
from tests.guests.helpers import add_url, edit_url, post_form, refused

ROLES = ("anonymous", "guest_a", "guest_b", "editor", "admin")


def allowed_get(client, url, follow=False) -> bool:
    """A 200 page, reached without being sent to the login page or back to the dashboard."""
    response = client.get(url, follow=follow)
    hops = [location for location, _ in getattr(response, "redirect_chain", [])]
    sent_away = any("/admin/login/" in hop or hop.rstrip("/").endswith("/admin") for hop in hops)
    return response.status_code == 200 and not refused(response) and not sent_away


def view_admin(client, w):
    return allowed_get(client, reverse("wagtailadmin_home"))


def create_in_guest_section(client, w):
    client.post(add_url(w.section), post_form("Brand new frontline post"))
    return GuestPostPage.objects.filter(title="Brand new frontline post").exists()


def create_elsewhere(client, w):
    """A post under another section-like page the guest group has no permission on."""
    home = w.section.get_parent()
    elsewhere = GuestSectionPageFactory(parent=home, title="Archive", slug="archive")
    client.post(add_url(elsewhere), post_form("Post in the archive"))
    return GuestPostPage.objects.child_of(elsewhere).filter(title="Post in the archive").exists()


def edit_draft(owner):
    def action(client, w):
        page = getattr(w, f"draft_{owner}")
        client.post(edit_url(page), post_form("Edited title", slug=page.slug))
        page.refresh_from_db()
        return page.get_latest_revision_as_object().title == "Edited title"

    return action


def preview_draft(owner):
    def action(client, w):
        page = getattr(w, f"draft_{owner}")
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        return response.status_code == 200 and page.title in response.content.decode()

    return action


def explorer_shows_b_draft(client, w):
    response = client.get(reverse("wagtailadmin_explore", args=[w.section.pk]))
    return response.status_code == 200 and "marmoset" in response.content.decode()


def admin_search_shows_b_draft(client, w):
    response = client.get(reverse("wagtailadmin_pages:search") + "?q=marmoset")
    return response.status_code == 200 and "Bob draft marmoset" in response.content.decode()


def site_history_shows_b_draft(client, w):
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    return response.status_code == 200 and "marmoset" in response.content.decode()


def admin_api_shows_b_draft(client, w):
    detail = client.get(f"/admin/api/main/pages/{w.draft_b.pk}/")
    search = client.get("/admin/api/main/pages/?search=marmoset")
    return any(r.status_code == 200 and "marmoset" in r.content.decode() for r in (detail, search))


def bulk_action_names_b_draft(client, w):
    response = client.get(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={w.draft_b.pk}"
    )
    return response.status_code == 200 and "marmoset" in response.content.decode()


def submit_a_draft(client, w):
    client.post(
        edit_url(w.draft_a),
        {**post_form(w.draft_a.title, slug=w.draft_a.slug), "action-submit": "1"},
    )
    return Page.objects.get(pk=w.draft_a.pk).workflow_in_progress


def publish_button_on_a_draft(client, w):
    response = client.get(edit_url(w.draft_a))
    return response.status_code == 200 and 'name="action-publish"' in response.content.decode()


def forged_publish_a_draft(client, w):
    client.post(
        edit_url(w.draft_a),
        {**post_form(w.draft_a.title, slug=w.draft_a.slug), "action-publish": "1"},
    )
    return Page.objects.get(pk=w.draft_a.pk).live


def unpublish_a_post(client, w):
    client.post(reverse("wagtailadmin_pages:unpublish", args=[w.post_a.pk]))
    return not Page.objects.get(pk=w.post_a.pk).live


def delete_a_post(client, w):
    client.post(reverse("wagtailadmin_pages:delete", args=[w.post_a.pk]))
    return not Page.objects.filter(pk=w.post_a.pk).exists()


def delete_a_draft(client, w):
    client.post(reverse("wagtailadmin_pages:delete", args=[w.draft_a.pk]))
    return not Page.objects.filter(pk=w.draft_a.pk).exists()


def approve_a_task(client, w):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    state = workflow.start(w.draft_a, w.guest_a)
    task_state = state.current_task_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[w.draft_a.pk, "approve", task_state.pk],
        ),
        {"comment": "Looks good"},
    )
    task_state.refresh_from_db()
    return task_state.status == "approved" and Page.objects.get(pk=w.draft_a.pk).live


def edit_a_snippet(client, w):
    """Repoint guest A's profile (a snippet) at guest B's blogger."""
    profile = w.guest_a.guest_profile
    other_blogger = Blogger.objects.create(name="Someone else", slug="someone-else")
    client.post(
        reverse("wagtailsnippets_guests_guestprofile:edit", args=[profile.pk]),
        {"user": w.guest_a.pk, "blogger": other_blogger.pk},
    )
    profile.refresh_from_db()
    return profile.blogger_id == other_blogger.pk


def create_guest_profile(client, w):
    return allowed_get(client, reverse("wagtailsnippets_guests_guestprofile:add"))


def invite_guest(client, w):
    return allowed_get(client, reverse("guests_invitation_modeladmin_create"))


def png(name="photo.png", size=(8, 8)) -> SimpleUploadedFile:
    buffer = BytesIO()
    PILImage.new("RGB", size, "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def upload_outside_guest_collection(client, w):
    client.post(
        reverse("wagtailimages:add"),
        {"title": "Smuggled", "file": png(), "collection": w.other_collection.pk, "tags": ""},
    )
    return (
        get_image_model().objects.filter(title="Smuggled", collection=w.other_collection).exists()
    )


def upload_into_guest_collection(client, w):
    client.post(
        reverse("wagtailimages:add"),
        {"title": "Ward photo", "file": png(), "collection": w.guest_collection.pk, "tags": ""},
    )
    return get_image_model().objects.filter(title="Ward photo").exists()


def image_chooser_lists_other_collection(client, w):
    response = client.get(reverse("wagtailimages_chooser:choose"))
    return response.status_code == 200 and "Embargoed photo" in response.content.decode()


def choose_image_from_other_collection(client, w):
    response = client.get(reverse("wagtailimages_chooser:chosen", args=[w.other_image.pk]))
    return response.status_code == 200 and "Embargoed photo" in response.content.decode()


def preview_image_from_other_collection(client, w):
    response = client.get(reverse("wagtailimages:preview", args=[w.other_image.pk, "original"]))
    return response.status_code == 200


def forge_other_collection_image_into_body(client, w):
    body = [
        ("image", {"image": w.other_image.pk, "alt_text": "x", "decorative": False, "caption": ""})
    ]
    client.post(edit_url(w.draft_a), post_form("With image", body=body, slug=w.draft_a.slug))
    revision = Page.objects.get(pk=w.draft_a.pk).specific.get_latest_revision_as_object()
    return any(block.block_type == "image" for block in revision.body)


def page_view(name, args_of):
    def action(client, w):
        url = reverse(f"wagtailadmin_pages:{name}", args=args_of(w))
        return allowed_get(client, url, follow=True)

    action.__name__ = name
    return action


def revisions_compare(client, w):
    revision = w.draft_a.get_latest_revision()
    url = reverse(
        "wagtailadmin_pages:revisions_compare", args=[w.draft_a.pk, "earliest", revision.pk]
    )
    return allowed_get(client, url)


def move_a_draft(client, w):
    home = w.section.get_parent()
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[w.draft_a.pk, home.pk]))
    opened = allowed_get(client, reverse("wagtailadmin_pages:move", args=[w.draft_a.pk]))
    return opened or Page.objects.get(pk=w.draft_a.pk).get_parent().pk != w.section.pk


def copy_a_draft(client, w):
    before = Page.objects.count()
    client.post(
        reverse("wagtailadmin_pages:copy", args=[w.draft_a.pk]),
        {"new_title": "Copied", "new_slug": "copied", "new_parent_page": w.section.pk},
    )
    opened = allowed_get(client, reverse("wagtailadmin_pages:copy", args=[w.draft_a.pk]))
    return opened or Page.objects.count() > before


# action: (anonymous, guest A, guest B, editor, admin); "y" allowed, "-" refused.
MATRIX = {
    "view the admin": (view_admin, "-yyyy"),
    "create in the guest section": (create_in_guest_section, "-yyyy"),
    "create elsewhere": (create_elsewhere, "---yy"),
    "edit A's draft": (edit_draft("a"), "-y-yy"),
    "edit B's draft": (edit_draft("b"), "--yyy"),
    "preview A's draft": (preview_draft("a"), "-y-yy"),
    "preview B's draft": (preview_draft("b"), "--yyy"),
    "see B's draft in the explorer": (explorer_shows_b_draft, "--yyy"),
    "see B's draft in admin search": (admin_search_shows_b_draft, "--yyy"),
    "see B's draft in the site history report": (site_history_shows_b_draft, "---yy"),
    "read B's draft through the admin API": (admin_api_shows_b_draft, "--yyy"),
    "see B's draft named by a bulk action": (bulk_action_names_b_draft, "--yyy"),
    "submit A's draft for moderation": (submit_a_draft, "-y-yy"),
    "see a publish button on A's draft": (publish_button_on_a_draft, "---yy"),
    "forged publish POST on A's draft": (forged_publish_a_draft, "---yy"),
    "unpublish A's post": (unpublish_a_post, "---yy"),
    "delete A's published post": (delete_a_post, "---yy"),
    "delete A's draft": (delete_a_draft, "-y-yy"),
    "approve a moderation task": (approve_a_task, "---yy"),
    "edit a snippet (a guest profile)": (edit_a_snippet, "---yy"),
    "create a guest profile": (create_guest_profile, "---yy"),
    "invite a guest": (invite_guest, "---yy"),
    "upload an image outside Guest uploads": (upload_outside_guest_collection, "---yy"),
    "upload an image into Guest uploads": (upload_into_guest_collection, "-yyyy"),
    "list another collection's images in the chooser": (
        image_chooser_lists_other_collection,
        "---yy",
    ),
    "choose an image from another collection": (choose_image_from_other_collection, "---yy"),
    "preview an image from another collection": (preview_image_from_other_collection, "---yy"),
    "forge another collection's image into a body": (
        forge_other_collection_image_into_body,
        "---yy",
    ),
    "view A's draft history": (page_view("history", lambda w: [w.draft_a.pk]), "-y-yy"),
    "view A's draft revisions": (
        page_view("revisions_index", lambda w: [w.draft_a.pk]),
        "-y-yy",
    ),
    "view one revision of A's draft": (
        page_view("revisions_view", lambda w: [w.draft_a.pk, w.draft_a.get_latest_revision().pk]),
        "-y-yy",
    ),
    "compare revisions of A's draft": (revisions_compare, "-y-yy"),
    "view A's workflow history": (
        page_view("workflow_history", lambda w: [w.draft_a.pk]),
        "-y-yy",
    ),
    "view A's draft usage": (page_view("usage", lambda w: [w.draft_a.pk]), "-y-yy"),
    "copy A's draft": (copy_a_draft, "---yy"),
    "move A's draft": (move_a_draft, "---yy"),
    "reach users": (lambda c, w: allowed_get(c, reverse("wagtailusers_users:index")), "----y"),
    "reach groups": (lambda c, w: allowed_get(c, reverse("wagtailusers_groups:index")), "----y"),
    "reach workflows": (
        lambda c, w: allowed_get(c, reverse("wagtailadmin_workflows:index")),
        "----y",
    ),
    "reach site settings": (
        lambda c, w: allowed_get(
            c, reverse("wagtailsettings:edit", args=["core", "sitesettings"]), True
        ),
        "---yy",
    ),
}

CASES = [
    pytest.param(action, role, expected[i] == "y", id=f"{name} | {role}")
    for name, (action, expected) in MATRIX.items()
    for i, role in enumerate(ROLES)
]


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "role", "expected"), CASES)
def test_permission_matrix(client, world, editor, admin_user, action, role, expected):
    users = {
        "guest_a": world.guest_a,
        "guest_b": world.guest_b,
        "editor": editor,
        "admin": admin_user,
    }
    if role != "anonymous":
        client.force_login(users[role])
    assert action(client, world) is expected
