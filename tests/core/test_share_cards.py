"""A link to any page, posted on social media, shows a proper card: OpenGraph and Twitter
card meta with the page's title, its standfirst or description, an image (the page's own or
the site's default) and its canonical absolute address."""

import io
import re
from html import unescape

import pytest

from django.core.management import call_command

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from essays.models import EssayPage, SeriesPage
from people.models import Blogger
from roundups.models import RoundupPage


@pytest.fixture
def demo(db):
    call_command("load_demo_content", password="demo-pass", stdout=io.StringIO())


def card(client, url: str) -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    head = html[: html.index("</head>")]
    meta = {
        name: unescape(content)
        for name, content in re.findall(
            r'<meta (?:property|name)="((?:og|twitter):[\w:]+)" content="([^"]*)"', head
        )
    }
    meta["canonical"] = re.search(r'<link rel="canonical" href="([^"]+)"', head).group(1)
    return meta


def assert_full_card(meta: dict[str, str]) -> None:
    assert meta["og:url"] == meta["canonical"]
    assert meta["og:url"].startswith("http")
    assert meta["og:image"].startswith("http") and meta["twitter:image"] == meta["og:image"]
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:site"] == "@guerillapolicy"
    assert meta["twitter:title"] == meta["og:title"]
    assert meta["twitter:description"] == meta["og:description"]


@pytest.mark.django_db
def test_an_essay_card_has_its_title_standfirst_and_the_default_image(client, demo):
    essay = EssayPage.objects.get(slug="gove-opposite-of-open-policymaking")
    meta = card(client, essay.url)
    assert_full_card(meta)
    assert meta["og:type"] == "article"
    assert meta["og:title"] == essay.title
    assert meta["og:description"] == " ".join(essay.standfirst.split())
    assert meta["og:image"].endswith(".png") and "share-card" in meta["og:image"]
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")


@pytest.mark.django_db
def test_an_essay_with_a_listing_image_shows_that_image_cropped_for_cards(client, demo):
    essay = EssayPage.objects.get(slug="gove-opposite-of-open-policymaking")
    image = Image.objects.create(title="Michael Gove", file=get_test_image_file(size=(1600, 1000)))
    essay.listing_image = image
    essay.save_revision().publish()
    meta = card(client, essay.url)
    assert_full_card(meta)
    assert ".fill-1200x630" in meta["og:image"]
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == "Michael Gove"


@pytest.mark.django_db
def test_a_series_part_card_has_its_title_and_standfirst(client, demo):
    part = EssayPage.objects.get(slug="its-the-future")
    meta = card(client, part.url)
    assert_full_card(meta)
    assert meta["og:title"] == "It’s the future"
    assert meta["og:description"].startswith("This is the ninth in a series of posts")


@pytest.mark.django_db
def test_a_series_card_has_its_summary(client, demo):
    series = SeriesPage.objects.get()
    meta = card(client, series.url)
    assert_full_card(meta)
    assert meta["og:title"] == series.title
    assert meta["og:description"] == series.listing_summary
    assert meta["og:type"] == "website"


@pytest.mark.django_db
def test_a_roundup_card_has_its_introduction_as_plain_text(client, demo):
    roundup = RoundupPage.objects.get()
    meta = card(client, roundup.url)
    assert_full_card(meta)
    assert meta["og:type"] == "article"
    assert meta["og:title"] == roundup.title
    assert meta["og:description"].startswith("We love public and voluntary service bloggers.")
    assert "<p>" not in meta["og:description"]


@pytest.mark.django_db
def test_a_blogger_profile_card_is_the_blogger_not_the_directory(client, demo):
    blogger = Blogger.objects.get(slug="micmac650")
    meta = card(client, "/bloggers/micmac650/")
    assert_full_card(meta)
    assert meta["og:type"] == "profile"
    assert meta["og:title"] == "@micmac650"
    assert meta["og:url"].endswith("/bloggers/micmac650/")
    assert meta["og:description"] == blogger.bio


@pytest.mark.django_db
def test_pages_that_are_not_pages_show_no_card(client, demo):
    html = client.get("/search/?q=policy").content.decode()
    assert "og:title" not in html
