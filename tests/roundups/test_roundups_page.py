"""What a reader sees on a roundup: sector headings in order, excerpts, links and credits."""

import re
from datetime import date

import pytest

from wagtail.models import Site

from roundups.factories import excerpt
from roundups.models import RoundupSettings


def headings(html: str, level: int) -> list[str]:
    """The roundup's own headings: the site's subscribe box after the article is not one."""
    html = html.split("</article>\n</main>")[0].rsplit('<section class="newsletter-signup"')[0]
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html, re.S)
    ]


@pytest.mark.django_db
def test_excerpts_grouped_under_sectors_in_editorial_order_keeping_editor_order(
    client, make_roundup, bloggers, sectors
):
    page = make_roundup(
        excerpts=[
            excerpt(bloggers["frank-chalk"], title="Mixed ability"),
            excerpt(bloggers["ermintrude2"], title="What I would say to Norman Lamb"),
            excerpt(bloggers["dr-grumble"], title="Grumble on health"),
            excerpt(bloggers["whose-shoes"], title="Not the Francis report"),
            excerpt(bloggers["dr-grumble"], title="No democracy here", sector=sectors["democracy"]),
        ]
    )
    html = client.get(page.url).content.decode()
    assert headings(html, 2) == ["Social care", "Health", "Democracy", "Education"]
    assert headings(html, 3) == [
        "What I would say to Norman Lamb",
        "Not the Francis report",
        "Grumble on health",
        "No democracy here",
        "Mixed ability",
    ]


@pytest.mark.django_db
def test_sector_without_excerpts_is_not_shown(client, make_roundup, bloggers):
    page = make_roundup(excerpts=[excerpt(bloggers["ermintrude2"])])
    html = client.get(page.url).content.decode()
    assert headings(html, 2) == ["Social care"]
    for empty in ("Health", "Democracy", "Policing", "Education"):
        assert f">{empty}</h2>" not in html


@pytest.mark.django_db
def test_excerpt_without_title_is_headed_by_its_source(client, make_roundup, bloggers):
    page = make_roundup(excerpts=[excerpt(bloggers["dr-grumble"], title="")])
    html = client.get(page.url).content.decode()
    assert "From Dr Grumble</h3>" in html
    assert "Read the original post on Dr Grumble</a>" in html


@pytest.mark.django_db
def test_excerpt_links_to_the_original_post_and_the_bloggers_profile(
    client, make_roundup, bloggers
):
    blogger = bloggers["ermintrude2"]
    page = make_roundup(
        excerpts=[excerpt(blogger, url="https://ermintrude2.example/lamb", title="Lamb")]
    )
    html = client.get(page.url).content.decode()
    assert (
        'href="https://ermintrude2.example/lamb">Read the original post'
        '<span class="visually-hidden"> “Lamb”</span> on Ermintrude2</a>'
    ) in html
    assert blogger.get_absolute_url() == "/bloggers/ermintrude2/"
    assert 'href="/bloggers/ermintrude2/">More from Ermintrude2</a>' in html
    assert 'From <a href="/bloggers/ermintrude2/">Ermintrude2</a>' in html


@pytest.mark.django_db
def test_each_excerpt_has_a_stable_anchor_from_its_block_id(client, make_roundup, bloggers):
    page = make_roundup(excerpts=[excerpt(bloggers["ermintrude2"], block_id="abc-123")])
    assert 'id="excerpt-abc-123"' in client.get(page.url).content.decode()
    page.introduction = "<p>Edited.</p>"
    page.save_revision().publish()
    assert 'id="excerpt-abc-123"' in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_guest_author_shown_beside_the_blog(client, make_roundup, bloggers):
    page = make_roundup(excerpts=[excerpt(bloggers["whose-shoes"], author="Laura Robinson")])
    html = client.get(page.url).content.decode()
    assert re.search(r"From <a [^>]+>Whose Shoes\?</a>, by Laura Robinson", html)


@pytest.mark.django_db
def test_sector_defaults_to_the_bloggers_first_sector(client, make_roundup, bloggers):
    page = make_roundup(excerpts=[excerpt(bloggers["nathan-constable"], sector=None)])
    assert headings(client.get(page.url).content.decode(), 2) == ["Policing"]


@pytest.mark.django_db
def test_previous_reads_come_after_the_sectors(client, make_roundup, bloggers):
    page = make_roundup(
        excerpts=[excerpt(bloggers["frank-chalk"], title="This week")],
        previous_reads=[
            excerpt(bloggers["ermintrude2"], title="An older post", posted_on=date(2012, 9, 1))
        ],
    )
    html = client.get(page.url).content.decode()
    assert headings(html, 2) == ["Education", "Previous reads"]
    assert html.index("This week") < html.index("An older post")
    assert "Here’s another great post published in the last few weeks." in html


@pytest.mark.django_db
def test_reader_who_agreed_is_credited(client, make_roundup, bloggers):
    page = make_roundup(excerpts=[excerpt(bloggers["ermintrude2"], suggested_by="Jo Reader")])
    assert "Suggested by Jo Reader" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_call_for_suggestions_defaults_to_site_settings_and_can_be_overridden(
    client, make_roundup, suggestion_page
):
    RoundupSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"suggestions_call": "<p>Send us your favourite posts.</p>"},
    )
    default = make_roundup(week_ending=date(2012, 10, 12))
    custom = make_roundup(suggestions_call="<p>This week only: tell us.</p>")
    html = client.get(default.url).content.decode()
    assert "Send us your favourite posts." in html
    assert f'href="{suggestion_page.url}"' in html
    custom_html = client.get(custom.url).content.decode()
    assert "This week only: tell us." in custom_html
    assert "Send us your favourite posts." not in custom_html


@pytest.mark.django_db
def test_roundup_page_has_one_h1_and_feed_links(client, make_roundup, index_page):
    page = make_roundup()
    html = client.get(page.url).content.decode()
    assert html.count("<h1") == 1
    assert "<h1>Best of the frontline bloggers (week ending 19th October 2012)</h1>" in html
    assert (
        'rel="alternate" type="application/rss+xml" title="All roundups (RSS)" '
        f'href="{index_page.url}feed/"' in html
    )
    assert f'href="{index_page.url}sectors/social-care/feed/"' in html
