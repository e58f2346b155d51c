"""Recognising numbered series in post titles, as the site wrote them.

"Ten reasons why we need a new approach to developing social policy – 2. Policy would…"
and "Why we need a new approach to developing social policy – 9. It's the future" are
parts 2 and 9 of one series: titles that end the same way name the same series, and the
longest spelling is the series' title. A leading number word ("Ten reasons…") says how
many parts the series plans. "Part 3: …" titles take their series from the post's first
category.
"""

import re

DASHED = re.compile(
    r"^(?P<series>.+?)\s+[–—-]+\s+(?:Part\s+)?(?P<number>\d{1,3})[.:]\s+(?P<title>.+)$"
)
PART_FIRST = re.compile(r"^Part\s+(?P<number>\d{1,3})\s*[:.–—-]\s*(?P<title>.+)$", re.I)
# fmt: off
NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"],
        start=1,
    )
}
# fmt: on


def normalise(title: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", title.lower()).split())


def parse_part(title: str, categories: list[str]) -> tuple[str, int, str] | None:
    """(series title, part number, part title) when `title` names a series part."""
    title = " ".join(title.split())
    match = DASHED.match(title)
    if match:
        return match["series"].strip(), int(match["number"]), match["title"].strip()
    match = PART_FIRST.match(title)
    named = [name for name in categories if normalise(name) not in {"uncategorized", ""}]
    if match and named:
        return named[0], int(match["number"]), match["title"].strip()
    return None


def planned_parts(series_title: str) -> int:
    """10 for "Ten reasons why…", 0 when the title does not say."""
    first = normalise(series_title).split(" ", 1)[0] if series_title.strip() else ""
    if first.isdigit():
        return int(first)
    return NUMBER_WORDS.get(first, 0)


def merge_spellings(titles: list[str]) -> dict[str, str]:
    """Each series key (normalised title) → the key of the series it belongs to: a title
    that is the ending of a longer one belongs to the longer one."""
    keys = sorted({normalise(title) for title in titles}, key=len, reverse=True)
    merged = {}
    for position, key in enumerate(keys):
        merged[key] = next(
            (merged[longer] for longer in keys[:position] if longer.endswith(" " + key)), key
        )
    return merged
