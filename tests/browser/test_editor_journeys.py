"""Editors' and guests' journeys through the real Wagtail admin, in Chromium at desktop width."""

import re
from datetime import date

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from tests.browser.pagechecks import axe_violations, horizontal_overflow, outline_problems

pytestmark = pytest.mark.usefixtures("demo_site")


def open_add_form(page: Page, parent_id: int, page_type: str) -> None:
    """From the parent's listing in the page explorer, "Add child page" of the given type."""
    page.goto(f"/admin/pages/{parent_id}/")
    page.locator("a[href$='/add_subpage/']").first.click()
    page.wait_for_load_state()
    if "/add_subpage/" in page.url:  # more than one type may go here: pick ours
        page.get_by_role("link", name=page_type, exact=True).click()


def choose_in_modal(page: Page, block, button: str, name: str) -> None:
    """Open a chooser from a block's button and pick `name` from the modal's list.

    The button is pressed directly: autosave redraws the header while the test works, and
    a click by position can land on whatever moved under it."""
    opener = block.get_by_role("button", name=button)
    expect(opener).to_be_visible()
    opener.dispatch_event("click")
    modal = page.locator(".modal-content").last
    modal.get_by_role("link", name=name, exact=True).click()
    expect(modal).to_be_hidden()


def open_footer_menu(page: Page) -> None:
    """The editor's footer: "Save draft" and, behind the arrow, the other actions."""
    page.get_by_role("button", name="More actions").click()


def test_editor_builds_a_roundup_from_three_excerpts_with_the_choosers_and_publishes_it(
    open_at, log_in
):
    from people.models import Blogger, Sector
    from roundups.models import RoundupIndexPage, RoundupPage

    index = RoundupIndexPage.objects.get()
    sectors = list(Sector.objects.order_by("sort_order", "name")[:3])
    bloggers = list(Blogger.objects.order_by("name")[:3])
    # Entered against the sectors' order, so the page has to regroup them.
    picks = list(zip(bloggers, reversed(sectors), strict=True))

    page = open_at("desktop", "/admin/login/")
    log_in(page, "editor")
    open_add_form(page, index.id, "Roundup")

    page.get_by_label("Week ending").fill("02/11/2012")
    page.keyboard.press("Escape")  # close the date picker
    stream = page.locator("[data-contentpath='excerpts']")
    for number, (blogger, sector) in enumerate(picks):
        page.locator("#excerpts-root button.c-sf-add-button").last.click()
        block = stream.locator("[data-streamfield-child]").nth(number)
        block.get_by_label("Title").fill(f"Notes from the front line, part {number + 1}")
        block.get_by_label("Post address").fill(f"https://example.org/notes-{number + 1}")
        choose_in_modal(page, block, "Choose blogger", blogger.name)
        block.get_by_label("Date posted").fill("30/10/2012")
        page.keyboard.press("Escape")
        block.get_by_label("Quoted passage").fill(f"What {blogger.name} saw this week.")
        commentary = block.locator("[data-contentpath='commentary'] [contenteditable='true']")
        commentary.click()
        page.keyboard.type(f"Why {blogger.name}'s post matters.")
        expect(commentary).to_contain_text(f"Why {blogger.name}'s post matters.")
        # The editor stores what was typed in its form field a moment after the last key.
        stored = block.locator("input[name$='-commentary']")
        expect(stored).to_have_value(re.compile("post matters"))
        choose_in_modal(page, block, "Choose sector", sector.name)
        expect(block.locator("[data-contentpath='blogger']")).to_contain_text(blogger.name)
        expect(block.locator("[data-contentpath='sector']")).to_contain_text(sector.name)

    open_footer_menu(page)
    page.get_by_role("button", name="Publish", exact=True).click()

    message = page.locator(".messages")
    # "created and published", or "has been published" when autosave already made a draft.
    expect(message).to_contain_text(re.compile("published|validation errors"))
    errors = page.locator(".w-field:has(.error-message)").all_inner_texts()
    assert "validation errors" not in message.inner_text(), f"refused: {errors}"
    roundup = RoundupPage.objects.get(week_ending=date(2012, 11, 2))
    assert roundup.live and len(roundup.excerpts) == 3

    message.get_by_role("link", name="View live").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Best of the frontline bloggers (week ending 2nd November 2012)"
    )
    groups = page.locator("section.roundup__sector h2")
    expect(groups).to_have_text([sector.name for sector in sectors])
    for blogger, sector in picks:
        section = page.get_by_role("region", name=sector.name)
        expect(section.get_by_role("link", name=f"More from {blogger.name}")).to_be_visible()


def test_guest_drafts_with_an_image_submits_revises_after_a_change_request_and_is_published(
    open_at, log_in, tmp_path
):
    from django.contrib.auth import get_user_model

    from guests.models import GuestPostPage, GuestSectionPage

    section = GuestSectionPage.objects.get()
    photo = tmp_path / "crisis-team-office.png"
    Image.new("RGB", (640, 360), (40, 90, 120)).save(photo)

    guest = open_at("desktop", "/admin/login/")
    log_in(guest, "guest")
    open_add_form(guest, section.id, "Guest post")
    guest.locator("#id_title").fill("Night shifts on a crisis team")
    guest.get_by_role("textbox", name="Standfirst").fill(
        "What commissioners miss about the small hours."
    )

    body = guest.locator("[data-contentpath='body']")
    guest.locator("#body-root button.c-sf-add-button").first.click()
    guest.get_by_role("option", name="Paragraph").click()
    body.locator("[data-streamfield-child]").nth(0).locator("[contenteditable='true']").click()
    guest.keyboard.type("Our team meets people at the worst moment of their lives.")

    guest.locator("#body-root button.c-sf-add-button").last.click()
    guest.get_by_role("option", name="Image").click()
    figure = body.locator("[data-streamfield-child]").nth(1)
    figure.get_by_role("button", name="Choose an image").click()
    modal = guest.locator(".modal-content").last
    modal.get_by_role("tab", name="Upload").click()
    modal.locator("input[type=file]").set_input_files(photo)
    modal.get_by_label("Title").fill("Crisis team office")
    modal.get_by_role("button", name="Upload").click()
    expect(modal).to_be_hidden()
    figure.get_by_label("Alt text").fill("The crisis team's office at three in the morning")

    open_footer_menu(guest)
    guest.get_by_role("button", name="Submit to Editorial review").click()
    expect(guest).to_have_url(re.compile(rf"/admin/pages/{section.id}/$"))
    post = GuestPostPage.objects.get(title="Night shifts on a crisis team")
    assert not post.live
    assert post.current_workflow_state.status == "in_progress"
    assert open_at("desktop", post.url, expect_status=404)

    # An editor asks for changes (their side of moderation is tested on its own).
    editor_account = get_user_model().objects.get(username="editor")
    post.current_workflow_state.current_task_state.reject(
        user=editor_account, comment="Say what the small hours cost the service."
    )
    post.refresh_from_db()
    assert post.current_workflow_state.status == "needs_changes"

    # The guest reads the editor's comment on their dashboard and where they edit, then
    # revises the draft and sends it back.
    guest.goto("/admin/")
    drafts = guest.locator("section[aria-labelledby='guest-drafts-heading']")
    expect(drafts).to_contain_text("Changes requested")
    expect(drafts).to_contain_text("“Say what the small hours cost the service.”")
    guest.get_by_role("link", name="Night shifts on a crisis team").first.click()
    expect(guest.locator(".messages")).to_contain_text(
        "Changes requested by Edith Editor: “Say what the small hours cost the service.”"
    )
    guest.get_by_role("textbox", name="Standfirst").fill(
        "What commissioners miss about the small hours, and what it costs."
    )
    open_footer_menu(guest)
    guest.get_by_role("button", name="Resubmit to Approval by Editors").click()
    expect(guest).to_have_url(re.compile(rf"/admin/pages/{section.id}/$"))
    post.refresh_from_db()
    assert post.current_workflow_state.status == "in_progress"

    editor = open_at("desktop", "/admin/login/")
    log_in(editor, "editor")
    review = editor.locator("#awaiting-review-section")
    review.get_by_role("link", name="Night shifts on a crisis team").first.click()
    open_footer_menu(editor)
    editor.get_by_role("button", name="Approve and Publish").click()
    expect(editor).to_have_url(re.compile(rf"/admin/pages/{section.id}/$"))

    post.refresh_from_db()
    assert post.live
    assert post.standfirst.endswith("and what it costs.")
    reader = open_at("phone", post.url)
    expect(reader.get_by_role("heading", level=1)).to_have_text("Night shifts on a crisis team")
    expect(
        reader.get_by_role("img", name="The crisis team's office at three in the morning")
    ).to_be_attached()
    # The demo has no published guest post, so this is where the page type gets its checks.
    assert axe_violations(reader) == []
    assert outline_problems(reader) == []
    assert horizontal_overflow(reader) <= 0
