"""Dates never change silently: the picker keeps what was typed, and the server reads the
three written forms or says which they are."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.test_editor_journeys import open_add_form

pytestmark = pytest.mark.usefixtures("demo_site")


def test_typed_dates_are_kept_read_in_each_form_or_refused_with_the_formats(open_at, log_in):
    from roundups.models import RoundupIndexPage, RoundupPage

    index = RoundupIndexPage.objects.get()
    page = open_at("desktop", "/admin/login/")
    log_in(page, "editor")
    open_add_form(page, index.id, "Roundup")
    week = page.get_by_label("Week ending")
    expect(page.get_by_text("e.g. 19/10/2012 or 19 October 2012")).to_be_visible()

    for typed in ("2012-10-26", "26 October 2012", "26.10.2012"):
        week.fill(typed)
        page.keyboard.press("Escape")
        week.press("Tab")  # leaving the field used to swap unreadable text for today
        expect(week).to_have_value(typed)

    page.get_by_role("button", name="Save draft").click()
    field = page.locator("[data-contentpath='week_ending']")
    expect(field).to_contain_text("Enter the date as 26/10/2012, 2012-10-26 or 26 October 2012.")
    expect(page.get_by_label("Week ending")).to_have_value("26.10.2012")

    page.get_by_label("Week ending").fill("26/10/2012")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text(
        "(week ending 26th October 2012)", timeout=20_000
    )
    assert RoundupPage.objects.filter(week_ending=date(2012, 10, 26)).exists()
