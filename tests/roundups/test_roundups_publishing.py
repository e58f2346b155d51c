"""Derived title and slug, page placement, the bloggers' index and search hooks."""

from datetime import date

import pytest

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from people.models import FeaturedExcerpt
from roundups.factories import excerpt
from roundups.models import RoundupIndexPage, RoundupPage, SuggestionPage
from roundups.titles import derived_slug, derived_title, ordinal


class TestPlacement(WagtailPageTestCase):
    def test_roundups_live_only_in_the_archive_which_lives_under_home(self):
        self.assertAllowedParentPageTypes(RoundupIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(RoundupPage, {RoundupIndexPage})
        self.assertAllowedSubpageTypes(RoundupIndexPage, {RoundupPage, SuggestionPage})
        self.assertAllowedSubpageTypes(RoundupPage, set())
        self.assertAllowedParentPageTypes(SuggestionPage, {RoundupIndexPage, HomePage})
        self.assertAllowedSubpageTypes(SuggestionPage, set())

    def test_archive_and_suggestion_page_are_singletons(self):
        self.assertEqual(RoundupIndexPage.max_count, 1)
        self.assertEqual(SuggestionPage.max_count, 1)

    def test_a_roundup_cannot_go_under_a_plain_page(self):
        self.assertCanNotCreateAt(Page, RoundupPage)
        self.assertCanNotCreateAt(HomePage, RoundupPage)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th")]
    + [(19, "19th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (30, "30th"), (31, "31st")],
)
def test_ordinal_suffixes(day, expected):
    assert ordinal(day) == expected


def test_title_and_slug_are_derived_from_the_week_ending():
    assert (
        derived_title(date(2012, 10, 19))
        == "Best of the frontline bloggers (week ending 19th October 2012)"
    )
    assert derived_title(date(2013, 3, 1)).endswith("(week ending 1st March 2013)")
    assert derived_slug(date(2012, 10, 19)) == "week-ending-19-october-2012"


@pytest.mark.django_db
def test_saved_roundup_takes_its_title_and_address_from_the_date(index_page, bloggers):
    page = index_page.add_child(
        instance=RoundupPage(
            week_ending=date(2012, 11, 2),
            excerpts=[excerpt(bloggers["ermintrude2"], posted_on=date(2012, 11, 1))],
        )
    )
    assert page.title == "Best of the frontline bloggers (week ending 2nd November 2012)"
    assert page.url == f"{index_page.url}week-ending-2-november-2012/"


@pytest.mark.django_db
def test_draft_address_follows_a_corrected_date_until_first_published(make_roundup):
    page = make_roundup(week_ending=date(2012, 10, 12), live=False)
    page.week_ending = date(2012, 10, 26)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug == "week-ending-26-october-2012"
    page.week_ending = date(2012, 10, 19)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug == "week-ending-26-october-2012"
    assert page.title.endswith("(week ending 19th October 2012)")


@pytest.mark.django_db
def test_editor_can_override_the_title(make_roundup):
    page = make_roundup(custom_title="Frontline voices on the cuts")
    assert page.title == "Frontline voices on the cuts"
    assert page.slug == "week-ending-19-october-2012"


@pytest.mark.django_db
def test_publishing_indexes_every_excerpt_for_the_bloggers_profiles(
    make_roundup, bloggers, sectors
):
    page = make_roundup(
        excerpts=[
            excerpt(bloggers["ermintrude2"], title="Lamb", block_id="a1"),
            excerpt(bloggers["dr-grumble"], title="", sector=sectors["democracy"], block_id="b2"),
        ],
        previous_reads=[excerpt(bloggers["frank-chalk"], title="Older", block_id="c3")],
    )
    rows = list(FeaturedExcerpt.objects.filter(page=page).order_by("position"))
    assert [(r.blogger.slug, r.sector.slug, r.anchor, r.post_title) for r in rows] == [
        ("ermintrude2", "social-care", "excerpt-a1", "Lamb"),
        ("dr-grumble", "democracy", "excerpt-b2", ""),
        ("frank-chalk", "education", "excerpt-c3", "Older"),
    ]
    assert {r.page_date for r in rows} == {date(2012, 10, 19)}


@pytest.mark.django_db
def test_republishing_replaces_the_index_rows(make_roundup, bloggers):
    page = make_roundup(excerpts=[excerpt(bloggers["ermintrude2"])])
    page.excerpts = [excerpt(bloggers["frank-chalk"]), excerpt(bloggers["dr-grumble"])]
    page.save_revision().publish()
    slugs = FeaturedExcerpt.objects.filter(page=page).values_list("blogger__slug", flat=True)
    assert sorted(slugs) == ["dr-grumble", "frank-chalk"]


@pytest.mark.django_db
def test_unpublishing_or_deleting_a_roundup_clears_its_index_rows(make_roundup, bloggers):
    page = make_roundup(week_ending=date(2012, 10, 12))
    other = make_roundup(week_ending=date(2012, 10, 19))
    assert FeaturedExcerpt.objects.filter(page=page).exists()
    page.unpublish()
    assert not FeaturedExcerpt.objects.filter(page=page).exists()
    other_pk = other.pk
    other.delete()
    assert not FeaturedExcerpt.objects.filter(page_id=other_pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Norman Lamb", "dementia", "Ermintrude2", "pleasantries"])
def test_roundup_is_found_by_excerpt_titles_quotes_commentary_and_blogger_names(
    client, make_roundup, bloggers, query
):
    page = make_roundup(
        excerpts=[
            excerpt(
                bloggers["ermintrude2"],
                title="What I would say to Norman Lamb",
                quote="So take your pleasantries and policy ideas.",
                commentary="<p>Ermintrude works in dementia services.</p>",
            )
        ]
    )
    assert list(RoundupPage.objects.live().search(query)) == [page]
    assert page.title in client.get("/search/", {"q": query}).content.decode()


@pytest.mark.django_db
def test_home_page_ignores_draft_roundups(client, make_roundup, bloggers):
    make_roundup(week_ending=date(2012, 10, 12))
    make_roundup(week_ending=date(2012, 10, 26), live=False)
    html = client.get("/").content.decode()
    assert "Latest roundup" in html
    assert "(week ending 12th October 2012)" in html
    assert "26th October" not in html


@pytest.mark.django_db
def test_home_page_shows_the_latest_roundup_with_its_sectors(client, make_roundup, bloggers):
    make_roundup(week_ending=date(2012, 10, 12))
    make_roundup(
        week_ending=date(2012, 10, 19),
        excerpts=[excerpt(bloggers["frank-chalk"]), excerpt(bloggers["ermintrude2"])],
    )
    html = client.get("/").content.decode()
    section = html[html.index('id="home-latest-roundup"') :]
    assert "(week ending 19th October 2012)" in section
    assert "2 excerpts on social care and education" in section
    assert "12th October" not in section


@pytest.mark.django_db
def test_home_page_without_roundups_has_no_roundup_section(client, home_page):
    assert "Latest roundup" not in client.get("/").content.decode()
