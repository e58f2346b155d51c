"""Date inputs read 2012-10-26, 26/10/2012 and 26 October 2012; anything else is an error."""

from datetime import date

import pytest

from core.dates import FORMAT_ERROR, FlexibleDateBlock, FlexibleDateField, parse_date_text


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
