"""WordPress's theme unit test export: counts by kind, what stays private, comments."""

import pytest

from wagtail.images import get_image_model
from wagtail.models import Page

from drafting.models import Comment
from essays.models import EssayPage
from home.models import ContentPage
from tests.wordpress.conftest import report_row

pytestmark = pytest.mark.django_db

NOT_PUBLIC = ["Draft", "Scheduled", "Template: Password Protected (the password is “enter”)"]


def test_posts_pages_images_and_comments_are_counted_by_kind(theme_import):
    assert report_row(theme_import, "essay") == [58, 0, 0, 0]
    assert report_row(theme_import, "page") == [21, 0, 0, 0]
    assert report_row(theme_import, "author") == [2, 0, 0, 0]
    assert report_row(theme_import, "comment") == [26, 0, 0, 7]
    # Five uploads are in the fixtures' folder and the other image files are missing; an
    # audio file and a video are neither images nor a kind of document the site accepts.
    assert report_row(theme_import, "image") == [5, 0, 0, 30]
    assert "an attachment of a type the site does not accept (.mp3) (1)" in theme_import
    assert "an attachment of a type the site does not accept (.mov) (1)" in theme_import
    assert "skipped comment: awaiting moderation on WordPress (3)" in theme_import
    assert "skipped other: nav_menu_item items are not content (70)" in theme_import
    assert EssayPage.objects.count() == 58
    assert EssayPage.objects.live().count() == 55
    assert ContentPage.objects.live().count() == 21
    assert get_image_model().objects.count() == 5


def test_drafts_scheduled_and_password_protected_posts_are_not_public(theme_import, client):
    hidden = EssayPage.objects.filter(title__in=["Draft", "Scheduled"]) | EssayPage.objects.filter(
        title__startswith="Template: Password Protected"
    )
    assert hidden.count() == 3
    for essay in hidden:
        assert not essay.live
        assert client.get(f"/essays/{essay.slug}/").status_code == 404
    assert "password-protected on WordPress: imported as a draft" in theme_import
    assert "scheduled on WordPress: imported as a draft" in theme_import
    assert client.get("/?p=1164").status_code == 200  # the draft's short address: no redirect
    index = client.get("/essays/").content.decode()
    assert "Scheduled" not in index and "Password Protected" not in index


def test_pages_keep_their_nesting_under_the_home_page(theme_import, home_page, client):
    level_3 = ContentPage.objects.get(title="Level 3")
    ancestors = [page.title for page in level_3.get_ancestors().specific()]
    assert ancestors[-3:] == [home_page.title, "Level 1", "Level 2"]
    assert client.get("/level-1/level-2/level-3/").status_code == 200
    greek = ContentPage.objects.get(title="Επίπεδο 3")
    assert greek.get_parent().title == "Επίπεδο 2 -Second Greek level"


def test_featured_images_and_captions_come_from_the_media_folder(theme_import):
    horizontal = EssayPage.objects.get(title="Template: Featured Image (Horizontal)")
    assert horizontal.listing_image.title == "Horizontal Featured Image"
    assert "featured-image-horizontal" in horizontal.listing_image.file.name
    aligned = EssayPage.objects.get(title="Markup: Image Alignment")
    images = [block.value for block in aligned.body if block.block_type == "image"]
    assert images and images[0]["image"].title == "Image Alignment 580x300"


def test_comments_keep_authors_dates_and_threads(theme_import):
    comments = Comment.objects.filter(page__title="Template: Comments")
    assert comments.count() == 19
    assert set(comments.values_list("state", flat=True)) == {Comment.State.PUBLISHED}
    replies = comments.exclude(parent=None)
    assert replies.exists()
    for reply in replies:
        assert reply.parent.page_id == reply.page_id
        assert reply.created_at >= reply.parent.created_at
    first = comments.order_by("created_at").first()
    assert first.author_name and first.created_at.year == 2012


def test_titles_with_markup_are_plain_text(theme_import):
    assert Page.objects.filter(title="Markup: Title With Markup").exists()
    assert not Page.objects.filter(title__contains="<").exists()


def test_old_addresses_redirect_to_the_new_pages(theme_import, client):
    essay = EssayPage.objects.get(slug="post-format-standard")
    for old in ("/2010/10/05/post-format-standard/", "/?p=358"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == essay.url
    about = ContentPage.objects.get(title="About The Tests")
    assert client.get("/?page_id=2")["Location"] == about.url
    image = get_image_model().objects.get(title="Horizontal Featured Image")
    response = client.get(
        "/2012/03/15/template-featured-image-horizontal/featured-image-horizontal-2/"
    )
    assert response.status_code == 301
    assert response["Location"] == image.file.url
    assert client.get("/?attachment_id=1022")["Location"] == image.file.url
