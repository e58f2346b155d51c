"""The permission matrix, continued: the admin's back doors a guest once walked through, and
the actions the admin offers on a guest's draft, for every role through HTTP.

Same roles and reading as `test_permission_matrix`: "A's draft" belongs to guest A, "B's
draft" to guest B; the editors' drafts (one in the guest section, one essay) and a document
and image in a collection guests have no rights on come from the `foreign` fixture.
"""

import json

import pytest

from django.urls import reverse

from wagtail.models import Page

from tests.guests.helpers import edit_url
from tests.guests.test_permission_matrix import ROLES, allowed_get


def chosen_multiple_names_b_draft(client, w):
    url = reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={w.draft_b.pk}"
    response = client.get(url)
    return response.status_code == 200 and "Bob draft marmoset" in response.content.decode()


def chosen_multiple_names_editor_drafts(client, w):
    ids = [w.foreign.editor_guest_draft.pk, w.foreign.editor_essay_draft.pk]
    url = (
        reverse("wagtailadmin_choose_page_chosen_multiple")
        + "?"
        + "&".join(f"id={pk}" for pk in ids)
    )
    response = client.get(url)
    html = response.content.decode()
    return response.status_code == 200 and "heronry" in html and "okapi" in html


def guest_posts_by_type(client, w):
    url = reverse("wagtailadmin_pages:type_use", args=["guests", "guestpostpage"])
    response = client.get(url)
    return response.status_code == 200 and "marmoset" in response.content.decode()


def explore_page(which):
    def action(client, w):
        page = w.draft_b if which == "b" else w.foreign.editor_essay_draft
        response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
        return response.status_code == 200 and page.title in response.content.decode()

    return action


def api_action_on_a_draft(action_name):
    """Copy A's draft into the section, or move it to after B's, through the admin API."""

    def action(client, w):
        body = {
            "copy": {"destination_page_id": w.section.pk, "slug": "copied-through-the-api"},
            "move": {"destination_page_id": w.draft_b.pk, "position": "right"},
        }[action_name]
        path_before = Page.objects.get(pk=w.draft_a.pk).path
        client.post(
            f"/admin/api/main/pages/{w.draft_a.pk}/action/{action_name}/",
            data=json.dumps(body),
            content_type="application/json",
        )
        if action_name == "copy":
            return Page.objects.filter(slug="copied-through-the-api").exists()
        return Page.objects.get(pk=w.draft_a.pk).path != path_before

    return action


def api_reads(kind):
    def action(client, w):
        obj = w.other_image if kind == "images" else w.foreign.other_document
        response = client.get(f"/admin/api/main/{kind}/{obj.pk}/")
        return response.status_code == 200 and obj.title in response.content.decode()

    return action


def search_counts_b_draft(client, w):
    """Admin search for a word only in B's title: any count or page-type facet gives it away."""
    response = client.get(reverse("wagtailadmin_pages:search_results"), {"q": "marmoset"})
    html = response.content.decode()
    return response.status_code == 200 and ("All (1)" in html or "content_type=" in html)


def edit_page_offers(marker):
    def action(client, w):
        response = client.get(edit_url(w.draft_a))
        return response.status_code == 200 and marker(w) in response.content.decode()

    return action


def listing_offers(url_name):
    """The section's listing offers this action (a link to its view) on A's draft."""

    def action(client, w):
        response = client.get(reverse("wagtailadmin_explore", args=[w.section.pk]))
        link = reverse(f"wagtailadmin_pages:{url_name}", args=[w.draft_a.pk])
        return response.status_code == 200 and link in response.content.decode()

    return action


# action: (anonymous, guest A, guest B, editor, admin); "y" allowed, "-" refused.
MATRIX = {
    "chosen-multiple names B's draft": (chosen_multiple_names_b_draft, "--yyy"),
    "chosen-multiple names editors' drafts": (chosen_multiple_names_editor_drafts, "---yy"),
    "list guest posts by page type (usage)": (guest_posts_by_type, "---yy"),
    "explore B's draft": (explore_page("b"), "--yyy"),
    "explore an editor's essay draft": (explore_page("essay"), "---yy"),
    "copy A's draft through the admin API": (api_action_on_a_draft("copy"), "---yy"),
    "move A's draft through the admin API": (api_action_on_a_draft("move"), "---yy"),
    "read another collection's image through the admin API": (api_reads("images"), "---yy"),
    "read another collection's document through the admin API": (
        api_reads("documents"),
        "---yy",
    ),
    "admin search counts B's draft": (search_counts_b_draft, "--yyy"),
    "offered the Promote tab on A's draft": (
        edit_page_offers(lambda w: 'id="tab-label-promote"'),
        "---yy",
    ),
    "offered a publishing schedule on A's draft": (
        edit_page_offers(lambda w: 'name="go_live_at"'),
        "---yy",
    ),
    "offered Move on A's draft in the listing": (listing_offers("move"), "---yy"),
    "offered Copy on A's draft in the listing": (listing_offers("copy"), "---yy"),
    "offered Move on A's draft while editing": (
        edit_page_offers(lambda w: reverse("wagtailadmin_pages:move", args=[w.draft_a.pk])),
        "---yy",
    ),
    "offered Copy on A's draft while editing": (
        edit_page_offers(lambda w: reverse("wagtailadmin_pages:copy", args=[w.draft_a.pk])),
        "---yy",
    ),
    "reach the page-types usage report": (
        lambda c, w: allowed_get(c, reverse("wagtailadmin_reports:page_types_usage")),
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
def test_permission_matrix_at_the_admin_boundary(
    client, world, foreign, editor, admin_user, action, role, expected
):
    world.foreign = foreign  # the editors' drafts and the other collection's document
    users = {
        "guest_a": world.guest_a,
        "guest_b": world.guest_b,
        "editor": editor,
        "admin": admin_user,
    }
    if role != "anonymous":
        client.force_login(users[role])
    assert action(client, world) is expected
