import datetime

import pytest

from people.factories import BloggerFactory, SectorFactory
from people.featured import FeaturedRow, clear_featured, replace_featured
from people.models import Sector


def section_order(html: str, names: list[str]) -> list[str]:
    return sorted(names, key=html.index)


@pytest.mark.django_db
def test_bloggers_are_grouped_under_sectors_in_the_editors_order(client, blogger_directory):
    policing = SectorFactory(name="Policing", slug="policing", sort_order=1)
    health = SectorFactory(name="Health", slug="health", sort_order=0)
    BloggerFactory(name="Nathan Constable", sectors=[policing])
    BloggerFactory(name="Dr Grumble", sectors=[health])
    BloggerFactory(name="Carolyne Mitchell")
    html = client.get("/bloggers/").content.decode()
    assert section_order(html, ['id="policing-heading"', 'id="health-heading"']) == [
        'id="health-heading"',
        'id="policing-heading"',
    ]
    assert (
        html.index("Dr Grumble")
        < html.index('id="policing-heading"')
        < html.index("Nathan Constable")
    )
    assert html.index('id="other-bloggers-heading"') < html.index("Carolyne Mitchell")


@pytest.mark.django_db
def test_a_blogger_in_two_sectors_is_listed_under_both(client, blogger_directory):
    health = SectorFactory(name="Health")
    democracy = SectorFactory(name="Democracy")
    BloggerFactory(name="Dr Grumble", sectors=[health, democracy])
    html = client.get("/bloggers/").content.decode()
    assert html.count(">Dr Grumble</a>") == 2
    assert "Other bloggers" not in html


@pytest.mark.django_db
def test_empty_sectors_are_left_out(client, blogger_directory):
    SectorFactory(name="Education")
    BloggerFactory(name="Ermintrude2", sectors=[SectorFactory(name="Social care")])
    html = client.get("/bloggers/").content.decode()
    assert "Social care" in html
    assert "Education" not in html


@pytest.mark.django_db
def test_each_blogger_shows_how_many_posts_were_featured_on_live_pages(
    client, blogger_directory, live_page
):
    sector = SectorFactory(name="Social care")
    ermintrude = BloggerFactory(name="Ermintrude2", sectors=[sector])
    BloggerFactory(name="Whose Shoes?", sectors=[sector])
    week = datetime.date(2012, 10, 19)
    live = live_page("Roundup 19 October")
    draft = live_page("Roundup 26 October", live=False)
    rows = [FeaturedRow(blogger_id=ermintrude.pk, page_date=week, post_title=t) for t in "ab"]
    replace_featured(live, rows)
    replace_featured(draft, rows)
    html = client.get("/bloggers/").content.decode()
    assert "2 posts featured" in html
    assert "Not featured yet" in html
    clear_featured(live)
    assert "2 posts featured" not in client.get("/bloggers/").content.decode()


@pytest.mark.django_db
def test_blogger_names_link_to_their_profiles(client, blogger_directory):
    blogger = BloggerFactory(name="Frank Chalk", slug="frank-chalk")
    html = client.get("/bloggers/").content.decode()
    assert f'href="{blogger.get_absolute_url()}">Frank Chalk</a>' in html


@pytest.mark.django_db
def test_reordering_sectors_reorders_the_directory(client, blogger_directory):
    first, second = SectorFactory(name="Health"), SectorFactory(name="Policing")
    BloggerFactory(sectors=[first])
    BloggerFactory(sectors=[second])
    html = client.get("/bloggers/").content.decode()
    assert html.index(">Health</h2>") < html.index(">Policing</h2>")
    Sector.objects.filter(pk=first.pk).update(sort_order=99)
    html = client.get("/bloggers/").content.decode()
    assert html.index(">Policing</h2>") < html.index(">Health</h2>")


def directory_queries(client, django_assert_max_num_queries, budget: int) -> int:
    with django_assert_max_num_queries(budget) as captured:
        assert client.get("/bloggers/").status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_directory_queries_do_not_grow_with_bloggers(
    client, blogger_directory, live_page, django_assert_max_num_queries
):
    sectors = SectorFactory.create_batch(3)
    page = live_page()
    week = datetime.date(2012, 10, 19)

    def add_bloggers(count):
        for index in range(count):
            blogger = BloggerFactory(sectors=sectors[: index % 3 + 1])
            replace_featured(page, [FeaturedRow(blogger_id=blogger.pk, page_date=week)])

    add_bloggers(2)
    client.get("/bloggers/")  # warm the site caches
    small = directory_queries(client, django_assert_max_num_queries, 20)
    add_bloggers(60)
    large = directory_queries(client, django_assert_max_num_queries, 20)
    assert large == small


@pytest.mark.django_db
def test_a_bloggers_default_sector_is_the_first_in_the_editors_order():
    health = SectorFactory(name="Health", sort_order=1)
    democracy = SectorFactory(name="Democracy", sort_order=2)
    blogger = BloggerFactory(sectors=[democracy, health])
    assert blogger.default_sector == health
    Sector.objects.filter(pk=democracy.pk).update(sort_order=0)
    assert type(blogger).objects.get(pk=blogger.pk).default_sector == democracy
    assert BloggerFactory().default_sector is None
