"""The demo site carries the seed whole: every prose paragraph of the seven original posts
(tests/fixtures/seed, see its README for provenance) appears word for word on a live page.

Word for word means the same words and punctuation in the same order; runs of spaces
(the seed's no-break spaces and double spaces included) count as one space. A post's
paragraphs must all be on one page. The only paragraphs allowed to differ are those an
editor changed by adopting a reader's answer in open drafting (the demo adopts one in
part 9): for those the page must show the adopted revision's wording instead.
"""

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from django.core.management import call_command

from wagtail.models import Page

from drafting.anchors import paragraphs_of
from drafting.models import Comment

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed" / "000_5738819312a9abf6.txt"

# The seven posts' titles, which open each post in the seed. The site writes titles its own
# way (a part's under its series' title, the roundup's from its week), so they are not
# checked word for word here; the essays' tests check them.
TITLES = (
    "Michael Gove’s approach to education reform is the opposite of open policymaking",
    "Best of the frontline bloggers (week ending 19th October 2012)",
    "Consultation can’t fix our broken politics – we need new ways to engage the public in "
    "policymaking",
    "Open policy is a challenge to government consultations – and an opportunity",
    "How can civil servants make better use of social media?",
    "Why we need a new approach to developing social policy – 9. It’s the future",
    "Ten reasons why we need a new approach to developing social policy – 2. Policy would "
    "stand a better chance of achieving its objectives",
)
LIST_ITEM = re.compile(r"^\s+(?:•|\d+\.)\s+")
# The roundup's dates ("Posted on 18th October 2012") are shown as the site shows every
# date ("18 October 2012") and tested with the roundup; its bylines ("From the Social Work
# Blog") are built from the bloggers' profiles and checked below without regard to case;
# the leadership table's rows are cells, checked below too.
TABLE_ROW = re.compile(r"^Sir Jeremy Heywood ")
BYLINE = re.compile(r"^From (.{1,40})$")
BLOCK_TAGS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "footer",
    "figcaption", "div", "article", "section", "header", "ul", "ol", "tr", "table", "br",
}  # fmt: skip


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def seed_posts() -> list[list[str]]:
    """The seed's posts, each a list of its prose paragraphs (list items one by one)."""
    chunks = [chunk for chunk in re.split(r"\n[ \t\xa0]*\n", SEED.read_text()) if chunk.strip()]
    posts: list[list[str]] = []
    for chunk in chunks:
        if words(chunk) in TITLES:
            posts.append([])
        elif TABLE_ROW.match(chunk) or chunk.startswith("Posted on") or BYLINE.match(chunk):
            continue
        elif "\n" in chunk.strip():
            posts[-1] += [words(LIST_ITEM.sub("", line)) for line in chunk.split("\n")]
        else:
            posts[-1].append(words(chunk))
    assert len(posts) == len(TITLES)
    return posts


class BlockText(HTMLParser):
    """The text of a page's <main>, one line per block element, so a paragraph can only
    match inside one element, never across two."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.depth = [""], 0

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        if tag in BLOCK_TAGS:
            self.lines.append("")

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        if tag in BLOCK_TAGS:
            self.lines.append("")

    def handle_data(self, data):
        if self.depth:
            self.lines[-1] += data


def page_lines(client, page) -> list[str]:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    parser = BlockText()
    parser.feed(response.content.decode())
    return [words(line) for line in parser.lines if line.strip()]


def adopted_wording() -> dict[str, str]:
    """Paragraph text as it was → its wording after an adopted reader's answer changed it."""
    changes = {}
    answers = Comment.objects.filter(
        outcome__in=Comment.CHANGED,
        change_revision__isnull=False,
    ).exclude(paragraph_key="")
    for comment in answers:
        changed = {p.key: p.text for p in paragraphs_of(comment.change_revision.as_object().body)}
        changes[words(comment.paragraph_text)] = words(changed[comment.paragraph_key])
    return changes


@pytest.fixture
def demo(db):
    call_command("load_demo_content", password="demo-pass", stdout=io.StringIO())


@pytest.mark.django_db
def test_every_prose_paragraph_of_the_seed_is_on_a_live_page_word_for_word(client, demo):
    posts = seed_posts()
    assert sum(len(post) for post in posts) == 121  # 97 paragraphs and 24 list items
    pages = {page.url: page_lines(client, page) for page in Page.objects.live().filter(depth__gt=1)}
    changes = adopted_wording()
    assert len(changes) == 1  # the demo adopts one reader's answer; no other may differ
    missing = []
    for title, paragraphs in zip(TITLES, posts, strict=True):
        expected = [changes.get(paragraph, paragraph) for paragraph in paragraphs]
        # The page carrying the post is the one with most of its paragraphs (the home page
        # shows a few openings too).
        found = {
            url: [p for p in expected if any(p in line for line in lines)]
            for url, lines in pages.items()
        }
        url = max(found, key=lambda url: len(found[url]))
        missing += [(title, p) for p in expected if p not in found[url]]
    assert missing == []


@pytest.mark.django_db
def test_every_roundup_byline_names_its_blog(client, demo):
    bylines = [m.group(1) for m in map(BYLINE.match, SEED.read_text().split("\n")) if m]
    assert len(bylines) == 9
    roundup = Page.objects.get(url_path__contains="week-ending").specific
    text = " ".join(page_lines(client, roundup)).lower()
    for blog in bylines:
        assert f"from {blog.lower()}" in text


@pytest.mark.django_db
def test_the_adopted_change_is_the_only_difference_and_is_small(demo):
    ((before, after),) = adopted_wording().items()
    assert before != after
    assert any(before in paragraph for post in seed_posts() for paragraph in post)
    assert abs(len(after) - len(before)) < 40  # a few words, not a rewritten paragraph


@pytest.mark.django_db
def test_leadership_table_has_every_row_and_only_those_on_twitter_in_bold(client, demo):
    seed = SEED.read_text()
    table_text = seed[seed.index("Sir Jeremy Heywood ") : seed.index("Why we need a new")]
    assert len(table_text.strip().split("\n")) == 38
    essay = Page.objects.get(slug="civil-servants-social-media")
    html = client.get(essay.url).content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
    assert len(rows) == 1 + 38  # the header row, then one a leader; no empty row
    bold = re.findall(r'<td class="table-cell--strong"\s*>\s*([^<]+?)\s*</td>', table)
    names = [cell for cell in bold if not cell.startswith("@")]
    assert names == [
        "Sir Bob Kerslake",
        "Ian Watmore",
        "Mark Lowcock",
        "Professor Sir John Beddington",
        "Dave Hartnett",
        "Ursula Brennan",
    ]
    for row in rows[1:]:
        assert re.search(r"<td[^>]*>\s*\S", row), "a row with no name"
