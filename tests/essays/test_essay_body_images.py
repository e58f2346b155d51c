"""Images in a body are served as responsive renditions, WebP first, with the alt text rules:
the editor's alt text, or an empty alt for an image marked decorative."""

import re

import pytest

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from essays.factories import EssayPageFactory


def figure_html(client, essay_index, **block) -> str:
    image = Image.objects.create(
        title="Title, not alt text", file=get_test_image_file(size=(1600, 900))
    )
    value = {"image": image, "alt_text": "", "decorative": False, "caption": "", **block}
    essay = EssayPageFactory(parent=essay_index, body=[("image", value)])
    html = client.get(essay.url).content.decode()
    return html[html.index('<figure class="figure">') : html.index("</figure>")]


@pytest.mark.django_db
def test_a_body_image_offers_webp_and_jpeg_at_three_widths(client, essay_index):
    html = figure_html(client, essay_index, alt_text="Turnout at general elections, 1945–2010")
    webp = re.search(r'<source[^>]*type="image/webp"[^>]*>', html).group(0)
    assert re.findall(r"\.webp (\d+)w", webp) == ["400", "800", "1200"]
    assert 'sizes="(min-width: 46rem) 42rem, 100vw"' in webp
    img = re.search(r"<img [^>]*>", html).group(0)
    assert re.findall(r"\.jpg (\d+)w", img) == ["400", "800", "1200"]
    assert 'alt="Turnout at general elections, 1945–2010"' in img
    assert 'loading="lazy"' in img and 'width="' in img and 'height="' in img


@pytest.mark.django_db
def test_a_decorative_image_has_an_empty_alt_not_its_title(client, essay_index):
    html = figure_html(client, essay_index, decorative=True)
    img = re.search(r"<img [^>]*>", html).group(0)
    assert 'alt=""' in img
    assert "Title, not alt text" not in html
