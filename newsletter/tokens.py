"""Signed links: confirmation, preferences and one-click unsubscribe, no account needed.

A token carries the subscriber's id and key, signed with the site's SECRET_KEY and
a salt per purpose (a confirmation token cannot open the preferences page), and is
refused after its maximum age. Changing a subscriber's key revokes their links.
"""

from django.core import signing

from newsletter import conf
from newsletter.models import Subscriber

CONFIRM = "newsletter.confirm"
MANAGE = "newsletter.manage"


class LinkExpired(Exception):
    """The link was genuine but is older than its purpose allows."""


class LinkInvalid(Exception):
    """The link was altered, cut short, made for another purpose or revoked."""


class SubscriberGone(Exception):
    """The link was genuine but its subscriber has since left."""


def make_token(subscriber: Subscriber, purpose: str) -> str:
    return signing.dumps([subscriber.pk, subscriber.key], salt=purpose, compress=False)


def read_token(token: str, purpose: str) -> Subscriber:
    """The subscriber a token names, or one of the three exceptions above."""
    max_age = conf.confirm_max_age() if purpose == CONFIRM else conf.link_max_age()
    try:
        pk, key = signing.loads(token, salt=purpose, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise LinkInvalid from error
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None:
        raise SubscriberGone
    if subscriber.key != key:
        raise LinkInvalid
    return subscriber
