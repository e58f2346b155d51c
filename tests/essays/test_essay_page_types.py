import pytest

from wagtail.models import Page

from essays.factories import (
    AuthorFactory,
    EssayIndexPageFactory,
    EssayPageFactory,
    SeriesPageFactory,
)
from essays.models import EssayIndexPage, EssayPage, SeriesPage
from home.models import HomePage


def test_essay_index_lives_only_under_the_home_page_once():
    assert EssayIndexPage.allowed_parent_page_models() == [HomePage]
    assert EssayIndexPage.max_count == 1
    assert set(EssayIndexPage.allowed_subpage_models()) == {EssayPage, SeriesPage}


def test_series_lives_under_the_index_and_holds_only_essays():
    assert SeriesPage.allowed_parent_page_models() == [EssayIndexPage]
    assert SeriesPage.allowed_subpage_models() == [EssayPage]


def test_essays_live_under_the_index_or_a_series_and_have_no_children():
    assert set(EssayPage.allowed_parent_page_models()) == {EssayIndexPage, SeriesPage}
    assert EssayPage.allowed_subpage_models() == []


@pytest.mark.django_db
def test_an_essay_cannot_be_created_under_the_home_page(home_page):
    assert not EssayPage.can_create_at(home_page)
    assert not SeriesPage.can_create_at(home_page)


@pytest.mark.django_db
def test_every_page_type_previews(home_page):
    index = EssayIndexPageFactory(parent=home_page)
    series = SeriesPageFactory(parent=index)
    essay = EssayPageFactory(parent=series, author=AuthorFactory(name="Ann Author"))
    for page in (index, series, essay):
        response = page.make_preview_request()
        assert response.status_code == 200, page
    assert "Ann Author" in essay.make_preview_request().content.decode()


@pytest.mark.django_db
def test_editor_sees_the_essay_types_in_the_add_page_choices(client, editor, home_page):
    index = EssayIndexPageFactory(parent=home_page)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{index.pk}/add_subpage/").content.decode()
    assert "essay series" in html.lower() and "/add/essays/essaypage/" in html
    assert Page.objects.type(EssayIndexPage).count() == 1
