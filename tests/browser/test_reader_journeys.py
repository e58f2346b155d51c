"""Readers' journeys through the demo site in Chromium, each on a phone and on a desktop.

One test per journey walks it at both widths (a subtest each), so the demo content is
loaded once per journey rather than once per width.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pagechecks import WIDTHS

pytestmark = pytest.mark.usefixtures("demo_site")


def test_reader_searches_from_the_header_and_opens_a_result(open_at, subtests):
    for width in WIDTHS:
        with subtests.test(width=width):
            page = open_at(width, "/")
            header_search = page.get_by_role("banner").get_by_role("search")
            header_search.get_by_label("Search the site").fill("policy")
            header_search.get_by_role("button", name="Search").click()

            expect(page).to_have_url(re.compile(r"/search/\?q=policy"))
            results = page.locator(".search-results a")
            expect(results.first).to_be_visible()
            title = results.first.inner_text()
            results.first.click()
            expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def test_reader_who_mistypes_an_address_is_offered_search_and_the_home_page(open_at, subtests):
    for width in WIDTHS:
        with subtests.test(width=width):
            page = open_at(width, "/policy-papers-that-never-were/", expect_status=404)
            main = page.get_by_role("main")
            expect(main.get_by_role("heading", level=1)).to_have_text("Page not found")
            expect(main.get_by_role("link", name="Go to the home page")).to_have_attribute(
                "href", "/"
            )
            main.get_by_label("Search the site").fill("Guerilla")
            main.get_by_role("button", name="Search").click()
            expect(page).to_have_url(re.compile(r"/search/\?q=Guerilla"))
            expect(page.locator(".search-results a").first).to_be_visible()


def test_reader_follows_the_current_series_part_to_part(open_at, subtests):
    for width in WIDTHS:
        with subtests.test(width=width):
            page = open_at(width, "/")
            current = page.locator(".home-series")
            series_title = current.get_by_role("heading", level=3).inner_text()
            current.get_by_role("link", name=series_title).click()

            expect(page.get_by_role("heading", level=1)).to_have_text(series_title)
            parts = page.locator(".series-parts a")
            expect(parts).not_to_have_count(0)
            first_title = parts.first.inner_text()
            parts.first.click()
            expect(page.get_by_role("heading", level=1)).to_contain_text(first_title)
            expect(page.get_by_text(re.compile(r"Part \d+ of \d+"))).to_be_visible()

            part_nav = page.get_by_role("navigation", name=re.compile(r"Other parts of"))
            expect(part_nav.locator("a[rel=prev]")).to_have_count(0)  # the first published part
            next_link = part_nav.locator("a[rel=next]")
            next_label = next_link.locator(".part-nav__label").inner_text()
            next_link.click()
            number = re.search(r"\d+", next_label).group()
            expect(page.get_by_role("heading", level=1)).to_contain_text(f"{number}. ")

            part_nav = page.get_by_role("navigation", name=re.compile(r"Other parts of"))
            part_nav.locator("a[rel=prev]").click()
            expect(page.get_by_role("heading", level=1)).to_contain_text(first_title)
            page.get_by_role("link", name=re.compile(r"All \d+ parts of the series")).click()
            expect(page.get_by_role("heading", level=1)).to_have_text(series_title)


def test_reader_opens_the_latest_roundup_and_jumps_to_a_sector(open_at, subtests):
    for width in WIDTHS:
        with subtests.test(width=width):
            page = open_at(width, "/")
            latest = page.locator(".home-section--roundup")
            latest.get_by_role("heading", level=3).get_by_role("link").click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("Best of the frontline")

            contents = page.get_by_role("navigation", name="Sectors in this roundup")
            sector_links = contents.get_by_role("link")
            expect(sector_links).not_to_have_count(0)
            target = sector_links.nth(1)  # not the first: the page has to move
            name = target.inner_text()
            target.click()
            expect(page).to_have_url(re.compile(r"#[\w-]+$"))
            heading = page.get_by_role("heading", level=2, name=name)
            expect(heading).to_be_in_viewport()


def test_reader_opens_a_bloggers_profile_from_an_excerpt(open_at, subtests):
    for width in WIDTHS:
        with subtests.test(width=width):
            page = open_at(width, "/roundups/")
            page.get_by_role("main").get_by_role(
                "link", name=re.compile("week ending")
            ).first.click()
            excerpt = page.locator(".excerpt").first
            more = excerpt.get_by_role("link", name=re.compile(r"^More from "))
            blogger = more.inner_text().removeprefix("More from ")
            more.click()

            expect(page.get_by_role("heading", level=1)).to_have_text(blogger)
            featured = page.get_by_role("region", name="Featured posts")
            expect(featured.get_by_role("link", name=re.compile("week ending"))).not_to_have_count(
                0
            )


def test_reader_suggests_a_post_and_keeps_what_they_typed_after_a_mistake(open_at, subtests):
    from roundups.models import ReaderSuggestion

    for width in WIDTHS:
        with subtests.test(width=width):
            page = open_at(width, "/roundups/")
            page.get_by_role("main").get_by_role(
                "link", name=re.compile("week ending")
            ).first.click()
            page.get_by_role("link", name="Suggest a post for the next roundup").click()

            form = page.locator("form.suggestion__form")
            form.get_by_label("Address of the post").fill("not an address")
            form.get_by_label("Blogger or blog name").fill(f"Frontline nurse ({width})")
            form.get_by_label("Why it matters").fill("It shows what a night shift is really like.")
            form.get_by_role("button", name="Send suggestion").click()

            expect(page.get_by_role("alert")).to_contain_text("was not sent")
            expect(form.get_by_label("Blogger or blog name")).to_have_value(
                f"Frontline nurse ({width})"
            )
            expect(form.get_by_label("Why it matters")).to_have_value(
                "It shows what a night shift is really like."
            )
            form.get_by_label("Address of the post").fill("https://example.org/night-shift")
            form.get_by_role("button", name="Send suggestion").click()

            expect(page.get_by_role("status")).to_be_visible()
            assert ReaderSuggestion.objects.filter(blog=f"Frontline nurse ({width})").exists()
