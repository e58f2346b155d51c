"""The guest section and guest posts as readers and guests meet them."""

import re
from io import StringIO

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from core.roles import GUESTS, setup_roles
from guests.factories import GuestPostPageFactory, GuestSectionPageFactory
from guests.models import GuestPostPage, GuestProfile, GuestSectionPage
from home.models import HomePage
from people.models import Blogger
from tests.guests.helpers import add_url, post_form


def test_guest_posts_live_only_in_the_guest_section_and_have_no_children():
    assert GuestPostPage.allowed_parent_page_models() == [GuestSectionPage]
    assert GuestPostPage.allowed_subpage_models() == []
    assert GuestSectionPage.allowed_parent_page_models() == [HomePage]
    assert GuestSectionPage.allowed_subpage_models() == [GuestPostPage]
    assert GuestSectionPage.max_count == 1


@pytest.mark.django_db
def test_a_second_guest_section_cannot_be_created(home_page):
    GuestSectionPageFactory(parent=home_page)
    assert not GuestSectionPage.can_create_at(home_page)


@pytest.mark.django_db
def test_byline_comes_from_the_guests_profile_and_cannot_be_forged(client, world):
    someone_else = Blogger.objects.create(name="Dr Grumble", slug="dr-grumble")
    client.force_login(world.guest_b)
    client.post(
        add_url(world.section), post_form("My own words", slug="own", byline=someone_else.pk)
    )
    page = GuestPostPage.objects.get(slug="own")
    assert page.byline == world.guest_b.guest_profile.blogger
    assert 'name="byline"' not in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


@pytest.mark.django_db
def test_editor_sees_and_may_correct_the_byline(client, world, editor):
    client.force_login(editor)
    html = client.get(f"/admin/pages/{world.draft_a.pk}/edit/").content.decode()
    assert 'name="byline"' in html


@pytest.mark.django_db
def test_section_lists_published_posts_with_byline_and_date_but_no_drafts(client, world):
    html = client.get(world.section.get_url()).content.decode()
    assert "Alice published post" in html
    assert "By Alice Ward, works on a ward" in html
    assert "zebrafinch" not in html and "marmoset" not in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_post_page_shows_title_standfirst_and_byline(client, world):
    html = client.get(world.post_a.get_url()).content.decode()
    assert "<h1>Alice published post</h1>" in html
    assert "What the front line knows that policy forgets." in html
    assert "By Alice Ward, who works on a ward" in html
    assert "Draft preview" not in html and "noindex" not in html


@pytest.mark.django_db
def test_post_byline_separates_the_role_from_the_date(client, world):
    html = client.get(world.post_a.get_url()).content.decode()
    byline = html[html.index('class="meta guest-post__byline"') :].split("</p>")[0]
    assert re.search(r'who works on a ward\s*<span aria-hidden="true"> · </span><time ', byline)


@pytest.mark.django_db
def test_drafts_are_not_public(client, world):
    assert client.get("/from-the-frontline/" + world.draft_a.slug + "/").status_code == 404


def publish_posts(section, owner, count: int) -> None:
    for number in range(count):
        page = GuestPostPageFactory.build(owner=owner, title=f"Post {number}")
        section.add_child(instance=page)
        page.byline = owner.guest_profile.blogger
        page.save_revision().publish()


@pytest.mark.django_db
def test_section_renders_in_the_same_number_of_queries_for_many_posts(
    client, world, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(world.section.get_url())  # warm caches (site root, settings)
    with CaptureQueriesContext(connection) as small:
        client.get(world.section.get_url())
    small_count = len(small.captured_queries)
    publish_posts(world.section, world.guest_a, 25)
    client.get(world.section.get_url())  # warm again: publishing renews the menu
    with django_assert_max_num_queries(small_count):
        html = client.get(world.section.get_url()).content.decode()
    assert "Post 24" in html


@pytest.mark.django_db
def test_post_renders_in_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    client.get(world.post_a.get_url())
    with django_assert_max_num_queries(20):
        client.get(world.post_a.get_url())


@pytest.mark.django_db
def test_roles_give_guests_add_only_on_the_section_and_repair_extra_grants(world):
    guests = Group.objects.get(name=GUESTS)
    change = Permission.objects.get(codename="change_page", content_type__app_label="wagtailcore")
    GroupPagePermission.objects.create(group=guests, page=world.section, permission=change)
    setup_roles()
    grants = set(
        GroupPagePermission.objects.filter(group=guests).values_list("page", "permission__codename")
    )
    assert grants == {(world.section.pk, "add_page")}
    collections = set(
        GroupCollectionPermission.objects.filter(group=guests).values_list(
            "collection__name", "permission__codename"
        )
    )
    assert collections == {("Guest uploads", "add_image"), ("Guest uploads", "choose_image")}
    assert list(guests.permissions.values_list("codename", flat=True)) == ["access_admin"]


@pytest.mark.django_db
def test_demo_links_the_guest_and_submits_one_draft_once():
    call_command("load_demo_content", password="demo-pass", stdout=StringIO())
    call_command("load_demo_content", password="demo-pass", stdout=StringIO())
    section = GuestSectionPage.objects.get()
    assert section.show_in_menus and section.live
    profile = GuestProfile.objects.get(user__username="guest")
    assert profile.blogger.slug == "grace-guest"
    drafts = GuestPostPage.objects.child_of(section).filter(owner=profile.user)
    assert drafts.count() == 1
    draft = drafts.get()
    assert not draft.live and draft.workflow_in_progress
    assert draft.workflow_states.count() == 1
    assert section.get_workflow().name == "Editorial review"
    assert Page.objects.type(GuestSectionPage).count() == 1


@pytest.mark.django_db
def test_guest_is_not_offered_move_or_copy_for_their_own_draft(client, world, editor):
    from django.urls import reverse

    move = reverse("wagtailadmin_pages:move", args=[world.draft_a.pk])
    copy = reverse("wagtailadmin_pages:copy", args=[world.draft_a.pk])
    explorer = reverse("wagtailadmin_explore", args=[world.section.pk])
    client.force_login(world.guest_a)
    html = client.get(explorer).content.decode()
    assert world.draft_a.title in html
    assert move not in html and copy not in html
    client.force_login(editor)
    html = client.get(explorer).content.decode()
    assert move in html and copy in html
