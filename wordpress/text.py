"""Plain text from WordPress's HTML fields (titles may carry markup, excerpts do)."""

import re
from html import unescape

from bs4 import BeautifulSoup


def plain(html: str) -> str:
    """The text a reader would see, on one line."""
    if "<" in html:
        html = re.sub(r"(?i)<br\s*/?>|</(?:p|div|li|h\d|td|th)\s*>", " \\g<0>", html)
        html = BeautifulSoup(html, "html.parser").get_text()
    return " ".join(unescape(html).split())


def paragraphs(html: str) -> str:
    """The text a reader would see, with blank lines between paragraphs (for comments)."""
    html = re.sub(r"(?i)<br\s*/?>", "\n", html or "")
    html = re.sub(r"(?i)</p\s*>", "\n\n", html)
    text = BeautifulSoup(html, "html.parser").get_text() if "<" in html else unescape(html)
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    return "\n\n".join(block for block in blocks if block)
