"""A guest section with two guests, their drafts and posts, and images in two collections."""

from dataclasses import dataclass

import pytest
import wagtail_factories

from django.contrib.auth.models import Group

from wagtail.models import Collection, Page

from core.roles import GUESTS, setup_roles
from guests.factories import GuestPostPageFactory, GuestSectionPageFactory
from guests.models import GuestProfile
from guests.roles import GUEST_COLLECTION
from people.models import Blogger


@dataclass
class GuestWorld:
    section: Page
    guest_a: object
    guest_b: object
    draft_a: Page
    draft_b: Page
    post_a: Page
    guest_image: object
    other_image: object
    other_collection: Collection
    guest_collection: Collection


def make_guest(django_user_model, username: str, name: str):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw", first_name=name
    )
    user.groups.add(Group.objects.get(name=GUESTS))
    blogger = Blogger.objects.create(name=name, slug=username, role="works on a ward")
    GuestProfile.objects.create(user=user, blogger=blogger)
    return user


def make_draft(section, owner, title: str):
    page = GuestPostPageFactory.build(title=title, owner=owner, live=False)
    section.add_child(instance=page)
    page.byline = owner.guest_profile.blogger
    page.save_revision(user=owner)
    return page


@pytest.fixture
def section(home_page):
    page = GuestSectionPageFactory(parent=home_page)
    setup_roles()
    return page


@pytest.fixture
def world(section, django_user_model) -> GuestWorld:
    guest_a = make_guest(django_user_model, "guest-a", "Alice Ward")
    guest_b = make_guest(django_user_model, "guest-b", "Bob Beat")
    draft_a = make_draft(section, guest_a, "Alice draft zebrafinch")
    draft_b = make_draft(section, guest_b, "Bob draft marmoset")
    post_a = make_draft(section, guest_a, "Alice published post")
    post_a.get_latest_revision().publish()
    post_a.refresh_from_db()
    guest_collection = Collection.objects.get(name=GUEST_COLLECTION)
    other_collection = Collection.get_first_root_node().add_child(name="Editorial photos")
    guest_image = wagtail_factories.ImageFactory(
        title="Guest ward photo", collection=guest_collection, uploaded_by_user=guest_a
    )
    other_image = wagtail_factories.ImageFactory(
        title="Embargoed photo", collection=other_collection
    )
    return GuestWorld(
        section=section,
        guest_a=guest_a,
        guest_b=guest_b,
        draft_a=draft_a,
        draft_b=draft_b,
        post_a=post_a,
        guest_image=guest_image,
        other_image=other_image,
        other_collection=other_collection,
        guest_collection=guest_collection,
    )


@dataclass
class ForeignWork:
    """What guest A must never see: editors' drafts and a document outside any guest collection."""

    editor_guest_draft: Page
    editor_essay_draft: Page
    other_document: object


@pytest.fixture
def foreign(world, editor) -> ForeignWork:
    from essays.factories import EssayIndexPageFactory, EssayPageFactory

    home = world.section.get_parent()
    editor_guest_draft = GuestPostPageFactory.build(
        title="Editor draft heronry", owner=editor, live=False
    )
    world.section.add_child(instance=editor_guest_draft)
    editor_guest_draft.save_revision(user=editor)
    essays = EssayIndexPageFactory(parent=home)
    editor_essay_draft = EssayPageFactory.build(
        title="Editor essay okapi", owner=editor, live=False
    )
    essays.add_child(instance=editor_essay_draft)
    editor_essay_draft.save_revision(user=editor)
    other_document = wagtail_factories.DocumentFactory(
        title="Confidential memo quokka", collection=world.other_collection
    )
    return ForeignWork(
        editor_guest_draft=editor_guest_draft,
        editor_essay_draft=editor_essay_draft,
        other_document=other_document,
    )
