"""Whatever editors, bloggers or the sector list put in a roundup reaches the reader as
text: escaped in the HTML part (no element or attribute of its own), and exactly as
typed in the plain-text part (no entities such as &amp;, no markup added)."""

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
import time_machine

from django.core import mail
from django.utils.html import escape

from essays.factories import EssayIndexPageFactory, EssayPageFactory
from roundups.factories import excerpt

from .conftest import parts

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
AMPERSAND = 'Bob & Carol\'s "team"'
HOSTILE = [SCRIPT, BREAKOUT, AMPERSAND]
ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)


class Reader(HTMLParser):
    """What an email client builds from the HTML: elements, attributes, and shown text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture
def hostile_roundup(make_roundup, bloggers, sectors, home_page):
    """Each field a reader sees, with each hostile string: the roundup's title, its
    introduction (rich text, stored as the editor typed it), the "Previous reads" line,
    a sector's name, an excerpt, and a new essay's title and standfirst."""
    sectors["health"].name = f"Health {SCRIPT} {AMPERSAND}"
    sectors["health"].save()
    essays = EssayIndexPageFactory(parent=home_page)
    with time_machine.travel(datetime(2012, 10, 15, 10, tzinfo=UTC), tick=False):
        EssayPageFactory(
            parent=essays,
            title=f"Essay {BREAKOUT} {AMPERSAND}",
            standfirst=f"Standfirst {SCRIPT} {BREAKOUT}",
        ).save_revision().publish()
    with time_machine.travel(datetime(2012, 10, 19, 17, tzinfo=UTC)):
        roundup = make_roundup(
            excerpts=[excerpt(bloggers["dr-grumble"], title=f"Post {AMPERSAND}")],
            previous_reads=[excerpt(bloggers["frank-chalk"], title="An older post")],
        )
    roundup.custom_title = f"Roundup {SCRIPT} {AMPERSAND}"
    roundup.introduction = f"<p>{escape(f'Intro {BREAKOUT} {SCRIPT} {AMPERSAND}')}</p>"
    roundup.previous_reads_introduction = f"Older {BREAKOUT} {AMPERSAND}"
    roundup.save_revision().publish()
    roundup.refresh_from_db()
    return roundup


TYPED = [
    f"Roundup {SCRIPT} {AMPERSAND}",
    f"Intro {BREAKOUT} {SCRIPT} {AMPERSAND}",
    f"Health {SCRIPT} {AMPERSAND}",
    f"Post {AMPERSAND}",
    f"Older {BREAKOUT} {AMPERSAND}",
    f"Essay {BREAKOUT} {AMPERSAND}",
    f"Standfirst {SCRIPT} {BREAKOUT}",
]


@pytest.fixture
def message(hostile_roundup, make_subscriber, send_roundup):
    make_subscriber("reader@example.org", "health", essays=True)
    with time_machine.travel(datetime(2012, 10, 19, 18, tzinfo=UTC)):
        send_roundup(hostile_roundup)
    (sent,) = mail.outbox
    return sent


@pytest.mark.django_db
def test_hostile_text_is_shown_as_text_in_the_html_part(message):
    _, html = parts(message)
    reader = Reader()
    reader.feed(html)
    assert not reader.tags & {"script", "img"}
    assert not {name for name in reader.attributes if name.startswith("on")}
    shown = re.sub(r"\s+", " ", "".join(reader.text))
    for typed in TYPED:
        assert typed in shown, typed


@pytest.mark.django_db
def test_hostile_text_is_kept_as_typed_in_the_plain_text_part(message):
    text, _ = parts(message)
    title, *rest = TYPED
    assert title.upper() in text  # the plain-text heading is in capitals
    for typed in rest:
        assert typed in text, typed
    assert not ENTITY.search(text), ENTITY.search(text)
    # With what was typed taken out, no markup is left: the template adds none.
    text = text.lower()
    for typed in HOSTILE:
        text = text.replace(typed.lower(), "")
    assert not re.search(r"</?[a-z][^>]*>", text)


@pytest.mark.django_db
def test_hostile_roundup_title_is_the_subject_as_typed(message):
    assert message.subject == f"Roundup {SCRIPT} {AMPERSAND}"
