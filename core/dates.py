"""Dates as editors type them, read one way everywhere and never changed silently.

An editor may type 2012-10-26, 26/10/2012 or 26 October 2012 (a weekday or an ordinal,
"Friday 26th October 2012", is fine too). Anything else is an error on the field that
names the formats; the admin's date picker is told not to replace what it cannot read
with today's date when the field loses focus. The same reader turns dates found on
blog pages ("Thursday, 18 October 2012") into dates.

Date-and-time fields (a page's go-live and expiry dates, "first published", "open for
comment until") read the same three forms followed by a time on the 24-hour clock,
"26/10/2012 09:30", or with am/pm, "26 October 2012 9:30am". Without a time they mean
midnight at the start of that day, which the help text says, so "26/10/2012" is never
refused for want of a time nor quietly read as something else. Wagtail's own picker read
"2012-10-26 09:30" as nothing and put the current moment in its place when the field lost
focus, so a go-live date could be saved as "now" without anyone typing it.
"""

import re
from datetime import date, datetime, time

from django import forms
from django.db import models
from django.forms.utils import from_current_timezone
from django.utils.functional import cached_property

from wagtail import blocks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

EXAMPLE = "e.g. 19/10/2012, 2012-10-19 or 19 October 2012"
FORMAT_ERROR = "Enter the date as 26/10/2012, 2012-10-26 or 26 October 2012."
NUMERIC_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
WORDED_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")
WEEKDAY = re.compile(r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+", re.IGNORECASE)
ORDINAL = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)

DATETIME_EXAMPLE = "e.g. 19/10/2012 09:30, 2012-10-19 09:30 or 19 October 2012 09:30"
DATETIME_HELP = (
    f"Type the date and time, {DATETIME_EXAMPLE}, on the 24-hour clock (9:30am also works). "
    "A date with no time means midnight at the start of that day."
)
DATETIME_FORMAT_ERROR = (
    "Enter the date and time as 26/10/2012 09:30, 2012-10-26 09:30 or 26 October 2012 09:30 "
    "(or just the date, for midnight)."
)
# The time at the end of the text: "09:30", "9:30:15", "9:30pm", "9pm", after a space,
# "at", or the "T" of 2012-10-26T09:30.
CLOCK = re.compile(
    r"(?:\s+(?:at\s+)?|(?<=\d)T)"
    r"(?:(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<half>[ap]\.?m\.?)?"
    r"|(?P<bare_hour>\d{1,2})\s*(?P<bare_half>[ap]\.?m\.?))$",
    re.IGNORECASE,
)


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


def parse_clock(match: re.Match) -> time | None:
    """The time a CLOCK match names, or None for one that is not on a clock (25:00, 13pm)."""
    hour = int(match["hour"] or match["bare_hour"])
    minute, second = int(match["minute"] or 0), int(match["second"] or 0)
    half = (match["half"] or match["bare_half"] or "").replace(".", "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def parse_datetime_text(text: str) -> datetime | None:
    """The (naive, local) moment `text` names: a date in one of the accepted forms, then
    optionally a time; a date alone is midnight at its start. None for anything else."""
    text = " ".join(str(text).split())
    match = CLOCK.search(text)
    clock = time(0)
    if match:
        clock = parse_clock(match)
        if clock is None:
            return None
        text = text[: match.start()]
    day = parse_date_text(text)
    return datetime.combine(day, clock) if day else None


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


class GuidedDateTimeInput(AdminDateTimeInput):
    """Wagtail's date-and-time picker, told to leave text it cannot read alone and showing
    an example. Without this it swaps such text for the current moment on leaving."""

    def __init__(self, attrs=None, format=None, time_format=None, **kwargs):
        attrs = {"placeholder": "e.g. 19/10/2012 09:30", **(attrs or {})}
        super().__init__(attrs=attrs, format=format, time_format=time_format, **kwargs)

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


def guided(widget):
    """`widget` as a GuidedDateTimeInput. Wagtail's scheduling dialog hands its go-live and
    expiry fields a plain AdminDateTimeInput of its own (with the dialog's attributes),
    which would otherwise win over the registered widget."""
    if isinstance(widget, type):
        widget = widget()
    if isinstance(widget, AdminDateTimeInput) and not isinstance(widget, GuidedDateTimeInput):
        widget = GuidedDateTimeInput(
            attrs=widget.attrs,
            format=widget.format,
            js_overlay_parent_selector=widget.js_overlay_parent_selector,
        )
    return widget


class FlexibleDateTimeField(forms.DateTimeField):
    """A date-and-time field that reads the written forms of a date with an optional time,
    says which they are in its help text, and names them when it cannot read the text."""

    widget = GuidedDateTimeInput
    default_error_messages = {"invalid": DATETIME_FORMAT_ERROR}

    def __init__(self, *, widget=None, help_text="", **kwargs):
        if DATETIME_EXAMPLE not in (help_text or ""):
            help_text = f"{help_text} {DATETIME_HELP}".strip()
        super().__init__(widget=guided(widget or self.widget), help_text=help_text, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return from_current_timezone(value)
        if isinstance(value, date):
            return from_current_timezone(datetime.combine(value, time(0)))
        parsed = parse_datetime_text(value)
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return from_current_timezone(parsed)


def use_flexible_dates_in_admin_forms() -> None:
    """Every model date field in the admin (week endings, last checked…) and every
    date-and-time field (go-live and expiry dates, "first published", "open for comment
    until") reads dates the same way. Called once when the app registry is ready."""
    register_form_field_override(
        models.DateField, override={"form_class": FlexibleDateField, "widget": GuidedDateInput}
    )
    register_form_field_override(
        models.DateTimeField,
        override={"form_class": FlexibleDateTimeField, "widget": GuidedDateTimeInput},
    )
