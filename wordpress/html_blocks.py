"""A WordPress post's HTML as the body's stream blocks (`core.blocks.BodyBlock`).

WordPress stores classic posts without <p> tags (paragraphs are blank-line separated and
`wpautop` adds the tags on display) and block-editor posts as HTML between comments; both
come out as paragraphs, headings, lists, quotes, images, tables and embeds. Rich text is
rebuilt from scratch with only the tags the body's paragraphs allow (bold, italic, links,
superscript, line breaks), then passed through Wagtail's own whitelist, so no script,
style attribute or event handler survives. What is dropped is noted for the report.
"""

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlparse

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.embeds.finders import get_finders

from core.blocks import EDITOR_RICH_TEXT
from wordpress import shortcodes

# Elements whose content is never shown: removed with what they hold.
DROPPED = {
    "script", "style", "noscript", "form", "input", "button", "select", "textarea", "object",
    "embed", "applet", "svg", "canvas", "link", "meta", "template", "audio", "video", "map",
}  # fmt: skip
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "sup": "sup"}
BLOCK_LEVEL = {
    "p", "ul", "ol", "dl", "blockquote", "table", "figure", "img", "iframe", "hr", "pre",
    "div", "section", "article", "aside", "header", "footer", "nav", "address", "center",
    "details", "wp-embed", "wp-gallery", *HEADINGS, *DROPPED,
}  # fmt: skip
SAFE_SCHEMES = {"http", "https", "mailto", ""}
YOUTUBE_PLAYER = re.compile(r"^https?://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)")
BARE_URL = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$")
QUOTE_MARKS = "“”\"'‘’"
whitelister = EditorHTMLConverter(features=EDITOR_RICH_TEXT).whitelister


@dataclass
class Conversion:
    blocks: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    image_ids: list[int] = field(default_factory=list)


def clean_rich_text(html: str) -> str:
    """Rich text as Wagtail stores it after its whitelist: what the editor would save."""
    return whitelister.clean(html)


def embeddable(url: str) -> bool:
    """Whether one of Wagtail's embed finders knows this provider (no network)."""
    return any(finder.accept(url) for finder in get_finders())


def safe_href(href: str) -> bool:
    return urlparse(href.strip()).scheme.lower() in SAFE_SCHEMES


def text_of(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


class Converter:
    """One post's conversion. `find_image(src)` gives a Wagtail image id for an address
    (or None), `gallery(ids)` the image ids of a gallery shortcode, `find_document(href)`
    the Wagtail document id for a link to an uploaded file (or None)."""

    def __init__(
        self,
        find_image: Callable[[str], int | None],
        gallery: Callable[[list[str]], list[int]] = lambda ids: [],
        find_document: Callable[[str], int | None] = lambda href: None,
    ):
        self.find_image = find_image
        self.gallery = gallery
        self.find_document = find_document
        self.result = Conversion()
        self.inline: list[str] = []

    # Output ---------------------------------------------------------------

    def note(self, text: str) -> None:
        self.result.notes.append(text)

    def add(self, block_type: str, value) -> None:
        self.flush()
        self.result.blocks.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})

    def flush(self) -> None:
        html = "".join(self.inline).strip()
        self.inline = []
        html = re.sub(r"^(<br/>\s*)+|(\s*<br/>)+$", "", html)
        if not re.sub(r"<[^>]+>|\s|&nbsp;", "", html):
            return
        bare = BARE_URL.match(re.sub(r"<[^>]+>", "", html))
        only_url = bare and "<a " not in html.replace(f'<a href="{bare.group(1)}">', "")
        if only_url and self.embed(bare.group(1), quiet=True):
            return
        self.result.blocks.append(
            {
                "type": "paragraph",
                "value": clean_rich_text(f"<p>{html}</p>"),
                "id": str(uuid.uuid4()),
            }
        )

    def embed(self, url: str, quiet: bool = False) -> bool:
        url = url.strip()
        if url.startswith("//"):
            url = "https:" + url
        player = YOUTUBE_PLAYER.match(url)
        if player:  # the player's address is not an oEmbed one; the video's page is
            url = f"https://www.youtube.com/watch?v={player.group(1)}"
        if embeddable(url):
            self.add("embed", url)
            return True
        if not quiet:
            self.note(f"embed of {urlparse(url).netloc or 'an unknown address'} removed")
        return False

    def image(self, element: Tag, caption: str = "") -> None:
        src = element.get("src", "")
        image_id = self.find_image(src) if src else None
        if image_id is None:
            self.note(f"image {src.rsplit('/', 1)[-1] or '(no address)'} not in the media folder")
            return
        alt = (element.get("alt") or "").strip()
        self.result.image_ids.append(image_id)
        self.add(
            "image",
            {
                "image": image_id,
                "alt_text": alt[:255],
                "decorative": not alt,
                "caption": caption[:255],
            },
        )

    # Walking the tree -------------------------------------------------------

    def convert(self, html: str) -> Conversion:
        if "style=" in html:
            self.note("inline styles removed")
        html = shortcodes.expand(html, self.result.notes)
        soup = BeautifulSoup(html, "html.parser")
        self.blocks_of(soup)
        self.flush()
        return self.result

    def blocks_of(self, parent: Tag) -> None:
        for node in list(parent.children):
            self.block(node)

    def block(self, node) -> None:
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            self.text(str(node))
            return
        name = node.name.lower()
        if name in DROPPED:
            self.note(f"<{name}> removed")
        elif name == "iframe":
            self.embed(node.get("src", ""))
        elif name == "wp-embed":
            self.embed(node.get("data-url", ""))
        elif name == "wp-gallery":
            ids = [part.strip() for part in node.get("data-ids", "").split(",") if part.strip()]
            found = self.gallery(ids)
            if not found:
                self.note("gallery with no images in the media folder removed")
            for image_id in found:
                self.result.image_ids.append(image_id)
                self.add(
                    "image", {"image": image_id, "alt_text": "", "decorative": True, "caption": ""}
                )
        elif name == "img":
            self.image(node)
        elif name in HEADINGS:
            text = text_of(node)
            if text:
                self.add("heading", {"text": text[:200], "level": HEADINGS[name]})
        elif name in {"ul", "ol"}:
            self.list_block(node)
        elif name == "blockquote":
            self.quote(node)
        elif name == "table":
            self.table(node)
        elif name == "figure":
            self.figure(node)
        elif name == "pre":
            self.flush()
            self.inline.append(escape(node.get_text()).replace("\n", "<br/>"))
            self.flush()
        elif name == "hr":
            self.flush()
        elif name == "p":
            self.flush()
            self.inline_children(node)
            self.flush()
        elif name in BLOCK_LEVEL or node.find(list(BLOCK_LEVEL)) is not None:
            self.flush()
            self.blocks_of(node)
            self.flush()
        else:
            self.inline.append(self.inline_html(node))

    def text(self, text: str) -> None:
        """Loose text: blank lines end paragraphs, single line breaks are kept (wpautop)."""
        pieces = re.split(r"\n\s*\n", text)
        for position, piece in enumerate(pieces):
            if position:
                self.flush()
            self.inline.append(escape(piece, False).replace("\n", "<br/>"))

    def inline_children(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag) and (
                child.name.lower() in BLOCK_LEVEL or child.find(["img", "iframe"]) is not None
            ):
                self.block(child)
            elif isinstance(child, NavigableString) and not isinstance(child, Comment):
                self.inline.append(escape(str(child), False).replace("\n", "<br/>"))
            elif isinstance(child, Tag):
                self.inline.append(self.inline_html(child))

    def inline_html(self, node) -> str:
        """Only bold, italic, superscript, safe links and line breaks; other tags unwrap."""
        if isinstance(node, Comment):
            return ""
        if isinstance(node, NavigableString):
            return escape(str(node), False)
        name = node.name.lower()
        if name in DROPPED or name == "iframe":
            self.note(f"<{name}> removed")
            return ""
        if name == "br":
            return "<br/>"
        inner = "".join(self.inline_html(child) for child in node.children)
        if name in INLINE and inner.strip():
            return f"<{INLINE[name]}>{inner}</{INLINE[name]}>"
        if name == "a" and node.get("href"):
            document_id = self.find_document(node["href"].strip())
            if document_id is not None:  # the uploaded file, now a document of the site
                return f'<a data-linktype="document" data-id="{document_id}">{inner}</a>'
            if safe_href(node["href"]):
                return f'<a href="{escape(node["href"].strip())}">{inner}</a>'
            self.note("link to a script removed")
        return inner

    # Structured blocks -------------------------------------------------------

    def list_block(self, node: Tag) -> None:
        items = []
        for item in node.find_all("li"):  # nested lists' items follow their parent's
            own = [
                child for child in item.children if getattr(child, "name", "") not in {"ul", "ol"}
            ]
            html = "".join(self.inline_html(child) for child in own).strip()
            if re.sub(r"<[^>]+>|\s", "", html):
                items.append(clean_rich_text(f"<p>{html}</p>"))
        if items:
            self.add("list", {"style": "ol" if node.name.lower() == "ol" else "ul", "items": items})

    def quote(self, node: Tag) -> None:
        attribution = ""
        for cite in node.find_all(["cite", "footer"]):
            attribution = attribution or text_of(cite)
            cite.extract()
        paragraphs = [text_of(p) for p in node.find_all("p")] or [
            part.strip() for part in re.split(r"\n\s*\n", node.get_text()) if part.strip()
        ]
        text = "\n\n".join(" ".join(p.split()) for p in paragraphs if p).strip()
        if len(text) > 1 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
            text = text[1:-1].strip()
        if text:
            self.add("quote", {"quote": text, "attribution": attribution[:200]})

    def table(self, node: Tag) -> None:
        rows = [
            [text_of(cell) for cell in row.find_all(["td", "th"])] for row in node.find_all("tr")
        ]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        width = max(len(row) for row in rows)
        first = node.find("tr")
        caption = node.find("caption")
        self.add(
            "table",
            {
                "data": [row + [""] * (width - len(row)) for row in rows],
                "first_row_is_table_header": bool(node.find("thead") or first.find("th")),
                "first_col_is_header": False,
                "table_caption": text_of(caption) if caption else "",
            },
        )

    def figure(self, node: Tag) -> None:
        caption_node = node.find("figcaption")
        caption = text_of(caption_node) if caption_node else ""
        if caption_node:
            caption_node.extract()
        images = node.find_all("img")
        if "wp-block-embed" in " ".join(node.get("class", [])):
            url = BARE_URL.match(node.get_text())
            if url and self.embed(url.group(1)):
                return
        if len(images) == 1 and node.find("table") is None:
            self.image(images[0], caption)
            return
        self.flush()
        self.blocks_of(node)
        if caption:
            self.inline.append(escape(caption, False))
        self.flush()


def convert(
    html: str,
    find_image=lambda src: None,
    gallery=lambda ids: [],
    find_document=lambda href: None,
) -> Conversion:
    """The blocks for `html`, with notes of what was removed."""
    return Converter(find_image, gallery, find_document).convert(html or "")
