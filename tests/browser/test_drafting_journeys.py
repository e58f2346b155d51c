"""Open drafting in Chromium: a reader comments on a paragraph by keyboard on a phone, an
editor publishes and answers it, and the answer appears beside the paragraph and on
“You said, we did”. axe checks every page on the way."""

import re

import pytest
from playwright.sync_api import Page, expect

from django.core import mail

from tests.browser.pagechecks import axe_violations, horizontal_overflow, outline_problems

pytestmark = pytest.mark.usefixtures("demo_site")

COMMENT = "Frontline staff need time in their rota to take part, or only managers will."


def tab_to(page: Page, accessible_text: str, limit: int = 400) -> None:
    """Press Tab until the focused element's text (visible and hidden) is `accessible_text`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.textContent.trim()")
        if focused == accessible_text:
            return
    raise AssertionError(f"Tab never reached {accessible_text!r}")


def check_page(page: Page) -> None:
    assert axe_violations(page) == []
    assert outline_problems(page) == []
    assert horizontal_overflow(page) <= 0


def test_reader_comments_by_keyboard_on_a_phone_and_an_editor_answers(open_at, log_in):
    from drafting.models import Comment
    from essays.models import EssayPage

    part = EssayPage.objects.get(slug="its-the-future")
    paragraph = next(
        p for p in part.drafting_paragraphs if p.text.startswith("Firstly, social change")
    )

    # The reader, on a phone, with the keyboard alone.
    reader = open_at("phone", part.url)
    check_page(reader)
    tab_to(reader, f"Comment on paragraph {paragraph.number}")
    reader.keyboard.press("Enter")
    expect(reader.locator("#id_text")).to_be_focused()
    expect(reader.locator("#id_paragraph")).to_have_value(paragraph.key)
    reader.keyboard.type(COMMENT)
    reader.keyboard.press("Tab")
    reader.keyboard.type("Priya")
    reader.keyboard.press("Tab")
    reader.keyboard.type("care home manager")
    reader.keyboard.press("Tab")
    reader.keyboard.type("priya@example.org")
    reader.keyboard.press("Tab")
    reader.keyboard.press("Space")  # email me the answer
    reader.keyboard.press("Tab")
    reader.keyboard.press("Space")  # consent to publish
    reader.keyboard.press("Tab")
    expect(reader.get_by_role("button", name="Send comment")).to_be_focused()
    reader.keyboard.press("Enter")
    expect(reader.get_by_role("status")).to_contain_text("We have sent you an email")
    check_page(reader)

    link = re.search(r"https?://\S+/drafting/confirm/\S+/", mail.outbox[-1].body).group(0)
    reader.goto(link[link.index("/drafting/") :])
    reader.get_by_role("button", name="Confirm and send to the editors").press("Enter")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Your comment is confirmed")
    comment = Comment.objects.get(author_name="Priya")
    assert comment.state == Comment.State.NEW and comment.paragraph_key == paragraph.key

    # The editor publishes it from the inbox, then answers it.
    editor = open_at("desktop", "/admin/login/")
    log_in(editor, "editor")
    editor.goto("/admin/reader-comments/?status=new")
    editor.locator(f"input[data-bulk-action-checkbox][data-object-id='{comment.pk}']").check()
    editor.get_by_role("link", name="Publish the selected comments").click()
    editor.get_by_role("button", name="Publish").click()
    expect(editor.locator(".messages")).to_contain_text("1 comment(s) published")

    editor.goto(f"/admin/reader-comments/edit/{comment.pk}/")
    expect(editor.locator("body")).to_contain_text(paragraph.text[:60])
    editor.get_by_role("combobox", name="Answer").select_option(label="Noted")
    reason = editor.locator("[data-contentpath='reason'] [contenteditable='true']")
    reason.click()
    editor.keyboard.type("We will ask for protected time in the final part.")
    expect(reason).to_contain_text("protected time")
    hidden = editor.locator("input[name='reason']")
    expect(hidden).to_have_value(re.compile("protected time"))
    editor.get_by_role("button", name="Save").click()
    expect(editor.locator(".messages")).to_contain_text("updated")
    comment.refresh_from_db()
    assert comment.outcome == Comment.Outcome.NOTED
    assert any("has been answered" in message.subject for message in mail.outbox)

    # Back on the phone: the comment and answer open beside the paragraph (the page is
    # shareable, so the phone's browser may keep its copy for CACHE_MAX_AGE; a reload asks
    # the site, whose cached copies the publication purged)...
    reader.goto(part.url)
    reader.reload()
    toggle = reader.locator(f"[id='{paragraph.html_id}'] button.commentable__count")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.focus()
    reader.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    panel = reader.locator(f"[id='{paragraph.html_id}'] .commentable__panel")
    expect(panel).to_contain_text(COMMENT)
    expect(panel).to_contain_text("We will ask for protected time")
    check_page(reader)

    # ...and on “You said, we did”.
    reader.goto(part.url + "you-said-we-did/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("You said, we did")
    expect(reader.locator(f"#comment-{comment.pk}")).to_contain_text("Our answer: Noted")
    check_page(reader)
