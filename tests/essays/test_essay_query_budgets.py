"""Pages cost the same number of queries whatever the size of the series or archive."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from essays.factories import EssayPageFactory


def queries_for(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def build(make_series, size: int, title: str):
    planned = max(size, 10)
    series, parts = make_series(
        title=title, planned=planned, parts=size, live=range(1, size + 1, 2)
    )
    for part in parts:
        part.tags.add("Open policymaking")
        part.save()
    return series, parts


@pytest.mark.django_db
def test_series_page_of_fifty_parts_costs_the_same_as_three(client, make_series):
    small, _ = build(make_series, 3, "Small series")
    large, _ = build(make_series, 50, "Large series")
    assert queries_for(client, small.url) == queries_for(client, large.url)


@pytest.mark.django_db
def test_essay_page_costs_the_same_in_a_series_of_fifty_as_of_three(client, make_series):
    _, small_parts = build(make_series, 3, "Small series")
    _, large_parts = build(make_series, 50, "Large series")
    small = queries_for(client, small_parts[1 - 1].url)
    large = queries_for(client, large_parts[24].url)
    assert small == large
    assert large <= 20


@pytest.mark.django_db
def test_feeds_index_and_home_cost_the_same_for_few_and_many_essays(
    client, essay_index, make_series
):
    build(make_series, 3, "Series")
    few = [queries_for(client, url) for url in (essay_index.url, essay_index.url + "feed/", "/")]
    for number in range(40):
        essay = EssayPageFactory(parent=essay_index, title=f"Essay {number}")
        essay.tags.add(f"Topic {number % 7}")
        essay.save()
    build(make_series, 30, "Another series")
    many = [queries_for(client, url) for url in (essay_index.url, essay_index.url + "feed/", "/")]
    assert few == many


def essay_with_images(parent, count: int, slug: str):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    body = []
    for number in range(count):
        image = Image.objects.create(title=f"Figure {number}", file=get_test_image_file())
        body.append(
            (
                "image",
                {"image": image, "alt_text": f"Chart {number}", "decorative": False, "caption": ""},
            )
        )
        body.append(("paragraph", f"<p>Paragraph {number}</p>"))
    return EssayPageFactory(parent=parent, slug=slug, body=body)


@pytest.mark.django_db
def test_essay_with_twelve_images_costs_the_same_as_one(client, essay_index):
    from django.core.cache import caches

    one = essay_with_images(essay_index, 1, "one-image")
    twelve = essay_with_images(essay_index, 12, "twelve-images")
    counts = []
    for essay in (one, twelve):
        client.get(essay.url)  # renditions are generated on the first view
        for cache in caches.all(initialized_only=True):
            cache.clear()  # renditions must come from the database, not a warm cache
        with CaptureQueriesContext(connection) as captured:
            html = client.get(essay.url).content.decode()
        counts.append(len(captured))
        assert 'alt="Chart 0"' in html
    assert counts[0] == counts[1]
