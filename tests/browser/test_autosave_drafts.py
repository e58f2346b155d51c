"""Autosave makes a roundup as soon as its week is typed: an abandoned first try is named,
linked and easy to delete, never a trap."""

import re
import time
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from tests.browser.test_editor_journeys import open_add_form

pytestmark = pytest.mark.usefixtures("demo_site")


def wait_for_autosaved_roundup(week_ending: date, seconds: float = 15):
    from roundups.models import RoundupPage

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        draft = RoundupPage.objects.filter(week_ending=week_ending).first()
        if draft is not None:
            return draft
        time.sleep(0.2)
    raise AssertionError("autosave did not create the roundup")


def test_an_abandoned_autosaved_roundup_is_linked_from_the_next_try_and_listed_to_delete(
    open_at, log_in
):
    from roundups.models import RoundupIndexPage, RoundupPage

    index = RoundupIndexPage.objects.get()
    page = open_at("desktop", "/admin/login/")
    log_in(page, "editor")

    # First try: the week is typed, autosave makes the draft, the editor walks away.
    open_add_form(page, index.id, "Roundup")
    # Wagtail notes the untouched form a moment after it loads, then saves what changes.
    page.wait_for_timeout(2500)
    page.get_by_label("Week ending").fill("2012-10-26")
    page.keyboard.press("Escape")
    page.get_by_label("Title (optional)").fill("A first try")
    stray = wait_for_autosaved_roundup(date(2012, 10, 26))
    page.goto("/admin/")

    # Second try for the same week: the message names the draft; continuing in it comes first.
    open_add_form(page, index.id, "Roundup")
    page.get_by_label("Week ending").fill("26 October 2012")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Save draft").click()
    error = page.locator("[data-contentpath='week_ending']")
    expect(error).to_contain_text("There is already a draft roundup for this week")
    expect(error).to_contain_text(stray.title)
    error.get_by_role("link", name="Continue in that draft").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{stray.pk}/edit/$"))
    assert RoundupPage.objects.filter(week_ending=date(2012, 10, 26)).count() == 1

    # A day later the dashboard lists it, with a way to delete it.
    page.goto("/admin/")
    page.wait_for_load_state("networkidle")
    RoundupPage.objects.filter(pk=stray.pk).update(
        latest_revision_created_at=timezone.now() - timedelta(days=2)
    )
    page.reload()
    panel = page.locator("#abandoned-drafts-section")
    expect(panel).to_contain_text(stray.title)
    panel.get_by_role("link", name=f"Delete {stray.title}").click()
    page.get_by_role("button", name=re.compile("^Yes, delete")).click()
    expect(page.locator(".messages")).to_contain_text("deleted")
    assert not RoundupPage.objects.filter(pk=stray.pk).exists()
