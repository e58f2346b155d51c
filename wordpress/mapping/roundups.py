"""Roundup posts ("Best of the frontline bloggers (week ending …)") → roundup pages.

The post's HTML is read as the editors wrote it: an introduction, then under each sector
heading a run of excerpts, each an optional linked title, "From <blog>", "Posted on
<date>", the quoted passage and the editors' commentary; then "Previous reads" with its
line and excerpts; then the closing call for suggestions (what follows the last
excerpt's first paragraph of commentary). Bloggers are matched by name or blog address
or created; a guest author ("A guest post by Laura Robinson, …", "From X, by Y") is
kept on the excerpt.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from roundups.models import RoundupPage
from roundups.titles import derived_title
from wordpress.html_blocks import convert
from wordpress.ledger import fingerprint
from wordpress.mapping import essays
from wordpress.text import plain

TITLE = re.compile(r"^Best of the frontline bloggers\s*\(week ending\s+(?P<date>[^)]+)\)", re.I)
FROM = re.compile(r"^From\s+(?P<name>.+?)(?:\s*[,(]?\s+by\s+(?P<author>[^)]+)\)?)?$", re.I)
POSTED = re.compile(r"^Posted\s*on\s*(?P<date>.+)$", re.I)
GUEST = re.compile(r"\bguest post by\s+(?P<name>[^,.;:(]+)", re.I)
DATE = re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\s+(?P<year>\d{4})")
HREF = re.compile(r'href="([^"]+)"')
PREVIOUS_READS = "previous reads"


def parse_date(text: str) -> date | None:
    """ "18th October 2012", "18 October 2012", "on18th October 2012"."""
    match = DATE.search(text)
    if match is None:
        return None
    try:
        return datetime.strptime(
            f"{match['day']} {match['month'][:3]} {match['year']}", "%d %b %Y"
        ).date()
    except ValueError:
        return None


@dataclass
class ParsedExcerpt:
    sector: str
    previous_read: bool
    title: str = ""
    url: str = ""
    blog_name: str = ""
    blog_url: str = ""
    author: str = ""
    posted_on: date | None = None
    quote: str = ""
    commentary: list[str] = field(default_factory=list)


@dataclass
class ParsedRoundup:
    week_ending: date
    introduction: list[str] = field(default_factory=list)
    excerpts: list[ParsedExcerpt] = field(default_factory=list)
    previous_reads_introduction: str = ""
    closing: list[str] = field(default_factory=list)


def week_ending(item) -> date | None:
    match = TITLE.match(plain(item.title))
    return parse_date(match["date"]) if match else None


def is_roundup(item) -> bool:
    return item.post_type == "post" and week_ending(item) is not None


def first_href(html: str) -> str:
    match = HREF.search(html)
    return match.group(1).replace("&amp;", "&") if match else ""


def is_from_line(block: dict | None) -> bool:
    return bool(block and block["type"] == "paragraph" and FROM.match(plain(block["value"])))


def parse(blocks: list[dict], week: date) -> ParsedRoundup:
    """The roundup in the converted blocks of its post."""
    roundup = ParsedRoundup(week)
    sector, previous, current = "", False, None
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if block["type"] == "heading":
            text = block["value"]["text"].strip()
            previous = text.lower() == PREVIOUS_READS
            sector, current = ("" if previous else text), None
        elif block["type"] == "quote" and current is not None and not current.quote:
            current.quote = block["value"]["quote"]
        elif block["type"] == "paragraph":
            html, text = block["value"], plain(block["value"])
            from_line, posted = FROM.match(text), POSTED.match(text)
            if is_from_line(following) or (from_line and (current is None or current.blog_name)):
                current = ParsedExcerpt(sector, previous)
                roundup.excerpts.append(current)
            if from_line:
                current.blog_name, current.blog_url = from_line["name"].strip(), first_href(html)
                current.author = (from_line["author"] or "").strip()
                current.url = current.url or current.blog_url
            elif posted and current is not None:
                current.posted_on = parse_date(posted["date"])
            elif is_from_line(following):
                current.title, current.url = text, first_href(html)
            elif current is not None:
                current.commentary.append(html)
            elif previous:
                roundup.previous_reads_introduction = text
            else:
                roundup.introduction.append(html)
    if roundup.excerpts:
        last = roundup.excerpts[-1]
        last.commentary, roundup.closing = last.commentary[:1], last.commentary[1:]
    for excerpt in roundup.excerpts:
        guest = GUEST.search(" ".join(plain(html) for html in excerpt.commentary))
        if guest and not excerpt.author:
            excerpt.author = guest["name"].strip()
    return roundup


def excerpt_value(run, excerpt: ParsedExcerpt, where: str) -> dict | None:
    sector = run.people.sector(excerpt.sector) if excerpt.sector else None
    blogger = run.people.blogger(excerpt.blog_name, excerpt.blog_url, sector)
    missing = [
        name for name, value in (("date", excerpt.posted_on), ("quote", excerpt.quote)) if not value
    ]
    if missing:
        run.report.warn(where, f"excerpt from {excerpt.blog_name} has no {' or '.join(missing)}")
    return {
        "title": excerpt.title[:255],
        "url": excerpt.url or blogger.blog_url,
        "blogger": blogger.pk,
        "author": excerpt.author[:200],
        "posted_on": excerpt.posted_on.isoformat() if excerpt.posted_on else None,
        "quote": excerpt.quote,
        "commentary": "".join(excerpt.commentary),
        "sector": sector.pk if sector else None,
        "suggested_by": "",
    }


def fill(run, item, page: RoundupPage, parsed: ParsedRoundup) -> None:
    where = f"roundup {item.wp_id}"
    streams = {False: [], True: []}
    for excerpt in parsed.excerpts:
        value = excerpt_value(run, excerpt, where)
        streams[excerpt.previous_read].append({"type": "excerpt", "value": value})
    page.week_ending = parsed.week_ending
    page.title = page.draft_title = derived_title(parsed.week_ending)
    page.introduction = "".join(parsed.introduction)
    page.excerpts = streams[False]
    page.previous_reads = streams[True]
    if parsed.previous_reads_introduction:
        page.previous_reads_introduction = parsed.previous_reads_introduction[:255]
    page.suggestions_call = "".join(parsed.closing)


def import_roundup(run, item, live: bool):
    parsed = parse(convert(item.content).blocks, week_ending(item))
    if not parsed.excerpts:
        run.report.warn(f"post {item.wp_id}", "looks like a roundup but has no excerpts: an essay")
        return essays.import_post(run, item, live)
    return run.upsert(
        kind="roundup",
        key=f"post:{item.wp_id}",
        fingerprint=fingerprint(item.title, item.content, item.status, item.password, item.date),
        model=RoundupPage,
        parent=run.roundup_index(),
        fill=lambda page: fill(run, item, page, parsed),
        live=live,
        date=item.date,
    )
