"""Date inputs read 2012-10-26, 26/10/2012 and 26 October 2012, date-and-time inputs the
same with a time after; anything else is an error."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from django.core.exceptions import ValidationError

from core.dates import (
    DATETIME_EXAMPLE,
    DATETIME_FORMAT_ERROR,
    FORMAT_ERROR,
    FlexibleDateBlock,
    FlexibleDateField,
    FlexibleDateTimeField,
    GuidedDateTimeInput,
    parse_date_text,
    parse_datetime_text,
)


@pytest.mark.parametrize(
    "text",
    [
        "2012-10-26",
        "26/10/2012",
        "26 October 2012",
        "26 Oct 2012",
        "Friday 26th October 2012",
        "Friday, 26 October 2012",
        " 26  october 2012 ",
    ],
)
def test_the_written_forms_of_a_date_all_read_the_same(text):
    assert FlexibleDateField().clean(text) == date(2012, 10, 26)


@pytest.mark.parametrize(
    "text", ["10/26/2012", "26.10.2012", "2012/10/26", "next Friday", "31/02/2012", "26/10"]
)
def test_anything_else_is_an_error_naming_the_formats_never_another_date(text):
    with pytest.raises(Exception) as refused:
        FlexibleDateField().clean(text)
    assert FORMAT_ERROR in str(refused.value)
    assert parse_date_text(text) is None


def test_the_date_picker_leaves_unreadable_text_for_the_server_to_explain():
    widget = FlexibleDateField().widget
    assert widget.get_config()["validateOnBlur"] is False
    assert widget.attrs["placeholder"] == "e.g. 19/10/2012"


def test_the_stream_block_reads_the_same_forms():
    block = FlexibleDateBlock()
    assert block.clean(block.field.clean("26 October 2012")) == date(2012, 10, 26)
    with pytest.raises(Exception, match="Enter the date as"):
        block.field.clean("2012-26-10")


# Date and time: go-live and expiry dates, "first published", "open for comment until".

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    "text",
    [
        "2012-10-26 09:30",
        "26/10/2012 09:30",
        "26 October 2012 09:30",
        "26 October 2012 9:30",
        "26 October 2012 at 9:30am",
        "Friday 26th October 2012, 09:30",
        "2012-10-26T09:30",
    ],
)
def test_a_date_and_time_reads_the_same_in_each_written_form(text):
    moment = FlexibleDateTimeField().clean(text)
    assert moment == datetime(2012, 10, 26, 9, 30, tzinfo=LONDON)
    assert moment.astimezone(UTC).hour == 8  # London time: still summer time that day


def test_a_date_without_a_time_is_midnight_at_its_start_as_the_help_text_says():
    field = FlexibleDateTimeField()
    assert field.clean("26/10/2012") == datetime(2012, 10, 26, 0, 0, tzinfo=LONDON)
    assert field.clean("26/10/2012 9pm") == datetime(2012, 10, 26, 21, 0, tzinfo=LONDON)
    assert "midnight at the start of that day" in field.help_text


@pytest.mark.parametrize(
    "text",
    ["rubbish", "26.10.2012 09:30", "10/26/2012 09:30", "26/10/2012 25:00", "26/10/2012 9"],
)
def test_an_unreadable_date_and_time_is_an_error_naming_the_formats(text):
    with pytest.raises(ValidationError) as refused:
        FlexibleDateTimeField().clean(text)
    assert DATETIME_FORMAT_ERROR in refused.value.messages
    assert parse_datetime_text(text) is None


@pytest.mark.parametrize("name", ["go_live_at", "expire_at", "published_at", "comments_open_until"])
def test_every_date_and_time_in_the_essay_editor_reads_the_forms_and_keeps_typed_text(name):
    from essays.models import EssayPage

    field = EssayPage.get_edit_handler().get_form_class().base_fields[name]
    assert isinstance(field, FlexibleDateTimeField)
    assert isinstance(field.widget, GuidedDateTimeInput)
    assert field.widget.get_config()["validateOnBlur"] is False
    assert DATETIME_EXAMPLE in field.help_text


def test_the_scheduling_dialog_keeps_its_own_behaviour_on_the_guided_picker():
    from essays.models import EssayPage

    widget = EssayPage.get_edit_handler().get_form_class().base_fields["go_live_at"].widget
    assert widget.js_overlay_parent_selector == "#schedule-publishing-dialog"
    assert widget.attrs["data-action"] == "w-dialog:hidden->w-action#reset"
    assert widget.attrs["placeholder"] == "e.g. 19/10/2012 09:30"


def test_a_field_with_its_own_help_keeps_it_and_gains_the_example():
    from essays.models import EssayPage

    field = EssayPage.get_edit_handler().get_form_class().base_fields["comments_open_until"]
    assert field.help_text.startswith("Readers may comment until this moment")
    assert field.help_text.endswith("midnight at the start of that day.")
