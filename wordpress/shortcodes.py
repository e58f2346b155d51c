"""WordPress shortcodes, turned into markup the block converter understands or removed.

Only shortcodes WordPress (or WordPress.com) would have run are touched: text such as
"Lets Get Social [sic]" stays as written. `[caption]` becomes a <figure>, `[embed]` and
the provider shortcodes an embed, `[gallery]` its images; any other known shortcode is
removed, keeping the text it wrapped, and reported.
"""

import re
from html import escape

# Shortcodes WordPress core and WordPress.com registered; others print as typed.
KNOWN = {
    "archives", "audio", "caption", "code", "contact-form", "embed", "gallery", "googlemaps",
    "instagram", "playlist", "polldaddy", "portfolio", "recipe", "slideshare", "soundcloud",
    "sourcecode", "ted", "tweet", "twitter-timeline", "video", "vimeo", "wp_caption",
    "wpvideo", "youtube",
}  # fmt: skip
PROVIDER_SHORTCODES = {"youtube", "vimeo", "tweet", "soundcloud", "ted", "instagram"}

CAPTION = re.compile(r"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.S | re.I)
CAPTION_IMAGE = re.compile(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", re.S | re.I)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
OPENING = re.compile(r"\[(\[?)([a-zA-Z_][\w-]*)((?:\s[^\]]*)?)\](\]?)")
CLOSING = re.compile(r"\[/([a-zA-Z_][\w-]*)\]")
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
URL = re.compile(r"https?://\S+")


def attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): next(value for value in match.groups()[1:] if value is not None)
        for match in ATTRIBUTE.finditer(text)
    }


def _caption(match: re.Match) -> str:
    attrs, inner = attributes(match.group(1)), match.group(2)
    image = CAPTION_IMAGE.search(inner)
    if image is None:
        return inner
    caption = (inner[: image.start()] + inner[image.end() :]).strip() or attrs.get("caption", "")
    return f"<figure>{image.group(0)}<figcaption>{caption}</figcaption></figure>"


def _embed_element(url: str) -> str:
    return f'\n\n<wp-embed data-url="{escape(url.strip())}"></wp-embed>\n\n'


def expand(html: str, notes: list[str]) -> str:
    """`html` with shortcodes replaced by elements the converter handles; `notes` gets a
    line for each shortcode removed."""
    html = CAPTION.sub(_caption, html)
    html = EMBED.sub(lambda match: _embed_element(match.group(1)), html)

    def opening(match: re.Match) -> str:
        escaped, name, rest = match.group(1) and match.group(4), match.group(2), match.group(3)
        if escaped:  # [[name]] is how WordPress writes a literal [name]
            return match.group(0)[1:-1]
        if name.lower() not in KNOWN:
            return match.group(0)
        name = name.lower()
        attrs = attributes(rest)
        if name == "gallery":
            ids = attrs.get("ids") or attrs.get("include", "")
            return f'\n\n<wp-gallery data-ids="{escape(ids)}"></wp-gallery>\n\n'
        if name in PROVIDER_SHORTCODES or name in {"audio", "video"}:
            url = attrs.get("url") or attrs.get("src") or attrs.get("mp3") or attrs.get("mp4")
            found = URL.search(url or rest.lstrip("= "))
            if name in PROVIDER_SHORTCODES and found:
                return _embed_element(found.group(0))
        notes.append(f"shortcode [{name}] removed")
        return ""

    html = OPENING.sub(opening, html)
    return CLOSING.sub(lambda m: "" if m.group(1).lower() in KNOWN else m.group(0), html)
