"""Build a WordPress export (WXR 1.2) of the seed's seven posts, in WordPress's own markup.

    python scripts/make_seed_wxr.py tests/fixtures/seed/000_5738819312a9abf6.txt
        > tests/fixtures/wordpress/guerilla-policy-seed.xml   (one command line)

The seed is plain text: posts separated by two blank lines, a title line, paragraphs
separated by a blank line, list items indented ("  • …", "  1. …"). WordPress stores a
classic-editor post the same way (paragraphs are blank-line separated, `wpautop` adds
the <p> tags when the page is shown), with HTML only where the editor added it. This
script adds what the original site's editors would have: <h3> for the roundup's sector
headings and the civil service table's heading, <blockquote> for quoted passages,
<ul>/<ol> for lists, a <table> for the leadership list (bold for those on Twitter), and
links on each excerpt's title and blog. The seed joins the civil service post and
series part 9 without a break; the script splits them at the series title.

What the seed does not say is made up, plainly: post ids from 101, dates as the demo
content dates the essays, blog and post addresses under example.org, one staff author.
"""

import re
import sys
from datetime import datetime
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from django.utils.text import slugify

SITE = "https://guerillapolicy.example.org"
AUTHOR = ("guerilla-policy-team", "The Guerilla Policy team")
SECTORS = ("Social care", "Health", "Democracy", "Policing", "Education", "Previous reads")
# The seed's posts in its order, with what the seed does not give.
POSTS = [
    ("2012-10-16 09:00:00", ["Education", "Open policymaking"]),
    ("2012-10-19 17:00:00", ["Roundup"]),
    ("2012-10-09 09:00:00", ["Open policymaking", "Consultation"]),
    ("2012-10-02 09:00:00", ["Open policymaking", "Consultation"]),
    ("2012-06-26 09:00:00", ["Social media", "Civil service"]),
    ("2012-10-19 09:00:00", ["Open policymaking", "Social policy"]),
    ("2012-10-10 09:00:00", ["Open policymaking", "Social policy"]),
]
SERIES_TITLE = re.compile(r"^.+ – \d+\. .+$")
BULLET = re.compile(r"^\s+•\s+(.*)$")
NUMBERED = re.compile(r"^\s+\d+\.\s+(.*)$")
DEPARTMENT = re.compile(
    r"\s(?=(?:Cabinet Office|Crown|Department|Foreign|Government|HM |Home Office|Ministry|"
    r"Northern Ireland|Office of|Scottish|Secret|Security|Treasury|UK Statistics|Welsh))"
)
TABLE_HEADING = "Civil service leadership"


def split_posts(text: str) -> list[list[str]]:
    """The seed's posts as lists of blocks (title first)."""
    posts = []
    for chunk in text.strip().split("\n\n\n"):
        blocks = [block for block in chunk.split("\n\n") if block.strip()]
        start = 0
        for position, block in enumerate(blocks[1:], start=1):
            if SERIES_TITLE.match(block) and "\n" not in block:
                posts.append(blocks[start:position])
                start = position
        posts.append(blocks[start:])
    return posts


def list_html(lines: list[str], pattern: re.Pattern, tag: str) -> str:
    items = "".join(f"<li>{escape(pattern.match(line).group(1), False)}</li>" for line in lines)
    return f"<{tag}>{items}</{tag}>"


def table_html(lines: list[str]) -> str:
    rows = []
    for line in lines:
        parts = DEPARTMENT.split(line, maxsplit=1)
        name, department = (parts[0], parts[1]) if len(parts) == 2 else (line, "")
        name_html = escape(name, False)
        if "(@" in name:
            name_html = f"<strong>{name_html}</strong>"
        rows.append(f"<tr><td>{name_html}</td><td>{escape(department, False)}</td></tr>")
    return f'<table style="width: 100%;"><tbody>{"".join(rows)}</tbody></table>'


def essay_html(blocks: list[str]) -> str:
    out = []
    for block in blocks:
        lines = block.split("\n")
        if all(BULLET.match(line) for line in lines):
            out.append(list_html(lines, BULLET, "ul"))
        elif all(NUMBERED.match(line) for line in lines) and block.startswith("  "):
            out.append(list_html(lines, NUMBERED, "ol"))
        elif block.startswith(TABLE_HEADING):
            out.append(f"<h3>{escape(block, False)}</h3>")
        elif len(lines) > 5 and all(DEPARTMENT.search(line) for line in lines):
            out.append(table_html(lines))
        elif block.startswith("“") and block.rstrip().endswith("”"):
            out.append(f"<blockquote>{escape(block, False)}</blockquote>")
        else:
            out.append(escape(block, False))
    return "\n\n".join(out)


def blog_host(from_line: str) -> str:
    blog = from_line.removeprefix("From ").removeprefix("the ")
    return f"https://{slugify(blog) or 'blog'}.example.org"


def roundup_html(blocks: list[str]) -> str:
    """Sector headings, then per excerpt: linked title, "From" linked blog, date, quote,
    commentary. The excerpt without a title links its address from the blog's name."""
    out = []
    for position, block in enumerate(blocks):
        previous = blocks[position - 1] if position else ""
        following = blocks[position + 1] if position + 1 < len(blocks) else ""
        if block in SECTORS:
            out.append(f"<h3>{escape(block, False)}</h3>")
        elif following.startswith("From "):
            post_url = f"{blog_host(following)}/2012/10/{slugify(block)[:60]}/"
            out.append(f'<strong><a href="{post_url}">{escape(block, False)}</a></strong>')
        elif block.startswith("From "):
            blog = block.removeprefix("From ")
            address = f"{blog_host(block)}/"
            if previous in SECTORS:  # no title: the blog's name links to the post
                address += "2012/10/a-post/"
            out.append(f'From <a href="{address}">{escape(blog, False)}</a>')
        elif previous.startswith("Posted on") and block.startswith("“"):
            out.append(f"<blockquote>{escape(block, False)}</blockquote>")
        else:
            out.append(escape(block, False))
    return "\n\n".join(out)


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def item_xml(post_id: int, blocks: list[str], date: str, topics: list[str]) -> str:
    title = blocks[0]
    body = roundup_html(blocks[1:]) if title.startswith("Best of") else essay_html(blocks[1:])
    when = datetime.strptime(date, "%Y-%m-%d %H:%M:%S")
    slug = slugify(title.replace("\xa0", " "))[:200]
    link = f"{SITE}/{when:%Y/%m/%d}/{slug}/"
    categories = "".join(
        f'\n\t\t<category domain="category" nicename="{slugify(topic)}">{cdata(topic)}</category>'
        for topic in topics
    )
    return f"""
	<item>
		<title>{xml_escape(title)}</title>
		<link>{link}</link>
		<pubDate>{when:%a, %d %b %Y %H:%M:%S} +0000</pubDate>
		<dc:creator>{cdata(AUTHOR[0])}</dc:creator>
		<guid isPermaLink="false">{SITE}/?p={post_id}</guid>
		<description></description>
		<content:encoded>{cdata(body)}</content:encoded>
		<excerpt:encoded>{cdata("")}</excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date>{cdata(date)}</wp:post_date>
		<wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>
		<wp:comment_status>{cdata("open")}</wp:comment_status>
		<wp:ping_status>{cdata("open")}</wp:ping_status>
		<wp:post_name>{cdata(slug)}</wp:post_name>
		<wp:status>{cdata("publish")}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{cdata("post")}</wp:post_type>
		<wp:post_password>{cdata("")}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>{categories}
	</item>"""


def build(seed_text: str) -> str:
    posts = split_posts(seed_text)
    if len(posts) != len(POSTS):
        raise SystemExit(f"Expected {len(POSTS)} posts in the seed, found {len(posts)}.")
    items = "".join(
        item_xml(101 + number, blocks, *POSTS[number]) for number, blocks in enumerate(posts)
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- Built by scripts/make_seed_wxr.py from the seed's seven posts. -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Guerilla Policy</title>
	<link>{SITE}</link>
	<description>Opening up policy research</description>
	<pubDate>Sat, 20 Oct 2012 09:00:00 +0000</pubDate>
	<language>en-GB</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{SITE}</wp:base_site_url>
	<wp:base_blog_url>{SITE}</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login>{cdata(AUTHOR[0])}</wp:author_login><wp:author_email>{cdata("info@example.org")}</wp:author_email><wp:author_display_name>{cdata(AUTHOR[1])}</wp:author_display_name><wp:author_first_name>{cdata("")}</wp:author_first_name><wp:author_last_name>{cdata("")}</wp:author_last_name></wp:author>
	<generator>https://wordpress.org/?v=3.4.2</generator>{items}
</channel>
</rss>
"""


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    sys.stdout.write(build(Path(sys.argv[1]).read_text(encoding="utf-8")))
