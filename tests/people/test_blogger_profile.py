import datetime

import pytest

from people.factories import BloggerFactory, SectorFactory
from people.featured import FeaturedRow, clear_featured, replace_featured


def excerpt(blogger, week, **kwargs):
    return FeaturedRow(blogger_id=blogger.pk, page_date=week, **kwargs)


@pytest.mark.django_db
def test_profile_shows_the_blogger_and_their_blog(client, blogger_directory):
    sector = SectorFactory(name="Social care", slug="social-care")
    blogger = BloggerFactory(
        name="Ermintrude2",
        blog_name="The Not So Big Society",
        blog_url="https://ermintrude.example.org/",
        twitter_handle="ermintrude2",
        role="works in dementia services",
        bio="Writes from the frontline.",
        sectors=[sector],
    )
    html = client.get(blogger.get_absolute_url()).content.decode()
    assert "<h1>Ermintrude2</h1>" in html
    assert "Works in dementia services" in html
    assert (
        '<a href="https://ermintrude.example.org/" rel="external">The Not So Big Society</a>'
        in (html)
    )
    assert '<a href="https://twitter.com/ermintrude2" rel="external">@ermintrude2</a>' in html
    assert 'href="/bloggers/#social-care">Social care</a>' in html
    assert "None of Ermintrude2’s posts has been featured yet." in html


@pytest.mark.django_db
def test_profile_lists_excerpts_on_live_pages_newest_first_with_links(
    client, blogger_directory, live_page
):
    blogger = BloggerFactory(name="Ermintrude2")
    older = live_page("Best of the frontline bloggers (week ending 12th October 2012)")
    newer = live_page("Best of the frontline bloggers (week ending 19th October 2012)")
    replace_featured(
        older,
        [
            excerpt(
                blogger,
                datetime.date(2012, 10, 12),
                post_title="An older post",
                post_url="https://ermintrude.example.org/older",
                anchor="excerpt-1",
            )
        ],
    )
    replace_featured(
        newer,
        [
            excerpt(
                blogger,
                datetime.date(2012, 10, 19),
                post_title="What I would say to Norman Lamb",
                post_url="https://ermintrude.example.org/norman-lamb",
                posted_on=datetime.date(2012, 10, 18),
                anchor="what-i-would-say-to-norman-lamb",
            )
        ],
    )
    html = client.get("/bloggers/" + blogger.slug + "/").content.decode()
    assert html.index("What I would say to Norman Lamb") < html.index("An older post")
    assert (
        '<a href="https://ermintrude.example.org/norman-lamb" rel="external">'
        "What I would say to Norman Lamb</a>" in html
    )
    assert f'href="{newer.url}#what-i-would-say-to-norman-lamb"' in html
    assert "Posted on 18 October 2012" in html
    assert "featured 2 times" in html


@pytest.mark.django_db
def test_profile_follows_publishing_and_unpublishing(client, blogger_directory, live_page):
    blogger = BloggerFactory()
    roundup = live_page("Roundup")
    url = blogger.get_absolute_url()
    replace_featured(
        roundup, [excerpt(blogger, datetime.date(2012, 10, 19), post_title="Mixed ability")]
    )
    assert "Mixed ability" in client.get(url).content.decode()
    clear_featured(roundup)
    assert "Mixed ability" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_profile_hides_excerpts_on_pages_that_are_not_live(client, blogger_directory, live_page):
    blogger = BloggerFactory()
    roundup = live_page("Roundup")
    replace_featured(roundup, [excerpt(blogger, datetime.date(2012, 10, 19), post_title="Lambs")])
    roundup.unpublish()
    html = client.get(blogger.get_absolute_url()).content.decode()
    assert "Lambs" not in html
    assert "has been featured yet" in html


@pytest.mark.django_db
def test_an_untitled_post_still_gets_a_readable_entry(client, blogger_directory, live_page):
    blogger = BloggerFactory(name="Dr Grumble")
    replace_featured(
        live_page(),
        [excerpt(blogger, datetime.date(2012, 10, 19), post_url="https://grumble.example.org/1")],
    )
    html = client.get(blogger.get_absolute_url()).content.decode()
    assert '<a href="https://grumble.example.org/1" rel="external">Untitled post</a>' in html


def profile_queries(client, url, django_assert_max_num_queries) -> int:
    with django_assert_max_num_queries(15) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_profile_queries_do_not_grow_with_excerpts(
    client, blogger_directory, live_page, django_assert_max_num_queries
):
    blogger = BloggerFactory(sectors=SectorFactory.create_batch(2))
    sector = SectorFactory()
    url = blogger.get_absolute_url()
    first = live_page("Roundup 1")
    replace_featured(first, [excerpt(blogger, datetime.date(2012, 1, 6), sector_id=sector.pk)])
    client.get(url)  # warm the site caches
    small = profile_queries(client, url, django_assert_max_num_queries)
    for week in range(20):
        page = live_page(f"Roundup week {week}")
        replace_featured(
            page,
            [
                excerpt(
                    blogger,
                    datetime.date(2012, 1, 6) + datetime.timedelta(weeks=week),
                    sector_id=sector.pk,
                    post_title=f"Post {week}-{n}",
                    anchor=f"excerpt-{n}",
                )
                for n in range(10)
            ],
        )
    client.get(url)  # warm again: new pages renew the menu
    large = profile_queries(client, url, django_assert_max_num_queries)
    assert "featured 201 times" in client.get(url).content.decode()
    assert large == small


@pytest.mark.django_db
def test_profile_hides_excerpts_on_private_pages(client, blogger_directory, live_page):
    from wagtail.models import PageViewRestriction

    blogger = BloggerFactory()
    roundup = live_page("Members-only roundup")
    replace_featured(roundup, [excerpt(blogger, datetime.date(2012, 10, 19), post_title="Secret")])
    PageViewRestriction.objects.create(
        page=roundup, restriction_type=PageViewRestriction.PASSWORD, password="pw"
    )
    assert "Secret" not in client.get(blogger.get_absolute_url()).content.decode()
    assert "Not featured yet" in client.get("/bloggers/").content.decode()


@pytest.mark.django_db
def test_sitemap_lists_every_blogger_profile(client, blogger_directory):
    BloggerFactory(slug="frank-chalk")
    xml = client.get("/sitemap.xml").content.decode()
    assert "/bloggers/frank-chalk/</loc>" in xml


@pytest.mark.django_db
def test_profile_is_its_own_canonical_address(client, blogger_directory):
    blogger = BloggerFactory(slug="dr-grumble")
    html = client.get(blogger.get_absolute_url()).content.decode()
    assert '<link rel="canonical" href="http://localhost/bloggers/dr-grumble/">' in html
    directory = client.get("/bloggers/").content.decode()
    assert '<link rel="canonical" href="http://localhost/bloggers/">' in directory
