"""A roundup's title and address, made from its week-ending date so nobody types them."""

import re
from datetime import date

TITLE_PREFIX = "Best of the frontline bloggers"
DERIVED_SLUG = re.compile(r"week-ending-\d{1,2}-[a-z]+-\d{4}")


def ordinal(day: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd … 31st."""
    if 11 <= day % 100 <= 13:
        return f"{day}th"
    return f"{day}{({1: 'st', 2: 'nd', 3: 'rd'}).get(day % 10, 'th')}"


def derived_title(week_ending: date) -> str:
    """ "Best of the frontline bloggers (week ending 19th October 2012)"."""
    return f"{TITLE_PREFIX} (week ending {ordinal(week_ending.day)} {week_ending:%B %Y})"


def derived_slug(week_ending: date) -> str:
    """ "week-ending-19-october-2012"."""
    return f"week-ending-{week_ending.day}-{week_ending:%B-%Y}".lower()
