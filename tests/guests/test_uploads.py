"""Oversized and malformed uploads are refused with a message, and the guest's draft is kept."""

from io import BytesIO

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model

from tests.guests.helpers import edit_url, post_form
from tests.guests.test_permission_matrix import png

REFUSALS = (
    "Not a supported image format",
    "Upload a valid image",
    "This image is damaged or incomplete",
)


def upload(client, world, file, url_name="wagtailimages:add"):
    return client.post(
        reverse(url_name),
        {"title": "Ward photo", "file": file, "collection": world.guest_collection.pk, "tags": ""},
    )


def draft_title(world) -> str:
    return world.draft_a.get_latest_revision_as_object().title


@pytest.mark.django_db
def test_oversized_upload_is_refused_with_a_message(client, world, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2 * 1024
    client.force_login(world.guest_a)
    big = BytesIO()
    PILImage.effect_noise((200, 200), 100).convert("RGB").save(big, "PNG")
    assert big.tell() > 2 * 1024
    response = upload(client, world, SimpleUploadedFile("big.png", big.getvalue()))
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_image_model().objects.filter(title="Ward photo").exists()
    assert draft_title(world) == "Alice draft zebrafinch"


@pytest.mark.django_db
def test_image_with_too_many_pixels_is_refused_with_a_message(client, world, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
    client.force_login(world.guest_a)
    response = upload(client, world, png(size=(20, 20)))
    assert "too many pixels" in response.content.decode()
    assert not get_image_model().objects.filter(title="Ward photo").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.png", b"this is not an image at all"),
        ("truncated.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("script.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
        ("page.html", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_malformed_upload_is_refused_with_a_message(client, world, name, content):
    client.force_login(world.guest_a)
    response = upload(client, world, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    html = response.content.decode()
    assert any(message in html for message in REFUSALS), html
    assert not get_image_model().objects.filter(title="Ward photo").exists()


@pytest.mark.django_db
def test_refused_upload_from_the_chooser_leaves_the_draft_as_it_was(client, world):
    client.force_login(world.guest_a)
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Ward photo",
            "image-chooser-upload-file": SimpleUploadedFile("x.png", b"garbage"),
            "image-chooser-upload-tags": "",
        },
    )
    assert response.status_code == 200
    assert any(message in response.content.decode() for message in REFUSALS)
    assert draft_title(world) == "Alice draft zebrafinch"


@pytest.mark.django_db
def test_invalid_draft_keeps_what_the_guest_typed(client, world):
    client.force_login(world.guest_a)
    data = post_form("", slug=world.draft_a.slug, standfirst="Everything I typed so carefully.")
    response = client.post(edit_url(world.draft_a), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required" in html
    assert "Everything I typed so carefully." in html
    assert draft_title(world) == "Alice draft zebrafinch"


@pytest.mark.django_db
def test_forged_image_is_refused_with_a_message_and_the_text_kept(client, world):
    client.force_login(world.guest_a)
    body = [
        (
            "image",
            {"image": world.other_image.pk, "alt_text": "x", "decorative": False, "caption": ""},
        )
    ]
    data = post_form("Kept title", body=body, slug=world.draft_a.slug)
    html = client.post(edit_url(world.draft_a), data).content.decode()
    assert "Choose images from the collections open to you" in html
    assert "Kept title" in html
    assert draft_title(world) == "Alice draft zebrafinch"
