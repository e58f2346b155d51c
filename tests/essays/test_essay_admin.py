"""The editor's path through the admin: creating parts, planning series, images without alt."""

import pytest

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from essays.factories import AuthorFactory
from essays.models import EssayPage, SeriesPage


def essay_form(**overrides) -> dict:
    data = {
        "title": "Why delivery matters",
        "slug": "why-delivery-matters",
        "author": "",
        "published_at": "",
        "standfirst": "Policy lives or dies in delivery.",
        "body": streamfield([("paragraph", rich_text("<p>Delivery is policy.</p>"))]),
        "tags": "Delivery",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "listing_summary": "",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.django_db
def test_editor_writes_and_publishes_an_essay_with_a_staff_byline(client, editor, essay_index):
    author = AuthorFactory(name="Jane Policy")
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/add/essays/essaypage/{essay_index.pk}/",
        essay_form(author=author.pk, **{"action-publish": "publish"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    essay = EssayPage.objects.get(slug="why-delivery-matters")
    assert essay.live and essay.author == author
    assert [t.name for t in essay.tags.all()] == ["Delivery"]
    html = client.get(essay.url).content.decode()
    assert "Jane Policy" in html and "Delivery is policy." in html


@pytest.mark.django_db
def test_image_without_alt_text_is_refused_and_the_form_keeps_what_was_typed(
    client, editor, essay_index
):
    image = Image.objects.create(title="Whitehall", file=get_test_image_file())
    client.force_login(editor)
    body = streamfield(
        [
            ("paragraph", rich_text("<p>Kept paragraph text.</p>")),
            ("image", {"image": image.pk, "alt_text": "", "caption": "Whitehall"}),
        ]
    )
    response = client.post(
        f"/admin/pages/add/essays/essaypage/{essay_index.pk}/",
        essay_form(body=body, standfirst="A standfirst worth keeping"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Add alt text describing the image" in html
    assert "A standfirst worth keeping" in html
    assert "Kept paragraph text." in html
    assert not EssayPage.objects.filter(slug="why-delivery-matters").exists()


@pytest.mark.django_db
def test_planning_fewer_parts_than_exist_is_refused_with_the_reason(client, editor, make_series):
    series, parts = make_series(planned=10, parts=4)
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{series.pk}/edit/",
        nested_form_data(
            {
                "title": series.title,
                "slug": series.slug,
                "introduction": rich_text("<p>Still the introduction.</p>"),
                "planned_parts": 3,
                "comments": inline_formset([]),
                "seo_title": "",
                "search_description": "",
                "listing_summary": "",
            }
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "already has 4 parts" in html
    assert "Still the introduction." in html
    assert SeriesPage.objects.get(pk=series.pk).planned_parts == 10


@pytest.mark.django_db
def test_a_part_beyond_the_planned_number_is_refused(client, editor, make_series):
    series, parts = make_series(planned=2, parts=2)
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/add/essays/essaypage/{series.pk}/", essay_form(slug="reason-three")
    )
    assert response.status_code == 200
    assert "plans 2 parts and already has 2" in response.content.decode()
    assert EssayPage.objects.child_of(series).count() == 2


@pytest.mark.django_db
def test_author_snippets_are_listed_for_editors(client, editor):
    AuthorFactory(name="Jane Policy", role="Director")
    client.force_login(editor)
    response = client.get("/admin/snippets/essays/author/")
    assert response.status_code == 200
    assert "Jane Policy" in response.content.decode()


@pytest.mark.django_db
def test_series_edit_form_lists_its_parts_with_edit_links(client, editor, make_series):
    series, parts = make_series(parts=3, live=[1, 3])
    client.force_login(editor)
    html = client.get(f"/admin/pages/{series.pk}/edit/").content.decode()
    for part in parts:
        assert f'href="/admin/pages/{part.pk}/edit/"' in html
    assert "not yet written" in html  # parts 4 to 10
    assert f'href="/admin/pages/add/essays/essaypage/{series.pk}/"' in html


@pytest.mark.django_db
def test_deleting_a_part_that_would_renumber_published_parts_is_refused(
    client, editor, make_series
):
    series, parts = make_series(parts=3, live=[1, 3])
    client.force_login(editor)
    response = client.post(f"/admin/pages/{parts[1].pk}/delete/", follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert EssayPage.objects.filter(pk=parts[1].pk).exists()
    EssayPage.objects.get(pk=parts[2].pk).unpublish()  # no published part after it now
    client.post(f"/admin/pages/{parts[1].pk}/delete/")
    assert not EssayPage.objects.filter(pk=parts[1].pk).exists()


@pytest.mark.django_db
def test_previewing_a_new_part_shows_the_number_it_will_take(client, editor, make_series):
    series, parts = make_series(title="Ten reasons", planned=10, parts=2)
    client.force_login(editor)
    preview_url = f"/admin/pages/add/essays/essaypage/{series.pk}/preview/"
    response = client.post(preview_url, essay_form(slug="reason-three"))
    assert response.json()["is_valid"]
    html = client.get(preview_url).content.decode()
    assert "Part 3 of 10" in html
    assert f'href="{parts[1].url}" rel="prev"' in html
    assert not EssayPage.objects.filter(slug="reason-three").exists()


@pytest.mark.django_db
def test_moving_a_part_out_from_before_published_parts_is_refused(
    client, editor, make_series, essay_index
):
    series, parts = make_series(parts=3, live=[1, 3])
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{parts[1].pk}/move/{essay_index.pk}/confirm/", follow=True
    )
    assert "cannot be moved out of the series" in response.content.decode()
    assert EssayPage.objects.get(pk=parts[1].pk).get_parent().pk == series.pk


@pytest.mark.django_db
def test_explorer_lists_a_series_parts_in_number_order(client, editor, make_series):
    series, parts = make_series(parts=3)
    parts[2].save_revision()  # the most recently edited part must not jump to the top
    client.force_login(editor)
    html = client.get(f"/admin/pages/{series.pk}/").content.decode()
    positions = [html.find(f"/admin/pages/{part.pk}/edit/") for part in parts]
    assert -1 not in positions and positions == sorted(positions)
