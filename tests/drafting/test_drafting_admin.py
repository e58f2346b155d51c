"""Editors moderate and answer comments in the admin; nobody else may."""

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.test.utils.form_data import rich_text

from core.roles import GUESTS
from drafting.factories import CommentFactory
from drafting.models import Comment
from tests.drafting.helpers import revise

INBOX = "wagtailsnippets_drafting_comment:list"
EDIT = "wagtailsnippets_drafting_comment:edit"
HOSTILE = '<img src=x onerror="alert(1)">'


def bulk_url(action: str, comments) -> str:
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return reverse("wagtail_bulk_action", args=("drafting", "comment", action)) + "?" + ids


def answer_form(comment, **overrides) -> dict:
    data = {
        "state": Comment.State.PUBLISHED,
        "outcome": Comment.Outcome.NOTED,
        "reason": rich_text("<p>Thank you: we will <b>keep this</b> in mind.</p>"),
        "change_revision": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def guest(db, django_user_model):
    user = django_user_model.objects.create_user("guest-user", "guest@example.org", "pw")
    user.groups.add(Group.objects.get(name=GUESTS))
    return user


@pytest.fixture
def comments(open_essay):
    first, second, _ = open_essay.drafting_paragraphs
    return {
        "new": CommentFactory(page=open_essay, paragraph=first, state=Comment.State.NEW),
        "published": CommentFactory(page=open_essay, paragraph=second, text="Published one"),
        "rejected": CommentFactory(page=open_essay, state=Comment.State.REJECTED),
        "unconfirmed": CommentFactory(page=open_essay, state=Comment.State.UNCONFIRMED),
        "answered": CommentFactory(
            page=open_essay,
            paragraph=second,
            outcome=Comment.Outcome.NOTED,
            reason="<p>Noted.</p>",
        ),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "may"), [("anonymous", False), ("guest", False), ("editor", True), ("admin", True)]
)
def test_only_editors_and_admins_moderate(client, role, may, comments, guest, editor, admin_user):
    users = {"guest": guest, "editor": editor, "admin": admin_user}
    if role in users:
        client.force_login(users[role])
    comment = comments["new"]
    inbox = client.get(reverse(INBOX))
    edit = client.get(reverse(EDIT, args=[comment.pk]))
    client.post(reverse(EDIT, args=[comment.pk]), answer_form(comment))
    client.post(bulk_url("reject", [comments["published"]]))
    comment.refresh_from_db()
    comments["published"].refresh_from_db()
    assert (inbox.status_code == 200) is may
    assert (edit.status_code == 200) is may
    assert (comment.state == Comment.State.PUBLISHED) is may
    assert (comments["published"].state == Comment.State.REJECTED) is may


@pytest.mark.django_db
def test_inbox_filters_by_status_essay_and_paragraph(client, editor, comments, open_essay):
    client.force_login(editor)

    def listed(**params):
        html = client.get(reverse(INBOX), params).content.decode()
        return {name for name, c in comments.items() if f"/edit/{c.pk}/" in html}

    assert listed() == {"new", "published", "rejected", "answered"}
    assert listed(status="new") == {"new"}
    assert listed(status="published") == {"published"}
    assert listed(status="answered") == {"answered"}
    assert listed(status="rejected") == {"rejected"}
    assert listed(status="unconfirmed") == {"unconfirmed"}
    second = open_essay.drafting_paragraphs[1]
    assert listed(page=open_essay.pk, paragraph_key=second.key) == {"published", "answered"}


@pytest.mark.django_db
def test_inbox_shows_the_paragraph_as_it_was_even_after_an_edit(client, editor, open_essay):
    first = open_essay.drafting_paragraphs[0]
    comment = CommentFactory(page=open_essay, paragraph=first, state=Comment.State.NEW)
    revise(open_essay, [("paragraph", "<p>Completely different words now.</p>")])
    client.force_login(editor)
    html = client.get(reverse(EDIT, args=[comment.pk])).content.decode()
    assert first.text in html
    assert "Paragraph as it was" in html


@pytest.mark.django_db
def test_bulk_publish_puts_comments_on_the_page(client, editor, comments, open_essay):
    client.force_login(editor)
    response = client.post(bulk_url("publish", [comments["new"]]))
    assert response.status_code == 302
    comments["new"].refresh_from_db()
    assert comments["new"].state == Comment.State.PUBLISHED
    html = client.get(open_essay.url).content.decode()
    assert f'id="comment-{comments["new"].pk}"' in html
    assert f'id="comment-{comments["rejected"].pk}"' not in html
    assert f'id="comment-{comments["unconfirmed"].pk}"' not in html


@pytest.mark.django_db
def test_adopted_answer_needs_the_revision_that_made_the_change(client, editor, comments):
    client.force_login(editor)
    comment = comments["published"]
    response = client.post(
        reverse(EDIT, args=[comment.pk]), answer_form(comment, outcome=Comment.Outcome.ADOPTED)
    )
    assert response.status_code == 200
    assert "Choose the revision that made the change." in response.content.decode()
    comment.refresh_from_db()
    assert comment.outcome == ""


@pytest.mark.django_db
def test_answering_a_new_comment_asks_to_publish_it_first(client, editor, comments):
    client.force_login(editor)
    comment = comments["new"]
    response = client.post(
        reverse(EDIT, args=[comment.pk]), answer_form(comment, state=Comment.State.NEW)
    )
    assert "Only published comments are answered" in response.content.decode()


@pytest.mark.django_db
def test_revision_choices_are_the_comments_own_page_revisions(
    client, editor, comments, essay_index
):
    from essays.factories import EssayPageFactory

    other = EssayPageFactory(parent=essay_index)
    other_revision = other.save_revision()
    client.force_login(editor)
    comment = comments["published"]
    response = client.post(
        reverse(EDIT, args=[comment.pk]),
        answer_form(
            comment, outcome=Comment.Outcome.ADOPTED, change_revision=str(other_revision.pk)
        ),
    )
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.django_db
def test_answer_with_revision_emails_the_reader_once(client, editor, comments, open_essay):
    comment = comments["published"]
    comment.notify_on_answer = True
    comment.save()
    edited = revise(
        open_essay,
        [
            ("paragraph", f"<p>{open_essay.drafting_paragraphs[0].text}</p>"),
            ("paragraph", "<p>Social workers know which forms are filled in three times.</p>"),
        ],
    )
    client.force_login(editor)
    data = answer_form(
        comment,
        outcome=Comment.Outcome.ADOPTED,
        change_revision=str(edited.live_revision.pk),
        reason=rich_text("<p>We changed the sentence.</p>"),
    )
    response = client.post(reverse(EDIT, args=[comment.pk]), data)
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.outcome == Comment.Outcome.ADOPTED
    assert comment.change_revision == edited.live_revision
    assert comment.answered_by == editor and comment.answered_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [comment.email]
    assert "Adopted" in message.body and "We changed the sentence." in message.body
    assert "/you-said-we-did/" in message.body
    client.post(reverse(EDIT, args=[comment.pk]), data)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_no_email_when_the_reader_did_not_ask(client, editor, comments):
    client.force_login(editor)
    comment = comments["published"]
    client.post(reverse(EDIT, args=[comment.pk]), answer_form(comment))
    comment.refresh_from_db()
    assert comment.outcome == Comment.Outcome.NOTED
    assert not mail.outbox


@pytest.mark.django_db
def test_hostile_text_is_escaped_in_the_inbox(client, editor, open_essay):
    CommentFactory(
        page=open_essay,
        paragraph=open_essay.drafting_paragraphs[0],
        author_name=HOSTILE,
        text=HOSTILE,
        state=Comment.State.NEW,
    )
    client.force_login(editor)
    html = client.get(reverse(INBOX)).content.decode()
    assert HOSTILE not in html
    assert "&lt;img src=x" in html


@pytest.mark.django_db
def test_published_comments_and_answers_make_the_essay_findable(client, editor, comments):
    comment = comments["published"]
    essay = comment.page
    stale = essay.specific  # an editor's copy loaded before the comment was answered
    assert (
        f'href="{essay.url}"' not in client.get("/search/", {"q": "zebracrossing"}).content.decode()
    )
    Comment.objects.filter(pk=comment.pk).update(text="Think of the zebracrossing outside.")
    client.force_login(editor)
    client.post(reverse(EDIT, args=[comment.pk]), answer_form(comment))
    client.logout()
    results = client.get("/search/", {"q": "zebracrossing"}).content.decode()
    assert f'href="{essay.url}"' in results
    # Publishing a new revision of the essay keeps what readers said in its search entry.
    stale.save_revision().publish()
    results = client.get("/search/", {"q": "zebracrossing"}).content.decode()
    assert f'href="{essay.url}"' in results
    client.force_login(editor)
    client.post(bulk_url("reject", [comment]))
    client.logout()
    assert (
        f'href="{essay.url}"' not in client.get("/search/", {"q": "zebracrossing"}).content.decode()
    )
