"""The roundup as an email: each subscriber's sectors only, then "Previous reads".

The email is built from the roundup's own excerpt blocks (no second copy for
editors): `RoundupEmail` groups them as the page does and renders one HTML and one
plain-text body per *edition* (a set of sectors, with or without essays), each block
through its own template. The HTML's CSS is inlined by css-inline, the way mail
clients need it. Subscribers who chose the same things share an edition, rendered
once; their own links go in by substitution, so a mailing of 50,000 renders a few
dozen editions, not 50,000 templates, and memory does not grow with the list.
"""

import html
import re
from dataclasses import dataclass
from datetime import date
from email.utils import make_msgid

import css_inline

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags

from wagtail.rich_text import expand_db_html

from essays.models import EssayPage
from newsletter import conf, links
from newsletter.models import Subscriber
from roundups.models import RoundupPage

# Stand-ins for each subscriber's own links in a shared edition.
PREFERENCES = "newsletter-preferences-link-here"
UNSUBSCRIBE = "newsletter-unsubscribe-link-here"
MAX_EDITIONS = 256  # bounds memory however many combinations of sectors subscribers choose
ROOT_RELATIVE = re.compile(r'(href|src)="/(?!/)')
INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


@dataclass(frozen=True)
class Edition:
    """What a group of subscribers receives: their sectors (None: all) and essays or not."""

    sector_ids: frozenset[int] | None
    essays: bool
    notify_empty: bool

    @classmethod
    def of(cls, subscriber: Subscriber) -> "Edition":
        return cls(subscriber.sector_ids(), subscriber.essays, subscriber.notify_empty)


@dataclass
class EmailExcerpt:
    """An excerpt's fields with every address absolute, ready for an email template."""

    heading: str
    title: str
    post_url: str
    on_site_url: str
    source_name: str
    blogger_name: str
    blogger_url: str
    author: str
    posted_on: date | None
    quote: str
    commentary_html: str
    commentary_text: str
    suggested_by: str


@dataclass
class EmailSector:
    sector_id: int | None
    name: str
    on_site_url: str
    excerpts: list[EmailExcerpt]


@dataclass
class EmailEssay:
    title: str
    standfirst: str
    url: str


@dataclass
class Rendered:
    subject: str
    text: str
    html: str


def absolutise(markup: str, root: str) -> str:
    """Root-relative links in rich text (to our own pages) made absolute for an email."""
    return ROOT_RELATIVE.sub(lambda match: f'{match.group(1)}="{root}/', markup)


def rich_text_as_text(markup: str) -> str:
    """Rich text as plain paragraphs, for the plain-text part."""
    spaced = re.sub(r"</(p|li|h\d)>", "\n\n", markup)
    return re.sub(r"\n{3,}", "\n\n", html.unescape(strip_tags(spaced))).strip()


def essays_since(since) -> list[int]:
    """Live essays first published after `since`, newest first: the next digest."""
    essays = EssayPage.objects.live().public()
    if since is not None:
        essays = essays.filter(first_published_at__gt=since)
    return list(essays.newest_first().values_list("pk", flat=True))


class RoundupEmail:
    """Every edition of one roundup's email, and each subscriber's message from them."""

    def __init__(self, roundup: RoundupPage, essay_ids=(), root: str | None = None):
        self.roundup = roundup
        self.root = links.site_root() if root is None else root
        self.roundup_url = roundup.get_full_url()
        self.sectors = [
            EmailSector(
                sector_id=group.sector.pk if group.sector else None,
                name=group.heading,
                on_site_url=f"{self.roundup_url}#{group.anchor}",
                excerpts=[self.excerpt(item) for item in group.items],
            )
            for group in roundup.sector_groups
        ]
        self.previous_reads = [self.excerpt(item) for item in roundup.previous_read_excerpts]
        essays = EssayPage.objects.filter(pk__in=list(essay_ids)).live().newest_first()
        self.essays = [
            EmailEssay(
                title=essay.title,
                standfirst=essay.standfirst or essay.listing_summary,
                url=essay.get_full_url(),
            )
            for essay in essays
        ]
        self.editions: dict[Edition, Rendered | None] = {}

    def excerpt(self, item) -> EmailExcerpt:
        value = item.value
        blogger = value.get("blogger")
        commentary = expand_db_html(value["commentary"].source) if value.get("commentary") else ""
        blogger_url = value.blogger_url
        return EmailExcerpt(
            heading=value.heading,
            title=value.get("title") or "",
            post_url=value.get("url") or "",
            on_site_url=f"{self.roundup_url}#{item.anchor}" if item.anchor else self.roundup_url,
            source_name=value.source_name,
            blogger_name=blogger.name if blogger else "",
            blogger_url=self.root + blogger_url if blogger_url.startswith("/") else blogger_url,
            author=value.get("author") or "",
            posted_on=value.get("posted_on"),
            quote=value.get("quote") or "",
            commentary_html=absolutise(commentary, self.root),
            commentary_text=rich_text_as_text(commentary),
            suggested_by=value.get("suggested_by") or "",
        )

    def sectors_for(self, edition: Edition) -> list[EmailSector]:
        if edition.sector_ids is None:
            return self.sectors
        return [sector for sector in self.sectors if sector.sector_id in edition.sector_ids]

    def render(self, edition: Edition) -> Rendered | None:
        """The edition's subject and bodies, or None when it has nothing to send."""
        if edition not in self.editions:
            if len(self.editions) >= MAX_EDITIONS:
                self.editions.pop(next(iter(self.editions)))
            self.editions[edition] = self.render_edition(edition)
        return self.editions[edition]

    def render_edition(self, edition: Edition) -> Rendered | None:
        sectors = self.sectors_for(edition)
        essays = self.essays if edition.essays else []
        if not sectors and not essays and not edition.notify_empty:
            return None
        context = {
            "roundup": self.roundup,
            "roundup_url": self.roundup_url,
            "introduction_html": absolutise(expand_db_html(self.roundup.introduction), self.root),
            "introduction_text": rich_text_as_text(expand_db_html(self.roundup.introduction)),
            "sectors": sectors,
            "all_sectors": edition.sector_ids is None,
            "previous_reads": self.previous_reads if sectors else [],
            "previous_reads_introduction": self.roundup.previous_reads_introduction,
            "essays": essays,
            "empty": not sectors,
            "preferences_url": PREFERENCES,
            "unsubscribe_url": UNSUBSCRIBE,
            "site_url": self.root + "/",
        }
        subject = (
            self.roundup.title if sectors else f"Nothing in your sectors: {self.roundup.title}"
        )
        return Rendered(
            subject=subject,
            text=render_to_string("newsletter/email/roundup.txt", context),
            html=INLINER.inline(render_to_string("newsletter/email/roundup.html", context)),
        )

    def message(
        self, subscriber: Subscriber, message_id: str, connection=None
    ) -> EmailMultiAlternatives | None:
        """The subscriber's own message, or None when their edition has nothing."""
        rendered = self.render(Edition.of(subscriber))
        if rendered is None:
            return None
        return build_message(
            rendered,
            subscriber.email,
            links.preferences_url(subscriber, self.root),
            links.unsubscribe_url(subscriber, self.root),
            message_id,
            connection,
        )

    def test_message(self, edition: Edition, to: str) -> EmailMultiAlternatives | None:
        """An editor's test copy: their own links point at the subscribe page."""
        rendered = self.render(edition)
        if rendered is None:
            return None
        subscribe = links.absolute(reverse("newsletter:subscribe"), self.root)
        return build_message(rendered, to, subscribe, subscribe, one_off_message_id())

    def preview(self, edition: Edition) -> Rendered | None:
        """The edition as an editor previews it in the admin."""
        rendered = self.render(edition)
        if rendered is None:
            return None
        subscribe = links.absolute(reverse("newsletter:subscribe"), self.root)
        return Rendered(
            subject=rendered.subject,
            text=personalise(rendered.text, subscribe, subscribe),
            html=personalise(rendered.html, subscribe, subscribe),
        )


def personalise(body: str, preferences: str, unsubscribe: str) -> str:
    return body.replace(PREFERENCES, preferences).replace(UNSUBSCRIBE, unsubscribe)


def build_message(
    rendered: Rendered,
    to: str,
    preferences: str,
    unsubscribe: str,
    message_id: str,
    connection=None,
) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=personalise(rendered.text, preferences, unsubscribe),
        from_email=conf.from_email(),
        to=[to],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": conf.list_id(),
            "Message-ID": message_id,
        },
    )
    message.attach_alternative(personalise(rendered.html, preferences, unsubscribe), "text/html")
    return message


def mail_domain() -> str:
    return conf.from_email().rsplit("@", 1)[-1].strip("> ") or "localhost"


def delivery_message_id(mailing_id: int, delivery_id: int) -> str:
    """The same id however often a delivery is attempted, so a mail server or client that
    saw it once can tell a repeat."""
    return f"<roundup.{mailing_id}.{delivery_id}@{mail_domain()}>"


def one_off_message_id() -> str:
    return make_msgid(idstring="roundup-test", domain=mail_domain())
