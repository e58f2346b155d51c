"""The original site's seven posts: essays, the series with its gaps, the roundup."""

from datetime import date

import pytest

from django.core.management import CommandError

from essays.models import EssayPage, SeriesPage
from home.factories import ContentPageFactory
from home.models import ContentPage
from people.models import Blogger
from roundups.models import RoundupPage
from tests.wordpress.conftest import SEED, THEME, import_wordpress, report_row

pytestmark = pytest.mark.django_db

SEED_EXCERPTS = [
    # sector, title, blogger, posted on, guest author
    ("Social care", "What I would say to Norman Lamb", "Ermintrude2", date(2012, 10, 18), ""),
    ("Social care", "Not the Francis report", "Whose Shoes?", date(2012, 10, 17), "Laura Robinson"),
    (
        "Social care",
        "Lead like lambs into his hands: Is light entertainment more important than child "
        "protection?",
        "Secret Social Worker’s Blog",
        date(2012, 10, 12),
        "",
    ),
    (
        "Social care",
        "Social workers have a duty to join Saturday’s anti-austerity march",
        "Social Work Blog",
        date(2012, 10, 18),
        "",
    ),
    (
        "Health",
        "“Return the money” – is spending less on healthcare the moral thing to do?",
        "@micmac650",
        date(2012, 10, 18),
        "",
    ),
    ("Democracy", "", "Dr Grumble", date(2012, 10, 14), ""),
    (
        "Policing",
        "@craig2383 meets the Home Secretary",
        "Nathan Constable",
        date(2012, 10, 14),
        "",
    ),
    ("Education", "Mixed ability", "Frank Chalk", date(2012, 10, 16), ""),
]


def test_report_counts_each_kind_of_post(seed_import):
    assert report_row(seed_import, "essay") == [6, 0, 0, 0]
    assert report_row(seed_import, "roundup") == [1, 0, 0, 0]
    assert report_row(seed_import, "series") == [1, 0, 0, 0]
    assert report_row(seed_import, "blogger") == [9, 0, 0, 0]
    assert EssayPage.objects.live().count() == 6
    assert RoundupPage.objects.live().count() == 1


def test_roundup_has_the_seeds_excerpts_in_their_sectors(seed_import):
    roundup = RoundupPage.objects.get()
    assert roundup.week_ending == date(2012, 10, 19)
    assert roundup.title == "Best of the frontline bloggers (week ending 19th October 2012)"
    found = [
        (
            excerpt.value.effective_sector.name,
            excerpt.value["title"],
            excerpt.value["blogger"].name,
            excerpt.value["posted_on"],
            excerpt.value["author"],
        )
        for group in roundup.sector_groups
        for excerpt in group.items
    ]
    assert found == SEED_EXCERPTS
    [previous] = roundup.previous_read_excerpts
    assert previous.value["blogger"].name == "Carolyne Mitchell"
    assert previous.value["posted_on"] == date(2012, 10, 4)
    assert roundup.previous_reads_introduction.startswith("Here’s another great post")
    assert "info@guerillapolicy.org" in roundup.suggestions_call
    assert roundup.introduction.startswith("<p>We love public and voluntary service bloggers.")


def test_roundup_excerpts_keep_quote_commentary_and_address(seed_import):
    roundup = RoundupPage.objects.get()
    first = roundup.sector_groups[0].items[0].value
    assert first["quote"].startswith("What I see are cuts.")
    assert not first["quote"].endswith("”")
    assert (
        first["url"] == "https://ermintrude2.example.org/2012/10/what-i-would-say-to-norman-lamb/"
    )
    assert "Ermintrude, who works in dementia services" in first["commentary"].source
    grumble = roundup.sector_groups[2].items[0].value
    assert grumble["url"].startswith("https://dr-grumble.example.org/")


def test_rendered_roundup_shows_sectors_in_order_with_bylines(seed_import, client):
    html = client.get(RoundupPage.objects.get().url).content.decode()
    positions = [html.index(f">{name}<") for name in ("Social care", "Health", "Education")]
    assert positions == sorted(positions)
    assert "Laura Robinson" in html
    assert "Not the Francis report" in html


def test_existing_bloggers_are_matched_not_duplicated(home_page):
    ermintrude = Blogger.objects.create(name="Ermintrude2", slug="ermintrude2")
    by_address = Blogger.objects.create(
        name="Mark MacGregor", slug="mark", blog_url="https://www.micmac650.example.org/"
    )
    import_wordpress(SEED)
    values = [e.value for e in RoundupPage.objects.get().all_excerpts]
    assert values[0]["blogger"] == ermintrude
    assert values[4]["blogger"] == by_address
    assert Blogger.objects.filter(name__iexact="Ermintrude2").count() == 1


def test_series_holds_parts_two_and_nine_in_their_places(seed_import, client):
    series = SeriesPage.objects.get()
    assert series.title == "Ten reasons why we need a new approach to developing social policy"
    assert series.planned_parts == 10
    parts = list(EssayPage.objects.child_of(series).order_by("path"))
    assert len(parts) == 9
    live = {number: part.title for number, part in enumerate(parts, start=1) if part.live}
    assert live == {
        2: "Policy would stand a better chance of achieving its objectives",
        9: "It’s the future",
    }
    page = client.get(parts[1].url).content.decode()
    assert "Part 2 of 10" in page
    assert "Next: part 9" in page  # the gaps between are skipped
    listing = client.get(series.url).content.decode()
    assert listing.count("It’s the future") == 1


def test_gaps_in_the_series_are_never_public(seed_import, client):
    series = SeriesPage.objects.get()
    gaps = EssayPage.objects.child_of(series).not_live()
    assert gaps.count() == 7
    for gap in gaps:
        assert client.get(f"{series.url}{gap.slug}/").status_code == 404


def test_essays_keep_author_date_topics_and_table(seed_import):
    essay = EssayPage.objects.get(title="How can civil servants make better use of social media?")
    assert essay.author.name == "The Guerilla Policy team"
    assert essay.published_at.date() == date(2012, 6, 26)
    assert sorted(tag.name for tag in essay.tags.all()) == ["Civil service", "Social media"]
    kinds = [block.block_type for block in essay.body]
    assert kinds.count("table") == 1
    assert kinds.count("list") == 3
    assert "heading" in kinds
    table = next(block.value for block in essay.body if block.block_type == "table")
    assert table["data"][0] == ["Sir Jeremy Heywood", "Cabinet Office (Cabinet Secretary)"]
    assert len(table["data"]) == 38


def test_pages_go_under_the_parent_given(home_page, client):
    about = ContentPageFactory(parent=home_page, title="About us", slug="about-us")
    import_wordpress(THEME, "--parent", "/about-us/")
    level_1 = ContentPage.objects.get(title="Level 1")
    assert level_1.get_parent().specific == about
    assert client.get("/about-us/level-1/").status_code == 200


def test_a_parent_that_cannot_hold_pages_is_refused(seed_import):
    with pytest.raises(CommandError, match="Content pages cannot go under"):
        import_wordpress(THEME, "--parent", "/essays/")
