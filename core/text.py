"""Plain text of indexed objects, and extracts with the searched words highlighted.

The extract comes from the object already loaded for the results page, read from
the stored stream data rather than the blocks' Python values, so building it never
queries the database (a chooser block would otherwise fetch its target once per
result).
"""

import re
from collections.abc import Iterable, Iterator
from html import unescape

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

TOKEN_RE = re.compile(r"([^\W_]+)")
SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "es",
    "ed",
    "ly",
    "s",
    "y",
    "e",
)


TAG_RE = re.compile(r"<[^>]*>")


def html_to_text(html: str) -> str:
    """Plain text of stored rich text, quickly (tags become spaces, entities characters)."""
    return unescape(TAG_RE.sub(" ", html or ""))


def light_stem(word: str) -> str:
    """A rough English stem, enough to mark "consultations" when "consultation" was searched."""
    word = word.lower()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


class Matcher:
    """Decides which words of a text are the searched words (by stem, or as a name's prefix)."""

    def __init__(self, words: Iterable[str]):
        lowered = {word.lower() for word in words if word}
        self.stems = {light_stem(word) for word in lowered}
        # Names like "Ermintrude2" are found by their beginning ("Ermintrude").
        self.prefixes = tuple(word for word in lowered if len(word) >= 4)
        self._seen: dict[str, str | None] = {}
        self._by_token: dict[str, str | None] = {}  # the same, before lower-casing
        # Every matching word begins with a stem or prefix: a quick test before tokenising.
        beginnings = sorted(self.stems | set(self.prefixes), key=len, reverse=True)
        self._quick = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, beginnings)) + ")", re.IGNORECASE)
            if beginnings
            else None
        )

    def __bool__(self) -> bool:
        return bool(self.stems)

    def stem_of_match(self, token: str) -> str | None:
        """The matched stem if `token` is one of the searched words, else None (memoised)."""
        lowered = token.lower()
        if lowered not in self._seen:
            stem = light_stem(lowered)
            if stem in self.stems:
                self._seen[lowered] = stem
            elif self.prefixes and lowered.startswith(self.prefixes):
                self._seen[lowered] = next(p for p in self.prefixes if lowered.startswith(p))
            else:
                self._seen[lowered] = None
        return self._seen[lowered]

    def might_match(self, text: str) -> bool:
        """False when no searched word can be in `text` (one regular-expression scan)."""
        return bool(self) and self._quick.search(text) is not None

    def stems_of(self, tokens: list[str]) -> list[str | None]:
        """`stem_of_match` for many tokens: the page's extracts call it for every word."""
        seen, stem_of_match = self._by_token, self.stem_of_match
        stems = []
        for token in tokens:
            try:
                stems.append(seen[token])
            except KeyError:
                seen[token] = stem = stem_of_match(token)
                stems.append(stem)
        return stems

    def matches(self, token: str) -> bool:
        return self.stem_of_match(token) is not None

    def count(self, text: str) -> int:
        """How many distinct searched words appear in `text` (a rough relevance for choosing)."""
        if not self.might_match(text):
            return 0
        found = set(self.stems_of(TOKEN_RE.findall(text)))
        found.discard(None)
        return len(found)


def highlight(text: str, matcher: Matcher, max_words: int = 40) -> SafeString:
    """A window of `text` around the searched words, escaped, with the words in <mark>.

    Every piece of text is escaped before any markup is added, so nothing a
    reader or editor typed can become HTML.
    """
    pieces = TOKEN_RE.split(text or "")
    # pieces alternate: separator, word, separator, word, ..., separator
    word_count = len(pieces) // 2
    if not word_count:
        return mark_safe(escape(" ".join((text or "").split())))  # noqa: S308

    # The stem each word matched, by word number (0, 1, 2…).
    words = pieces[1::2]
    stems = matcher.stems_of(words) if matcher.might_match(text) else [None] * word_count
    hits = [n for n, stem in enumerate(stems) if stem is not None]
    start_word = 0
    if hits:
        best_score = -1
        for hit in hits:
            first = max(0, hit - 6)
            window = {stems[n] for n in hits if first <= n < first + max_words}
            if len(window) > best_score:
                start_word, best_score = first, len(window)
                if best_score == len(matcher.stems):
                    break
    end_word = min(word_count, start_word + max_words)

    # Keep the punctuation before the first word and after the last when nothing is cut there.
    first_piece = 0 if start_word == 0 else 2 * start_word + 1
    last_piece = len(pieces) - 1 if end_word == word_count else 2 * (end_word - 1) + 1
    out = []
    for position in range(first_piece, last_piece + 1):
        piece = escape(pieces[position])
        if position % 2 == 1 and stems[position // 2] is not None:
            piece = f"<mark>{piece}</mark>"
        out.append(piece)
    html = " ".join("".join(out).split())
    if start_word > 0:
        html = "…" + html
    if end_word < word_count:
        html = html + "…"
    return mark_safe(html)  # noqa: S308 - built from escaped pieces only


def highlight_all(text: str, matcher: Matcher) -> SafeString:
    """All of a short text (a title) escaped, with the searched words in <mark>."""
    pieces = TOKEN_RE.split(text or "")
    out = []
    for position, piece in enumerate(pieces):
        escaped = escape(piece)
        if position % 2 == 1 and matcher and matcher.matches(piece):
            escaped = f"<mark>{escaped}</mark>"
        out.append(escaped)
    return mark_safe("".join(out))  # noqa: S308 - built from escaped pieces only


def block_text(block: blocks.Block, raw) -> Iterator[str]:
    """The words in one block's stored (raw) value, walking structs, lists and streams.

    Choosers, choices, embeds and tables carry no prose and are skipped.
    """
    if raw is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield html_to_text(raw) if isinstance(raw, str) else ""
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        if isinstance(raw, str):
            yield raw
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                yield from block_text(child, raw.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in raw if isinstance(raw, list) else []:
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            yield from block_text(block.child_block, value)
    elif isinstance(block, blocks.StreamBlock):
        yield from stream_text(block, raw)


def stream_text(stream_block: blocks.StreamBlock, raw_items) -> Iterator[str]:
    """The words of a stream's stored items, in order."""
    for item in raw_items or []:
        if not isinstance(item, dict):
            continue
        child = stream_block.child_blocks.get(item.get("type"))
        if child is not None:
            yield from block_text(child, item.get("value"))


def field_text(obj, field_name: str) -> str:
    """The plain text of one field of `obj`, without database queries."""
    try:
        model_field = obj._meta.get_field(field_name)
    except Exception:  # a property or method named in search_fields
        model_field = None
    value = getattr(obj, field_name, "")
    if callable(value):
        value = value()
    if isinstance(model_field, StreamField):
        return " ".join(stream_text(model_field.stream_block, value.raw_data))
    if isinstance(model_field, RichTextField):
        return html_to_text(value or "")
    if value is None:
        return ""
    return str(value)


def indexed_text(obj) -> list[str]:
    """The text of every searchable field of `obj` except its title, in declaration order."""
    texts = []
    for search_field in obj.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            text = field_text(obj, search_field.field_name).strip()
            if text:
                texts.append(text)
    return texts


def best_extract(texts: Iterable[str], matcher: Matcher) -> SafeString:
    """The extract from whichever text holds most of the searched words (the first on a tie)."""
    texts = [text for text in texts if text]
    if not texts:
        return mark_safe("")  # noqa: S308 - empty
    best = max(texts, key=matcher.count) if matcher else texts[0]
    return highlight(best, matcher)
