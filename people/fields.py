"""Input rules for profiles: one stored form of a Twitter handle, blog addresses on the web."""

import re
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

HANDLE_PATTERN = re.compile(r"^[A-Za-z0-9_]{1,15}$")
TWITTER_HOSTS = {"twitter.com", "x.com"}
# Paths on twitter.com that look like profiles but are the site's own pages.
RESERVED_PATHS = {"home", "search", "explore", "i", "intent", "share", "settings", "login"}
HANDLE_RULE = (
    "A Twitter handle is 1 to 15 letters, digits or underscores, typed as @guerillapolicy, "
    "guerillapolicy or https://twitter.com/guerillapolicy."
)


def normalise_twitter_handle(value: str | None) -> str:
    """The handle alone, without the @, from whatever an editor typed; "" for nothing.

    Accepts `@name`, `name` and a profile address on twitter.com or x.com (with or
    without https://, www. or mobile., a trailing slash or a query). Raises
    ValidationError, saying what was wrong, when the input cannot be a handle.
    """
    text = (value or "").strip()
    if not text:
        return ""
    candidate = text
    if "/" in text or "." in text:  # never in a handle, so it must be a profile's address
        address = urlsplit("//" + re.sub(r"^https?://", "", text, flags=re.IGNORECASE))
        host = (address.hostname or "").removeprefix("www.").removeprefix("mobile.")
        if host not in TWITTER_HOSTS:
            raise ValidationError(
                "“%(value)s” is not a Twitter address. " + HANDLE_RULE,
                code="invalid_handle",
                params={"value": text},
            )
        segments = [part for part in address.path.split("/") if part]
        if not segments and address.fragment.startswith("!/"):  # twitter.com/#!/name
            segments = [part for part in address.fragment[2:].split("/") if part]
        if not segments or segments[0].lower() in RESERVED_PATHS:
            raise ValidationError(
                "“%(value)s” is a Twitter address but not a profile's. " + HANDLE_RULE,
                code="invalid_handle",
                params={"value": text},
            )
        candidate = segments[0]
    candidate = candidate.removeprefix("@")
    if not HANDLE_PATTERN.match(candidate):
        raise ValidationError(
            "“%(value)s” cannot be a Twitter handle. " + HANDLE_RULE,
            code="invalid_handle",
            params={"value": text},
        )
    return candidate


class TwitterHandleFormField(forms.CharField):
    """Takes a handle or a profile address, up to the length of an address, and cleans it."""

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 200
        kwargs.setdefault("help_text", "With or without the @, or the profile's address.")
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return normalise_twitter_handle(super().to_python(value))


class TwitterHandleField(models.CharField):
    """A Twitter handle stored one way: without the @, as the person capitalises it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 15)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return normalise_twitter_handle(super().to_python(value))

    def pre_save(self, model_instance, add):
        """Store the normal form even when code saves without validating; a value that cannot
        be a handle is left for validation to report rather than failing the save."""
        value = getattr(model_instance, self.attname)
        try:
            value = normalise_twitter_handle(value)
        except ValidationError:
            return value
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": TwitterHandleFormField, **kwargs})


# Blog addresses are links readers follow: web addresses only, never ftp: or javascript:.
web_address_validator = URLValidator(
    schemes=["http", "https"],
    message="Enter a web address starting with http:// or https://.",
)
