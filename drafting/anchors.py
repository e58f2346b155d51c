"""Paragraph anchors: how a comment stays attached to its paragraph while the essay changes.

A paragraph is one top-level element (`<p>`, a list, a sub-heading) of a rich-text
paragraph block in the page's body. Its anchor is the StreamField block's id, which
Wagtail keeps for as long as the block exists, plus the element's position inside that
block: `<block id>.<n>`. Anchors therefore survive every edit to *other* blocks
(inserting, deleting or reordering blocks) and every edit to the paragraph's own words.

A comment stores the anchor *and* the paragraph's text as it was. `locate` finds where a
comment belongs in today's body, in this order:

1. the same anchor still holds the same text: it is there;
2. another paragraph holds exactly that text: the paragraph moved (to another block, or
   shifted inside its block), so the comment follows it;
3. the same anchor holds a paragraph that is still recognisably the one commented on
   (at least half its words in common): the paragraph was edited in place;
4. some other paragraph of the same block is recognisably it: edited and shifted;
5. otherwise the paragraph was removed, and the comment is shown against the revision it
   was made on, with the text it quoted.
"""

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from bs4.element import Tag

from wagtail.rich_text import expand_db_html

PARAGRAPH_BLOCK_TYPES = ("paragraph",)
# How much of a paragraph's wording must remain for an edited paragraph to keep its comments.
SAME_PARAGRAPH_RATIO = 0.5
WHITESPACE = re.compile(r"\s+")


@dataclass
class Paragraph:
    """One commentable paragraph of a body, in reading order."""

    key: str
    number: int  # 1-based position among the body's commentable paragraphs
    block_id: str
    html: str
    text: str
    comments: list = field(default_factory=list)

    @property
    def html_id(self) -> str:
        return f"para-{self.key}"

    @property
    def comments_id(self) -> str:
        return f"comments-{self.key}"

    @property
    def excerpt(self) -> str:
        return self.text if len(self.text) <= 70 else self.text[:67].rstrip() + "…"


def normalise(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def split_rich_text(html: str) -> list[tuple[str, str]]:
    """The top-level elements of rendered rich text, as (html, plain text) pairs."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        (str(element), normalise(element.get_text(" ")))
        for element in soup.children
        if isinstance(element, Tag) and normalise(element.get_text(" "))
    ]


def paragraphs_of(stream) -> list[Paragraph]:
    """Every commentable paragraph of a StreamField value, with its anchor and text."""
    paragraphs = []
    for block in stream:
        if block.block_type not in PARAGRAPH_BLOCK_TYPES:
            continue
        for index, (html, text) in enumerate(split_rich_text(expand_db_html(block.value.source))):
            paragraphs.append(
                Paragraph(
                    key=f"{block.id}.{index}",
                    number=len(paragraphs) + 1,
                    block_id=str(block.id),
                    html=html,
                    text=text,
                )
            )
    return paragraphs


def similarity(before: str, after: str) -> float:
    return difflib.SequenceMatcher(None, before.split(), after.split(), autojunk=False).ratio()


class Locator:
    """Finds where stored (anchor, text) pairs belong among a body's current paragraphs."""

    def __init__(self, paragraphs: Iterable[Paragraph]):
        self.paragraphs = list(paragraphs)
        self.by_key = {paragraph.key: paragraph for paragraph in self.paragraphs}
        self.by_text: dict[str, Paragraph] = {}
        for paragraph in self.paragraphs:
            self.by_text.setdefault(paragraph.text, paragraph)
        self._cache: dict[tuple[str, str], Paragraph | None] = {}

    def locate(self, key: str, text: str) -> Paragraph | None:
        """The paragraph a comment on `key` quoting `text` belongs to now, or None if removed."""
        if (key, text) not in self._cache:
            self._cache[key, text] = self._locate(key, normalise(text))
        return self._cache[key, text]

    def _locate(self, key: str, text: str) -> Paragraph | None:
        same_place = self.by_key.get(key)
        if same_place is not None and same_place.text == text:
            return same_place
        if text in self.by_text:
            return self.by_text[text]
        if same_place is not None and similarity(text, same_place.text) >= SAME_PARAGRAPH_RATIO:
            return same_place
        block_id = key.rsplit(".", 1)[0]
        candidates = [
            (similarity(text, paragraph.text), paragraph)
            for paragraph in self.paragraphs
            if paragraph.block_id == block_id
        ]
        best = max(candidates, key=lambda pair: pair[0], default=(0, None))
        return best[1] if best[0] >= SAME_PARAGRAPH_RATIO else None
