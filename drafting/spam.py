"""Keeping floods away from editors without a third-party service.

Four layers: CSRF (Django's middleware), a honeypot field (`CommentForm.website`), a
limit on comments per address per hour counted in the shared cache, and an emailed link
a reader follows before their first comment reaches the moderation inbox. Once they
confirm, a signed cookie remembers their address in that browser, so later comments go
straight to moderation.
"""

from django.core import signing

from core.limits import take_address_slot

COMMENTS_PER_HOUR = 5
RATE_WINDOW_SECONDS = 60 * 60
CONFIRM_SALT = "drafting.confirm"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60
CONFIRMED_COOKIE = "drafting_confirmed"
CONFIRMED_COOKIE_SALT = "drafting.confirmed-address"
CONFIRMED_COOKIE_AGE = 365 * 24 * 60 * 60


def take_comment_slot(request) -> bool:
    """Count one comment from the reader's address; False when that is over the limit."""
    return take_address_slot(request, "drafting:comments", COMMENTS_PER_HOUR, RATE_WINDOW_SECONDS)


def confirmation_token(comment_id: int) -> str:
    return signing.dumps(comment_id, salt=CONFIRM_SALT)


def comment_id_from_token(token: str) -> int | None:
    """The comment a confirmation link names, or None when it is forged or over a week old."""
    try:
        return int(signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def remember_confirmed(response, email: str) -> None:
    response.set_signed_cookie(
        CONFIRMED_COOKIE,
        email.strip().lower(),
        salt=CONFIRMED_COOKIE_SALT,
        max_age=CONFIRMED_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
    )


def has_confirmed(request, email: str) -> bool:
    confirmed = request.get_signed_cookie(
        CONFIRMED_COOKIE, default=None, salt=CONFIRMED_COOKIE_SALT, max_age=CONFIRMED_COOKIE_AGE
    )
    return confirmed is not None and confirmed == email.strip().lower()
