"""The demo roundup matches the seed's "week ending 19th October 2012"."""

import re
from datetime import date

import pytest

from django.core.management import call_command

from home.models import HomePage
from people.factories import BloggerIndexPageFactory
from people.models import Blogger, BloggerIndexPage, FeaturedExcerpt, Sector
from roundups.demo import EXCERPTS, PREVIOUS_READS
from roundups.models import RoundupIndexPage, RoundupPage, SuggestionPage


@pytest.fixture
def demo(db):
    call_command("load_demo_content", password="demo-pass-1", stdout=None)
    if not BloggerIndexPage.objects.live().exists():
        BloggerIndexPageFactory(parent=HomePage.objects.get())
    return RoundupPage.objects.get(week_ending=date(2012, 10, 19))


def headings(html: str, level: int) -> list[str]:
    """The roundup's own headings: the site's subscribe box after the article is not one."""
    html = html.split("</article>\n</main>")[0].rsplit('<section class="newsletter-signup"')[0]
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html, re.S)
    ]


@pytest.mark.django_db
def test_demo_roundup_has_the_seeds_nine_excerpts_under_five_sectors(client, demo):
    assert demo.live
    assert demo.title == "Best of the frontline bloggers (week ending 19th October 2012)"
    assert len(demo.excerpts) == 8 and len(demo.previous_reads) == 1
    html = client.get(demo.url).content.decode()
    assert headings(html, 2) == [
        "Social care",
        "Health",
        "Democracy",
        "Policing",
        "Education",
        "Previous reads",
    ]
    assert headings(html, 3) == [
        "What I would say to Norman Lamb",
        "Not the Francis report",
        "Lead like lambs into his hands: Is light entertainment more important than child "
        "protection?",
        "Social workers have a duty to join Saturday’s anti-austerity march",
        "“Return the money” – is spending less on healthcare the moral thing to do?",
        "From Dr Grumble",
        "@craig2383 meets the Home Secretary",
        "Mixed ability",
        "Taking comms back to basics",
    ]


@pytest.mark.django_db
def test_demo_quotes_commentary_and_dates_are_the_seeds(client, demo):
    html = client.get(demo.url).content.decode()
    text = re.sub(r"<[^>]+>", "", html).replace("&amp;", "&")
    for seed in [*EXCERPTS, *PREVIOUS_READS]:
        assert seed.quote in text
        assert seed.commentary in text
    assert "Life can often only be understood backwards, but it must be lived forwards.It" in text
    dates = re.findall(r'<time datetime="(2012-\d\d-\d\d)">', html)
    assert dates[1:] == [
        "2012-10-18",
        "2012-10-17",
        "2012-10-12",
        "2012-10-18",  # "Posted on18th October 2012" in the seed
        "2012-10-18",
        "2012-10-14",
        "2012-10-14",
        "2012-10-16",
        "2012-10-04",
    ]


@pytest.mark.django_db
def test_demo_guest_authors_are_credited_beside_the_blog(client, demo):
    html = client.get(demo.url).content.decode()
    assert re.search(r"From <a [^>]+>Whose Shoes\?</a>, by Laura Robinson", html)
    assert re.search(r"From <a [^>]+>Nathan Constable</a>, by @craig2383", html)
    assert re.search(r"From <a [^>]+>[^<]*Social Work Blog</a>, by Lizzie Furber", html)


@pytest.mark.django_db
def test_demo_excerpts_link_to_their_bloggers_profiles(client, demo):
    html = client.get(demo.url).content.decode()
    ermintrude = Blogger.objects.get(slug="ermintrude2")
    assert ermintrude.get_absolute_url() == "/bloggers/ermintrude2/"
    assert 'href="/bloggers/ermintrude2/">More from Ermintrude2</a>' in html
    assert FeaturedExcerpt.objects.filter(page=demo).count() == 9


@pytest.mark.django_db
def test_demo_adds_archive_to_the_menu_and_a_suggestion_page(client, demo):
    index = RoundupIndexPage.objects.get()
    assert index.show_in_menus and index.live
    assert f'href="{index.url}"' in client.get("/").content.decode()
    suggest = SuggestionPage.objects.get()
    assert suggest.live and suggest.get_parent().pk == index.pk


@pytest.mark.django_db
def test_demo_reuses_profiles_the_people_demo_made(db):
    social_care = Sector.objects.create(name="Social care", slug="social-care", sort_order=0)
    existing = Blogger.objects.create(name="Ermintrude2", slug="ermintrude2")
    existing.sectors.add(social_care)
    call_command("load_demo_content", password="demo-pass-1", stdout=None)
    assert Blogger.objects.filter(name__iexact="Ermintrude2").count() == 1
    assert Sector.objects.filter(slug="social-care").count() == 1
    page = RoundupPage.objects.get()
    assert page.excerpts[0].value["blogger"].pk == existing.pk


@pytest.mark.django_db
def test_loading_the_demo_twice_duplicates_nothing(demo):
    counts = (RoundupPage.objects.count(), Blogger.objects.count(), Sector.objects.count())
    revisions = demo.revisions.count()
    call_command("load_demo_content", password="demo-pass-1", stdout=None)
    assert (RoundupPage.objects.count(), Blogger.objects.count(), Sector.objects.count()) == counts
    assert demo.revisions.count() == revisions
