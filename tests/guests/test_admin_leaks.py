"""Six ways a guest once read other people's work through the admin, each asked again.

Guest A is signed in; guest B, and an editor, each have a draft (B's in the guest section,
the editor's one there and one essay), and an image and a document sit in a collection
guests have no rights on. Every request below is one a guest could type by hand.
"""

import json

import pytest

from django.urls import reverse

from wagtail.models import Page

# Whole titles, so a search form repeating the words typed does not count as a leak.
FOREIGN_TITLES = (
    "Bob draft marmoset",
    "Editor draft heronry",
    "Editor essay okapi",
    "Embargoed photo",
    "Confidential memo quokka",
)


def shows_foreign_work(response) -> list[str]:
    text = response.content.decode()
    return [title for title in FOREIGN_TITLES if title in text]


@pytest.fixture
def guest_client(client, world, foreign):
    client.force_login(world.guest_a)
    return client


@pytest.mark.django_db
def test_page_chooser_chosen_multiple_names_no_one_elses_draft(guest_client, world, foreign):
    ids = [world.draft_b.pk, foreign.editor_guest_draft.pk, foreign.editor_essay_draft.pk]
    query = "&".join(f"id={pk}" for pk in ids)
    response = guest_client.get(reverse("wagtailadmin_choose_page_chosen_multiple") + "?" + query)
    assert response.status_code in (403, 404) or json.loads(response.content)["result"] == []
    assert shows_foreign_work(response) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "app", "model"),
    [
        ("type_use", "guests", "guestpostpage"),
        ("type_use_results", "guests", "guestpostpage"),
        ("type_use", "wagtailcore", "page"),
        ("type_use", "essays", "essaypage"),
    ],
)
def test_page_type_usage_listing_is_refused(guest_client, name, app, model):
    response = guest_client.get(reverse(f"wagtailadmin_pages:{name}", args=[app, model]))
    assert response.status_code == 403
    assert shows_foreign_work(response) == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["wagtailadmin_explore", "wagtailadmin_explore_results"])
@pytest.mark.parametrize("whose", ["guest_b", "editor_guest", "editor_essay"])
def test_exploring_someone_elses_draft_is_refused(guest_client, world, foreign, name, whose):
    page = {
        "guest_b": world.draft_b,
        "editor_guest": foreign.editor_guest_draft,
        "editor_essay": foreign.editor_essay_draft,
    }[whose]
    response = guest_client.get(reverse(name, args=[page.pk]))
    assert response.status_code == 403
    assert shows_foreign_work(response) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "payload"),
    [("copy", "copy"), ("move", "move"), ("move", "move_next_to_b")],
)
def test_admin_api_cannot_copy_or_move_the_guests_own_draft(guest_client, world, action, payload):
    body = {
        "copy": {"destination_page_id": world.section.pk, "slug": "copied-by-api"},
        "move": {"destination_page_id": world.section.get_parent().pk},
        "move_next_to_b": {"destination_page_id": world.draft_b.pk, "position": "right"},
    }[payload]
    before = Page.objects.count()
    parent_before = world.draft_a.get_parent().pk
    response = guest_client.post(
        f"/admin/api/main/pages/{world.draft_a.pk}/action/{action}/",
        data=json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Page.objects.count() == before
    assert Page.objects.get(pk=world.draft_a.pk).get_parent().pk == parent_before


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_admin_api_says_nothing_of_images_or_documents_in_other_collections(
    guest_client, world, foreign, endpoint
):
    pk = world.other_image.pk if endpoint == "images" else foreign.other_document.pk
    for url in (f"/admin/api/main/{endpoint}/{pk}/", f"/admin/api/main/{endpoint}/"):
        response = guest_client.get(url)
        assert response.status_code == 403, url
        assert shows_foreign_work(response) == []


@pytest.mark.django_db
@pytest.mark.parametrize("word", ["marmoset", "heronry", "okapi"])
def test_admin_search_counts_only_the_guests_own_pages(guest_client, word):
    for name in ("wagtailadmin_pages:search", "wagtailadmin_pages:search_results"):
        response = guest_client.get(reverse(name), {"q": word})
        html = response.content.decode()
        assert response.status_code == 200
        assert "content_type=" not in html, "a page-type facet counted someone else's page"
        assert "All (0)" in html
        assert shows_foreign_work(response) == []


@pytest.mark.django_db
def test_admin_search_still_finds_the_guests_own_draft(guest_client):
    response = guest_client.get(reverse("wagtailadmin_pages:search_results"), {"q": "zebrafinch"})
    html = response.content.decode()
    assert "Alice draft zebrafinch" in html
    assert "All (1)" in html
