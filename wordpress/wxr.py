"""Reading a WordPress export (WXR 1.0–1.2) as a stream of authors, terms and items.

The file is parsed with defusedxml's `iterparse`: each <item> is turned into a plain
`Item` and its element is cleared and detached from the channel before the next one is
read, so memory stays flat however large the export. A file that declares entities
(the "billion laughs") or refers to external ones is refused with `WxrError`.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse


class WxrError(Exception):
    """The file cannot be imported; the message says why in words an editor can act on."""


@dataclass(frozen=True)
class Author:
    login: str
    display_name: str
    email: str = ""


@dataclass(frozen=True)
class Comment:
    wp_id: int
    author: str
    email: str
    url: str
    date: datetime | None
    content: str
    approved: str  # "1" approved, "0" pending, "spam", "trash"
    type: str  # "" or "comment", "pingback", "trackback"
    parent_id: int


@dataclass
class Item:
    """One <item>: a post, page, attachment, menu item… as WordPress exported it."""

    wp_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    slug: str = ""
    content: str = ""
    excerpt: str = ""
    creator: str = ""
    date: datetime | None = None
    parent_id: int = 0
    menu_order: int = 0
    password: str = ""
    attachment_url: str = ""
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # domain, slug, name
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    @property
    def terms(self) -> list[str]:
        """Category and tag names, in the file's order, without repeats."""
        names = [name for domain, _, name in self.categories if domain in {"category", "post_tag"}]
        return list(dict.fromkeys(name for name in names if name))


@dataclass(frozen=True)
class Channel:
    """What the export says about the site, read before its first item."""

    title: str
    base_url: str


def _prefix(tag: str) -> str:
    """`{namespace}local` as `wp:local`, `content:local`… whichever WXR version wrote it."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if "/export/" in uri:
        return f"excerpt:{local}" if "excerpt" in uri else f"wp:{local}"
    if "purl.org/rss/1.0/modules/content" in uri:
        return f"content:{local}"
    if "purl.org/dc/elements" in uri:
        return f"dc:{local}"
    return local


def _text(element, name: str) -> str:
    for child in element:
        if _prefix(child.tag) == name:
            return (child.text or "").strip() if name != "content:encoded" else child.text or ""
    return ""


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


def _gmt(value: str) -> datetime | None:
    """WordPress's GMT timestamps ("0000-00-00 00:00:00" for never-published drafts)."""
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _comment(element) -> Comment:
    get = lambda name: _text(element, f"wp:comment_{name}")  # noqa: E731
    return Comment(
        wp_id=_int(get("id")),
        author=get("author"),
        email=get("author_email"),
        url=get("author_url"),
        date=_gmt(get("date_gmt")) or _gmt(get("date")),
        content=get("content"),
        approved=get("approved"),
        type=get("type"),
        parent_id=_int(get("parent")),
    )


def _item(element) -> Item:
    item = Item(
        wp_id=_int(_text(element, "wp:post_id")),
        post_type=_text(element, "wp:post_type"),
        status=_text(element, "wp:status"),
        title=_text(element, "title"),
        link=_text(element, "link"),
        guid=_text(element, "guid"),
        slug=_text(element, "wp:post_name"),
        content=_text(element, "content:encoded"),
        excerpt=_text(element, "excerpt:encoded"),
        creator=_text(element, "dc:creator").lstrip(">"),
        date=_gmt(_text(element, "wp:post_date_gmt")) or _gmt(_text(element, "wp:post_date")),
        parent_id=_int(_text(element, "wp:post_parent")),
        menu_order=_int(_text(element, "wp:menu_order")),
        password=_text(element, "wp:post_password"),
        attachment_url=_text(element, "wp:attachment_url"),
    )
    for child in element:
        name = _prefix(child.tag)
        if name == "category":
            item.categories.append(
                (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name == "wp:postmeta":
            item.meta[_text(child, "wp:meta_key")] = _text(child, "wp:meta_value")
        elif name == "wp:comment":
            item.comments.append(_comment(child))
    return item


def read(path: Path | str) -> Iterator[Channel | Author | Item]:
    """The export's channel (once, before the first author or item), authors and items."""
    channel_element, channel_sent, depth = None, False, 0
    try:
        for event, element in iterparse(str(path), events=("start", "end")):
            name = _prefix(element.tag)
            if event == "start":
                depth += 1
                if name == "channel":
                    channel_element = element
                continue
            depth -= 1
            if channel_element is None or depth != 2:
                continue  # inside an item or author: read whole at its end
            if not channel_sent and name in {"wp:author", "item"}:
                channel_sent = True
                yield Channel(
                    title=_text(channel_element, "title"),
                    base_url=(
                        _text(channel_element, "wp:base_blog_url") or _text(channel_element, "link")
                    ).rstrip("/"),
                )
            if name == "wp:author":
                yield Author(
                    login=_text(element, "wp:author_login"),
                    display_name=_text(element, "wp:author_display_name"),
                    email=_text(element, "wp:author_email"),
                )
            elif name == "item":
                yield _item(element)
            else:
                continue
            element.clear()
            channel_element.remove(element)
    except DefusedXmlException as error:
        raise WxrError(
            "The file declares XML entities or refers to external files, which a WordPress "
            f"export never does; it was refused for safety ({type(error).__name__})."
        ) from error
    except ParseError as error:
        raise WxrError(f"The file is not well-formed XML: {error}.") from error
    except FileNotFoundError as error:
        raise WxrError(f"There is no file at {path}.") from error
    if channel_element is None:
        raise WxrError("The file is XML but not a WordPress export (it has no RSS channel).")
