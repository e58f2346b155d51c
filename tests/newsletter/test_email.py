"""The roundup email: each subscriber's sectors only, Previous reads, essays, headers."""

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
import time_machine

from django.core import mail
from django.test import Client

from essays.factories import EssayIndexPageFactory, EssayPageFactory
from newsletter.models import Delivery

from .conftest import parts, path_of

HEALTH = "The NHS reforms from the ward"
SOCIAL_CARE = "What I would say to Norman Lamb"
EDUCATION = "Ofsted came on Tuesday"
PREVIOUS = "An older post worth reading"


class Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)

    def handle_data(self, data):
        self.words.append(data)


def read_html(markup: str) -> tuple[set[str], str]:
    """The elements an email client would build from the markup, and the text it shows."""
    reader = Reader()
    reader.feed(markup)
    return reader.tags, "".join(reader.words)


def message_to(address: str):
    found = [message for message in mail.outbox if message.to == [address]]
    assert len(found) == 1, [message.to for message in mail.outbox]
    return found[0]


@pytest.mark.django_db
def test_health_only_subscriber_gets_only_health_and_previous_reads(
    roundup, make_subscriber, send_roundup
):
    make_subscriber("nurse@example.org", "health")
    send_roundup(roundup)
    text, html = parts(message_to("nurse@example.org"))
    for body in (text, html):
        assert HEALTH in body
        assert PREVIOUS in body
        assert "Previous reads" in body
        assert SOCIAL_CARE not in body
        assert EDUCATION not in body
        assert "Social care" not in body and "Education" not in body


@pytest.mark.django_db
def test_subscriber_to_all_sectors_gets_every_sector_in_editorial_order(
    roundup, make_subscriber, send_roundup
):
    make_subscriber("everything@example.org")
    send_roundup(roundup)
    text, html = parts(message_to("everything@example.org"))
    for body in (text, html):
        positions = [body.index(title) for title in (SOCIAL_CARE, HEALTH, EDUCATION, PREVIOUS)]
        assert positions == sorted(positions)


@pytest.mark.django_db
def test_links_go_to_the_excerpt_anchors_and_the_original_posts(
    roundup, make_subscriber, send_roundup
):
    make_subscriber("nurse@example.org", "health")
    send_roundup(roundup)
    text, html = parts(message_to("nurse@example.org"))
    health = next(item for item in roundup.all_excerpts if item.value["title"] == HEALTH)
    anchor_link = f"http://localhost{roundup.url}#{health.anchor}"
    assert f"On our site: {anchor_link}" in text
    assert f'href="{anchor_link}"' in html
    assert "Read the original post: https://example.org/a-post" in text
    assert 'href="https://example.org/a-post"' in html
    assert 'href="http://localhost/bloggers/dr-grumble/"' in html


@pytest.mark.django_db
def test_html_part_has_its_css_inlined_and_plain_text_part_has_no_markup(
    roundup, make_subscriber, send_roundup
):
    make_subscriber("nurse@example.org", "health")
    send_roundup(roundup)
    text, html = parts(message_to("nurse@example.org"))
    assert re.search(r'<h2 style="[^"]*text-transform: uppercase', html)
    assert "@media (max-width: 480px)" in html  # kept for small screens
    assert "<" not in text.replace("<http", "")
    assert "Why this post matters." in text  # the commentary, as text


@pytest.mark.django_db
def test_headers_offer_one_click_unsubscribe_that_works(roundup, make_subscriber, send_roundup):
    subscriber = make_subscriber("nurse@example.org", "health")
    make_subscriber("teacher@example.org", "education")
    send_roundup(roundup)
    message = message_to("nurse@example.org")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Id"] == (
        "Guerilla Policy roundup <roundup.guerillapolicy.org>"
    )
    ids = {m.extra_headers["Message-ID"] for m in mail.outbox}
    assert len(ids) == 2 and all(re.fullmatch(r"<roundup\.\d+\.\d+@[\w.]+>", i) for i in ids)
    unsubscribe = re.fullmatch(r"<(https?://[^>]+)>", message.extra_headers["List-Unsubscribe"])
    assert unsubscribe
    response = Client(enforce_csrf_checks=True).post(
        path_of(unsubscribe.group(1)), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not type(subscriber).objects.filter(pk=subscriber.pk).exists()


@pytest.mark.django_db
def test_every_email_links_to_the_subscribers_own_preferences(
    client, roundup, make_subscriber, send_roundup
):
    make_subscriber("nurse@example.org", "health")
    make_subscriber("teacher@example.org", "education")
    send_roundup(roundup)
    for address in ("nurse@example.org", "teacher@example.org"):
        text, html = parts(message_to(address))
        link = re.search(r"Change your sectors or pause: (\S+)", text).group(1)
        assert f'href="{link}"' in html
        assert address in client.get(path_of(link)).content.decode()


@pytest.mark.django_db
def test_nothing_in_their_sectors_means_no_email_unless_they_asked_for_a_note(
    roundup, make_subscriber, send_roundup
):
    make_subscriber("officer@example.org", "policing")
    make_subscriber("tell-me@example.org", "policing", notify_empty=True)
    mailing = send_roundup(roundup)
    assert [message.to for message in mail.outbox] == [["tell-me@example.org"]]
    text, html = parts(mail.outbox[0])
    assert "nothing from the sectors you chose" in text
    assert HEALTH not in text and PREVIOUS not in text
    skipped = mailing.deliveries.get(subscriber__email="officer@example.org")
    assert skipped.state == Delivery.State.SKIPPED
    assert skipped.reason == "Nothing in their sectors this week."


@pytest.mark.django_db
def test_unconfirmed_and_paused_subscribers_get_nothing(roundup, make_subscriber, send_roundup):
    make_subscriber("waiting@example.org", confirmed=False)
    make_subscriber("paused@example.org", paused=True)
    make_subscriber("reader@example.org")
    send_roundup(roundup)
    assert [message.to for message in mail.outbox] == [["reader@example.org"]]


@pytest.mark.django_db
def test_new_essays_come_with_the_next_roundup_for_those_who_chose_them(
    home_page, make_roundup, bloggers, make_subscriber, send_roundup
):
    essays = EssayIndexPageFactory(parent=home_page)
    with time_machine.travel(datetime(2012, 10, 15, 10, tzinfo=UTC), tick=False):
        essay = EssayPageFactory(
            parent=essays, title="Ten reasons", standfirst="Why policy needs the frontline."
        )
        essay.save_revision().publish()
    make_subscriber("essays@example.org", essays=True)
    make_subscriber("roundup-only@example.org")
    with time_machine.travel(datetime(2012, 10, 19, 17, tzinfo=UTC)):
        send_roundup(make_roundup())
    text, html = parts(message_to("essays@example.org"))
    for body in (text, html):
        assert "New essays" in body
        assert "Ten reasons" in body and "Why policy needs the frontline." in body
    assert f"http://localhost{essay.url}" in text
    assert "Ten reasons" not in message_to("roundup-only@example.org").body
    # The next roundup does not repeat the essay.
    mail.outbox.clear()
    with time_machine.travel(datetime(2012, 10, 26, 17, tzinfo=UTC)):
        send_roundup(make_roundup(week_ending=datetime(2012, 10, 26).date()))
    assert "Ten reasons" not in message_to("essays@example.org").body


@pytest.mark.django_db
def test_hostile_text_is_escaped_in_the_html_part(
    make_roundup, bloggers, make_subscriber, send_roundup
):
    from roundups.factories import excerpt

    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    bloggers["dr-grumble"].name = f'Dr "><b>Grumble{hostile}'
    bloggers["dr-grumble"].save()
    roundup = make_roundup(
        excerpts=[
            excerpt(
                bloggers["dr-grumble"],
                title=f"Title {hostile}",
                quote=f"Quote {hostile}",
                author=f"Author {hostile}",
                suggested_by=f"Reader {hostile}",
            )
        ]
    )
    make_subscriber("reader@example.org")
    send_roundup(roundup)
    text, html = parts(message_to("reader@example.org"))
    tags, words = read_html(html)
    assert not tags & {"script", "img", "b"}
    for field in ("Title", "Quote", "Author", "Reader", 'Dr "><b>Grumble'):
        assert f"{field} {hostile}".replace("Grumble ", "Grumble") in words
    assert f"Title {hostile}" in text  # plain text is not HTML: kept as typed
