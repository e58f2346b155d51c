"""Dates never change silently: the picker keeps what was typed, and the server reads the
three written forms or says which they are."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

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


def open_schedule(page, *, panel_open: bool = False) -> None:
    """The edit view's Status panel, then its publishing schedule dialog. The admin
    remembers an open panel, so after a save it opens by itself."""
    if not panel_open:
        page.get_by_role("button", name="Status").first.click()
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']:visible").first.click()
    expect(page.get_by_role("heading", name="Set publishing schedule")).to_be_visible()


def type_into(page, label: str, text: str) -> None:
    """Type into a field of the schedule dialog and click away, as an editor would, until
    the picker has closed."""
    picker = page.locator(".xdsoft_datetimepicker:visible")
    page.get_by_label(label).fill(text)
    expect(picker).to_have_count(1)  # it opens a moment after the field takes focus
    page.locator("#schedule-publishing-dialog").get_by_role("heading").first.click()
    expect(picker).to_have_count(0)


def test_a_typed_go_live_date_is_kept_and_read_or_refused_on_the_field(open_at, log_in):
    from essays.models import EssayPage

    essay = EssayPage.objects.live().order_by("path").first()
    page = open_at("desktop", "/admin/login/")
    log_in(page, "editor")
    page.goto(f"/admin/pages/{essay.id}/edit/")
    open_schedule(page)
    go_live = page.get_by_label("Go live date/time")
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog).to_contain_text("e.g. 19/10/2012 09:30")

    # Wagtail's picker swapped unreadable text for the current moment on leaving the field
    # (autosave would then keep it); nothing unreadable reaches a draft now.
    for typed in ("26.10.2012 09:30", "rubbish"):
        type_into(page, "Go live date/time", typed)
        expect(go_live).to_have_value(typed)
    dialog.get_by_role("button", name="Save schedule").click()
    expect(page.locator(".messages")).to_contain_text("could not be saved")
    open_schedule(page, panel_open=True)
    field = page.locator("[data-contentpath='go_live_at']")
    expect(field).to_contain_text("Enter the date and time as 26/10/2012 09:30")
    expect(page.get_by_label("Go live date/time")).to_have_value("rubbish")
    assert EssayPage.objects.get(pk=essay.pk).get_latest_revision().content["go_live_at"] is None

    type_into(page, "Go live date/time", "2012-10-26 09:30")  # also swapped, before
    expect(page.get_by_label("Go live date/time")).to_have_value("2012-10-26 09:30")
    dialog.get_by_role("button", name="Save schedule").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    saved = EssayPage.objects.get(pk=essay.pk).get_latest_revision().as_object().go_live_at
    assert saved == datetime(2012, 10, 26, 9, 30, tzinfo=ZoneInfo("Europe/London"))
