import pytest

from django.test import RequestFactory

from wagtail.models import Page

from home.models import HomePage
from people.factories import (
    BloggerFactory,
    BloggerIndexPageFactory,
    OfficialFactory,
    OfficialIndexPageFactory,
)
from people.models import BloggerIndexPage, OfficialIndexPage

DIRECTORIES = [BloggerIndexPage, OfficialIndexPage]


@pytest.mark.parametrize("page_type", DIRECTORIES)
def test_directories_live_only_under_the_home_page_and_have_no_children(page_type):
    assert page_type.allowed_parent_page_models() == [HomePage]
    assert page_type.allowed_subpage_models() == []
    assert page_type.max_count == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page_type", "factory"),
    [(BloggerIndexPage, BloggerIndexPageFactory), (OfficialIndexPage, OfficialIndexPageFactory)],
)
def test_only_one_of_each_directory_can_be_created(home_page, page_type, factory):
    assert page_type.can_create_at(home_page)
    factory(parent=home_page)
    assert not page_type.can_create_at(home_page)
    other = home_page.add_child(instance=Page(title="Elsewhere", slug="elsewhere"))
    assert not page_type.can_create_at(other)


@pytest.mark.django_db
@pytest.mark.parametrize("factory", [BloggerIndexPageFactory, OfficialIndexPageFactory])
def test_directories_preview_in_the_admin(client, admin_user, home_page, factory):
    page = factory(parent=home_page, introduction="<p>Preview me</p>")
    BloggerFactory()
    OfficialFactory()
    request = RequestFactory().get("/")
    request.user = admin_user
    response = page.make_preview_request(request, page.default_preview_mode)
    assert response.status_code == 200
    response.render()
    assert "Preview me" in response.content.decode()


@pytest.mark.django_db
def test_editor_adds_the_blogger_directory_through_the_admin(client, editor, home_page):
    from django.urls import reverse

    from wagtail.test.utils.form_data import nested_form_data, rich_text

    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("people", "bloggerindexpage", home_page.pk)),
        nested_form_data(
            {
                "title": "Bloggers",
                "slug": "bloggers",
                "introduction": rich_text("<p>Our frontline bloggers.</p>"),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302
    assert BloggerIndexPage.objects.live().get().url == "/bloggers/"
    assert "Our frontline bloggers." in client.get("/bloggers/").content.decode()
