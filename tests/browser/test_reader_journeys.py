"""Readers' journeys through the demo site in Chromium, on a phone and on a desktop."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.usefixtures("demo_site")

WIDTHS = ["phone", "desktop"]


@pytest.mark.parametrize("width", WIDTHS)
def test_reader_searches_from_the_header_and_opens_a_result(open_at, width):
    page = open_at(width, "/")
    header_search = page.get_by_role("search").first
    header_search.get_by_label("Search the site").fill("policy")
    header_search.get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/search/\?q=policy"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    results = page.locator(".search-results a")
    expect(results.first).to_be_visible()
    title = results.first.inner_text()
    results.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


@pytest.mark.parametrize("width", WIDTHS)
def test_reader_who_mistypes_an_address_is_offered_search_and_the_home_page(open_at, width):
    page = open_at(width, "/policy-papers-that-never-were/", expect_status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    page.get_by_role("main").get_by_label("Search the site").fill("Guerilla")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=Guerilla"))
    expect(page.locator(".search-results a").first).to_be_visible()
