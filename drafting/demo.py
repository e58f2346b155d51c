"""Demo open drafting: Part 9 of the series (“we welcome your comments”) open for comment.

Readers from the frontline have commented; editors have answered two: one adopted, with
the revision that changed the sentence, one not adopted, with the reason. Runs after the
essays' demo (this app is listed after them) and finds the part by its slug, so it imports
no content app. Idempotent: a part that already has comments is left alone.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page

from drafting.anchors import paragraphs_of
from drafting.indexing import refresh_comments_search_text
from drafting.models import Comment
from drafting.pages import DraftingMixin

PART_SLUG = "its-the-future"
QUESTION = "Who else should shape policy with us, and how?"
OLD_SENTENCE = "frontline practitioners and the public who use services."
NEW_SENTENCE = "frontline practitioners, unpaid carers and the public who use services."

COMMENTS = [
    # paragraph opening, name, role, text, state, days ago
    (
        "In this project",
        "Jo Adeyemi",
        "social worker",
        "Please name unpaid carers too. In adult social care they often know more about how "
        "a service really works than anyone paid to run it.",
        Comment.State.PUBLISHED,
        6,
    ),
    (
        "Part of the public’s disengagement",
        "Mr Patel",
        "head teacher",
        "I would drop the line about TV talent shows: it makes a serious point sound flippant.",
        Comment.State.PUBLISHED,
        5,
    ),
    (
        "Secondly, technology",
        "Ros",
        "district nurse",
        "Many of us can't use social media at work. Whatever you build has to work on a phone "
        "at the end of a shift.",
        Comment.State.PUBLISHED,
        4,
    ),
    (
        None,
        "Alex",
        "service user",
        "As someone who uses mental health services I'd like to be asked before the policy "
        "is written, not after.",
        Comment.State.NEW,
        1,
    ),
]
ADOPTED_REASON = (
    "<p>Agreed: unpaid carers are now named alongside practitioners and the public who use "
    "services.</p>"
)
NOT_ADOPTED_REASON = (
    "<p>We kept the sentence. The contrast between voting instantly for a talent show and "
    "trudging to a polling station <i>is</i> the point of the paragraph.</p>"
)


def find_paragraph(paragraphs, opening):
    return next((p for p in paragraphs if p.text.startswith(opening)), None)


def publish_with(page, **changes):
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    revision = draft.save_revision()
    revision.publish()
    return revision


def changed_body(page):
    blocks = []
    for block in page.body.raw_data:
        block = dict(block)
        if block["type"] == "paragraph" and OLD_SENTENCE in block["value"]:
            block["value"] = block["value"].replace(OLD_SENTENCE, NEW_SENTENCE)
        blocks.append(block)
    return blocks


def load(loader) -> None:
    page = Page.objects.filter(slug=PART_SLUG).first()
    page = page.specific if page else None
    if not isinstance(page, DraftingMixin) or Comment.objects.filter(page=page).exists():
        return
    now = timezone.now()
    closes = timezone.localtime(now + datetime.timedelta(days=90)).replace(
        hour=23, minute=59, second=0, microsecond=0
    )
    opened = publish_with(page, comments_open_until=closes, comments_question=QUESTION)
    page = type(page).objects.get(pk=page.pk)
    paragraphs = paragraphs_of(page.body)

    made = []
    for opening, name, role, text, state, days_ago in COMMENTS:
        paragraph = find_paragraph(paragraphs, opening) if opening else None
        made.append(
            Comment.objects.create(
                page=page,
                paragraph_key=paragraph.key if paragraph else "",
                paragraph_text=paragraph.text if paragraph else "",
                revision=opened,
                author_name=name,
                email=f"{name.split()[0].lower()}@example.org",
                role=role,
                text=text,
                consent_to_publish=True,
                state=state,
                created_at=now - datetime.timedelta(days=days_ago),
                confirmed_at=now - datetime.timedelta(days=days_ago),
            )
        )

    editor = get_user_model().objects.filter(username="editor").first()
    changed = publish_with(page, body=changed_body(page))
    carers, talent_show = made[0], made[1]
    for comment, outcome, reason, revision in (
        (carers, Comment.Outcome.ADOPTED, ADOPTED_REASON, changed),
        (talent_show, Comment.Outcome.NOT_ADOPTED, NOT_ADOPTED_REASON, None),
    ):
        comment.outcome = outcome
        comment.reason = reason
        comment.change_revision = revision
        comment.answered_at = now - datetime.timedelta(days=2)
        comment.answered_by = editor
        comment.save()
    refresh_comments_search_text([page.pk])
    loader.log(f"open drafting on “{page.title}”: {len(made)} comments, 2 answered")
