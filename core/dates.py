"""Dates as editors type them, read one way everywhere and never changed silently.

An editor may type 2012-10-26, 26/10/2012 or 26 October 2012 (a weekday or an ordinal,
"Friday 26th October 2012", is fine too). Anything else is an error on the field that
names the formats; the admin's date picker is told not to replace what it cannot read
with today's date when the field loses focus. The same reader turns dates found on
blog pages ("Thursday, 18 October 2012") into dates.
"""

import re
from datetime import date, datetime

from django import forms
from django.db import models
from django.utils.functional import cached_property

from wagtail import blocks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput

EXAMPLE = "e.g. 19/10/2012, 2012-10-19 or 19 October 2012"
FORMAT_ERROR = "Enter the date as 26/10/2012, 2012-10-26 or 26 October 2012."
NUMERIC_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
WORDED_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")
WEEKDAY = re.compile(r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+", re.IGNORECASE)
ORDINAL = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)


def parse_date_text(text: str) -> date | None:
    """The date `text` names in one of the accepted forms, else None."""
    text = " ".join(str(text).replace(",", " ").split())
    if not text:
        return None
    for fmt in NUMERIC_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    worded = ORDINAL.sub(r"\1", WEEKDAY.sub("", text))
    worded = re.sub(r"\bof\b\s*", "", worded, flags=re.IGNORECASE).strip()
    for fmt in WORDED_FORMATS:
        try:
            return datetime.strptime(worded, fmt).date()
        except ValueError:
            pass
    return None


class GuidedDateInput(AdminDateInput):
    """Wagtail's date picker, told to leave text it cannot read alone (the server says
    what is wrong with it) and showing an example."""

    def __init__(self, attrs=None, format=None):
        super().__init__(attrs={"placeholder": "e.g. 19/10/2012", **(attrs or {})}, format=format)

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class FlexibleDateField(forms.DateField):
    """A date field that reads the three written forms, and says which they are."""

    widget = GuidedDateInput
    default_error_messages = {"invalid": FORMAT_ERROR}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        parsed = parse_date_text(value)
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


class FlexibleDateBlock(blocks.DateBlock):
    """The stream block counterpart of FlexibleDateField."""

    def __init__(self, required=True, help_text=None, validators=(), **kwargs):
        super().__init__(required=required, help_text=help_text, validators=validators, **kwargs)

    @cached_property
    def field(self):
        return FlexibleDateField(widget=GuidedDateInput(format=self.format), **self.field_options)


def use_flexible_dates_in_admin_forms() -> None:
    """Every model date field in the admin (week endings, last checked…) reads dates the
    same way. Called once when the app registry is ready."""
    register_form_field_override(
        models.DateField, override={"form_class": FlexibleDateField, "widget": GuidedDateInput}
    )
