"""What a blog post's page says about itself: title, author, date, blog, opening paragraphs.

Read in order of trust: JSON-LD (`Article`, `BlogPosting`), OpenGraph and `article:*`
meta, then the markup WordPress and Blogger themes write (`entry-title`, `post-title`,
`<time datetime>`, `abbr.published`, Blogger's date header), then the page's `<title>`.
Anything not found stays empty, for the editor to type.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from bs4.element import Tag

from core.dates import parse_date_text

ARTICLE_TYPES = {"Article", "BlogPosting", "NewsArticle", "Report", "SocialMediaPosting"}
MAX_PARAGRAPHS = 8
MIN_PARAGRAPH_LENGTH = 40
TITLE_SEPARATORS = re.compile(r"\s+[|–—:»-]\s+")
BODY_SELECTORS = (
    ".entry-content",  # WordPress
    ".post-body",  # Blogger
    "[itemprop=articleBody]",
    ".post-content",
    "article",
    "main",
)


@dataclass
class PostDetails:
    title: str = ""
    author: str = ""
    posted_on: date | None = None
    blog_name: str = ""
    blog_url: str = ""
    paragraphs: list[str] = field(default_factory=list)


def clean_text(text: str | None) -> str:
    """Text with its white space tidied and any undecodable bytes (U+FFFD) left out."""
    return " ".join((text or "").replace("\ufffd", "").split())


def decoded(html: bytes, charset: str | None) -> bytes | str:
    """The page as text in the charset its server declared, with bytes that do not belong
    to it dropped later (a broken page still gives "Half a page", not "Half a paÿþge").
    Bytes with no declared charset are left for BeautifulSoup, which reads <meta charset>."""
    if not charset:
        return html
    try:
        return html.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        return html


def meta_content(soup: BeautifulSoup, *names: str) -> str:
    """The first non-empty <meta property|name=…> among `names`."""
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            tag = soup.find("meta", attrs={attribute: name})
            if tag and clean_text(tag.get("content")):
                return clean_text(tag.get("content"))
    return ""


def selected_text(soup: BeautifulSoup, *selectors: str) -> str:
    for selector in selectors:
        tag = soup.select_one(selector)
        if tag is not None and clean_text(tag.get_text(" ")):
            return clean_text(tag.get_text(" "))
    return ""


def json_ld_articles(soup: BeautifulSoup) -> list[dict]:
    """Every JSON-LD object typed as an article, including those inside @graph."""
    found = []

    def visit(item):
        if isinstance(item, list):
            for child in item:
                visit(child)
        elif isinstance(item, dict):
            types = item.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & ARTICLE_TYPES:
                found.append(item)
            visit(item.get("@graph"))

    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            visit(json.loads(script.string or ""))
        except (ValueError, TypeError):
            continue
    return found


def ld_name(value) -> str:
    """A JSON-LD person, organisation or list of them, as a name."""
    if isinstance(value, list):
        return ", ".join(name for name in (ld_name(item) for item in value) if name)
    if isinstance(value, dict):
        return clean_text(value.get("name"))
    return clean_text(value) if isinstance(value, str) else ""


def as_date(text: str | None) -> date | None:
    """A date from ISO 8601 (with or without time and zone) or the worded forms."""
    text = clean_text(text)
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return parse_date_text(text)


def theme_date(soup: BeautifulSoup) -> date | None:
    """The date WordPress and Blogger themes print with a post."""
    candidates = [
        tag.get("datetime")
        for tag in soup.select("time.published[datetime], time.entry-date[datetime]")
    ]
    candidates += [tag.get("title") for tag in soup.select("abbr.published[title]")]
    candidates += [tag.get("datetime") for tag in soup.select("article time[datetime]")]
    candidates += [tag.get("datetime") for tag in soup.select("time[datetime]")]
    candidates += [tag.get_text(" ") for tag in soup.select(".date-header")]
    for candidate in candidates:
        found = as_date(candidate)
        if found:
            return found
    return None


def is_address(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def blog_home(soup: BeautifulSoup, page_url: str, articles: list[dict]) -> str:
    """The blog's home page: the theme's "home" link, the publisher's address, else the site."""
    for tag in soup.select("link[rel~=home][href], a[rel~=home][href]"):
        return urljoin(page_url, tag["href"])
    for article in articles:
        publisher = article.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("url"), str):
            return urljoin(page_url, publisher["url"])
    parts = urlsplit(page_url)
    return f"{parts.scheme}://{parts.netloc}/"


def own_text(paragraph: Tag) -> str:
    """A paragraph's text without that of paragraphs inside it. Python's HTML parser keeps
    an unclosed <p> open, so old pages' "<p>One<p>Two" reads as Two inside One; without
    this, One would be offered as both paragraphs run together."""
    return clean_text(
        " ".join(
            text for text in paragraph.find_all(string=True) if text.find_parent("p") is paragraph
        )
    )


def body_paragraphs(soup: BeautifulSoup) -> list[str]:
    """The post's opening paragraphs, from its body when the theme marks it."""
    container: Tag | BeautifulSoup = soup.body or soup
    for selector in BODY_SELECTORS:
        tag = soup.select_one(selector)
        if tag is not None:
            container = tag
            break
    paragraphs = [own_text(p) for p in container.find_all("p")]
    if not any(paragraphs):
        # Blogger's classic editor writes paragraphs as runs of <br>.
        for br in container.find_all("br"):
            br.replace_with("\n")
        paragraphs = [clean_text(chunk) for chunk in re.split(r"\n\s*\n", container.get_text())]
    chosen = []
    for text in paragraphs:
        if len(text) >= MIN_PARAGRAPH_LENGTH and text not in chosen:
            chosen.append(text)
        if len(chosen) == MAX_PARAGRAPHS:
            break
    return chosen


def without_blog_name(title: str, blog_name: str) -> str:
    """A <title> such as "Mixed ability | Frank Chalk" without the blog's name."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and blog_name and blog_name.lower() in parts[-1].lower():
        return " – ".join(parts[:-1]).strip()
    return title


def extract_post_details(
    html: bytes | str, page_url: str, charset: str | None = None
) -> PostDetails:
    """Everything the page says about the post it holds (empty strings where it is silent)."""
    if isinstance(html, bytes):
        html = decoded(html, charset)
    soup = BeautifulSoup(
        html, "html.parser", from_encoding=charset if isinstance(html, bytes) else None
    )
    for tag in soup(["script", "style", "noscript", "template"]):
        if tag.get("type") != "application/ld+json":
            tag.decompose()
    articles = json_ld_articles(soup)
    article = articles[0] if articles else {}

    blog_name = (
        meta_content(soup, "og:site_name", "application-name")
        or ld_name(article.get("publisher"))
        or selected_text(soup, ".site-title", "#header h1.title", "#header .title", "h1.title")
    )
    title = (
        clean_text(article.get("headline"))
        or meta_content(soup, "og:title", "twitter:title")
        or selected_text(soup, ".entry-title", ".post-title", "article h1", "h1")
        or without_blog_name(clean_text(soup.title.string if soup.title else ""), blog_name)
    )
    author_meta = meta_content(soup, "author", "article:author")
    author = (
        ld_name(article.get("author"))
        or ("" if is_address(author_meta) else author_meta)
        or selected_text(
            soup, ".entry-meta .author .fn", ".byline .author", "a[rel~=author]", ".post-author .fn"
        )
    )
    posted_on = (
        as_date(
            article.get("datePublished") if isinstance(article.get("datePublished"), str) else ""
        )
        or as_date(meta_content(soup, "article:published_time", "datePublished"))
        or theme_date(soup)
    )
    return PostDetails(
        title=title,
        author=author,
        posted_on=posted_on,
        blog_name=blog_name,
        blog_url=blog_home(soup, page_url, articles),
        paragraphs=body_paragraphs(soup),
    )


def address_key(url: str) -> tuple[str, str]:
    """(host without www., path without trailing slash), lower-cased, for comparing blogs."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    return host, parts.path.rstrip("/").lower()


def blogger_for_address(post_url: str, bloggers) -> object | None:
    """The blogger whose blog address the post's address lies under (the longest such
    address when blogs share a host), from `bloggers`, or None."""
    host, path = address_key(post_url)
    best, best_length = None, -1
    for blogger in bloggers:
        if not blogger.blog_url:
            continue
        blog_host, blog_path = address_key(blogger.blog_url)
        under = path == blog_path or path.startswith(f"{blog_path}/")
        if blog_host == host and under and len(blog_path) > best_length:
            best, best_length = blogger, len(blog_path)
    return best
