"""A word-level difference between a paragraph as commented on and as it reads now."""

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Piece:
    """A run of text that is unchanged (`same`), added (`inserted`) or taken out (`deleted`)."""

    kind: str
    text: str


@lru_cache(maxsize=512)
def word_diff(before: str, after: str) -> tuple[Piece, ...]:
    """Pieces that, read in order, show `before` turning into `after` word by word.

    Every reader of a page with answered comments sees the same differences, and matching
    words is the slowest part of drawing them, so each is worked out once per process.
    """
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", "".join(old[old_start:old_end])))
            continue
        if tag in ("delete", "replace"):
            pieces.append(Piece("deleted", "".join(old[old_start:old_end])))
        if tag in ("insert", "replace"):
            pieces.append(Piece("inserted", "".join(new[new_start:new_end])))
    return tuple(piece for piece in pieces if piece.text)
