"""A reader comments: the form, the confirmation link, pre-moderation and the spam rules."""

import datetime
import re

import pytest
import time_machine

from django.core import mail
from django.test import Client
from django.utils import timezone

from drafting.models import Comment
from drafting.spam import COMMENTS_PER_HOUR


def form_data(essay, **overrides):
    data = {
        "paragraph": essay.drafting_paragraphs[1].key,
        "text": "The forms are filled in three times, not twice.",
        "author_name": "Sam",
        "role": "Social worker",
        "email": "sam@example.org",
        "notify_on_answer": "on",
        "consent_to_publish": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def comment_url(essay) -> str:
    return essay.url + "comment/"


def confirmation_link(message) -> str:
    return re.search(r"http://testserver(/drafting/confirm/[^/\s]+/)", message.body).group(1)


@pytest.mark.django_db
def test_open_essay_shows_closing_date_question_form_and_paragraph_links(client, open_essay):
    html = client.get(open_essay.url).content.decode()
    closing = timezone.localtime(open_essay.comments_open_until)
    assert "Open for comment until <time datetime=" in html
    assert f"{closing.day} {closing:%B %Y}" in html
    assert "What would you change?" in html
    assert 'id="comment-form"' in html
    for paragraph in open_essay.drafting_paragraphs:
        assert f'id="para-{paragraph.key}"' in html
        assert f'href="?paragraph={paragraph.key}#comment-form"' in html
    assert "drafting.js" in html and "<script>" not in html and "style=" not in html


@pytest.mark.django_db
def test_comment_link_chooses_the_paragraph_in_the_form_without_javascript(client, open_essay):
    key = open_essay.drafting_paragraphs[2].key
    html = client.get(f"{open_essay.url}?paragraph={key}").content.decode()
    assert f'<option value="{key}" selected>' in html


@pytest.mark.django_db
def test_first_comment_waits_for_email_confirmation_before_moderation(client, open_essay):
    response = client.post(comment_url(open_essay), form_data(open_essay))
    assert response.status_code == 302
    assert response["Location"].endswith("/comment/check-your-email/")
    comment = Comment.objects.get()
    assert comment.state == Comment.State.UNCONFIRMED
    assert comment.paragraph_key == open_essay.drafting_paragraphs[1].key
    assert comment.paragraph_text.startswith("Social workers know which forms")
    assert comment.revision == open_essay.live_revision
    assert "sent you an email" in client.get(response["Location"]).content.decode()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sam@example.org"]
    link = confirmation_link(mail.outbox[0])

    # Following the link asks for a click (mail scanners fetch links), changing nothing.
    page = client.get(link)
    assert page.status_code == 200 and "Confirm and send to the editors" in page.content.decode()
    assert Comment.objects.get().state == Comment.State.UNCONFIRMED

    confirmed = client.post(link)
    assert "Your comment is confirmed" in confirmed.content.decode()
    comment.refresh_from_db()
    assert comment.state == Comment.State.NEW and comment.confirmed_at is not None
    # Pre-moderation: a new comment is not on the page.
    assert "three times, not twice" not in client.get(open_essay.url).content.decode()

    # The browser that confirmed skips confirmation next time; the editors get it at once.
    again = client.post(comment_url(open_essay), form_data(open_essay, text="And a second."))
    assert again["Location"].endswith("/comment/received/")
    assert Comment.objects.get(text="And a second.").state == Comment.State.NEW
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_confirmation_cookie_covers_only_the_address_confirmed(client, open_essay):
    client.post(comment_url(open_essay), form_data(open_essay))
    client.post(confirmation_link(mail.outbox[0]))
    client.post(comment_url(open_essay), form_data(open_essay, email="other@example.org"))
    assert Comment.objects.get(email="other@example.org").state == Comment.State.UNCONFIRMED


@pytest.mark.django_db
def test_forged_or_expired_confirmation_link_is_refused(client, open_essay):
    client.post(comment_url(open_essay), form_data(open_essay))
    link = confirmation_link(mail.outbox[0])
    forged = client.post(link[:-3] + "xx/")
    assert forged.status_code == 400 and "This link does not work" in forged.content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        assert client.post(link).status_code == 400
    assert Comment.objects.get().state == Comment.State.UNCONFIRMED


@pytest.mark.django_db
def test_honeypot_comment_is_dropped_silently(client, open_essay):
    response = client.post(
        comment_url(open_essay), form_data(open_essay, website="http://spam.example")
    )
    assert response.status_code == 302
    assert not Comment.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_too_many_comments_from_one_address_are_refused_keeping_the_text(client, open_essay):
    for number in range(COMMENTS_PER_HOUR):
        client.post(comment_url(open_essay), form_data(open_essay, text=f"Comment {number}"))
    response = client.post(comment_url(open_essay), form_data(open_essay, text="One too many"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "try again later" in html and "One too many</textarea>" in html
    assert Comment.objects.count() == COMMENTS_PER_HOUR
    other = Client(REMOTE_ADDR="192.0.2.9", HTTP_SEC_FETCH_SITE="same-origin")
    assert other.post(comment_url(open_essay), form_data(open_essay)).status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_the_comment_limit_counts_each_reader_separately(
    client, open_essay, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for number in range(COMMENTS_PER_HOUR):
        data = form_data(open_essay, text=f"Comment {number}")
        reply = client.post(
            comment_url(open_essay), data, **proxy, HTTP_X_FORWARDED_FOR="203.0.113.9"
        )
        assert reply.status_code == 302
    same = client.post(
        comment_url(open_essay), form_data(open_essay), **proxy, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert same.status_code == 429
    other = client.post(
        comment_url(open_essay), form_data(open_essay), **proxy, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_a_form_with_mistakes_does_not_use_up_the_readers_allowance(client, open_essay):
    for _ in range(COMMENTS_PER_HOUR + 2):
        assert (
            client.post(comment_url(open_essay), form_data(open_essay, text="")).status_code == 400
        )
    assert client.post(comment_url(open_essay), form_data(open_essay)).status_code == 302


@pytest.mark.django_db
def test_mistakes_are_explained_and_keep_what_was_typed(client, open_essay):
    response = client.post(
        comment_url(open_essay),
        form_data(open_essay, email="not-an-email", consent_to_publish="", text="Kept words"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your comment was not sent" in html
    assert "Enter a valid email address." in html
    assert "tick the box" in html
    assert "Kept words</textarea>" in html
    assert 'value="Sam"' in html
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_unknown_paragraph_is_refused(client, open_essay):
    response = client.post(comment_url(open_essay), form_data(open_essay, paragraph="nope.0"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.django_db
def test_closed_essay_shows_comments_and_answers_but_no_form(client, open_essay):
    open_essay.comments_open_until = timezone.now() - datetime.timedelta(days=1)
    open_essay.save_revision().publish()
    html = client.get(open_essay.url).content.decode()
    assert "Comments closed on" in html
    assert 'id="comment-form"' not in html
    assert "Comment<span" not in html
    response = client.post(comment_url(open_essay), form_data(open_essay))
    assert response.status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_essay_never_opened_shows_nothing_of_drafting(client, essay_index):
    from essays.factories import EssayPageFactory

    essay = EssayPageFactory(parent=essay_index)
    html = client.get(essay.url).content.decode()
    assert "comment-form" not in html and "drafting" not in html
    assert client.post(essay.url + "comment/", {}).status_code == 403


@pytest.mark.django_db
def test_opening_a_series_opens_its_parts(client, essay_index):
    from essays.factories import EssayPageFactory, SeriesPageFactory

    series = SeriesPageFactory(
        parent=essay_index,
        comments_open_until=timezone.now() + datetime.timedelta(days=3),
        comments_question="Is this the future?",
    )
    part = EssayPageFactory(parent=series)
    html = client.get(part.url).content.decode()
    assert "Is this the future?" in html and 'id="comment-form"' in html
    series_html = client.get(series.url).content.decode()
    assert "Open for comment until" in series_html and "you-said-we-did/" in series_html
