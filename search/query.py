"""Turn what a reader typed into a safe, bounded search query.

Readers type anything: punctuation, unbalanced quotes, SQL, markup, ten thousand
characters. The database backends pass terms into full-text syntax (SQLite FTS5
`MATCH`, PostgreSQL `to_tsquery`) with little escaping, so we keep only words
(letters and digits) and build the query from those. Quoted words become a phrase
when the quotes balance; otherwise the quotes are ignored.
"""

import re
from dataclasses import dataclass, field

from wagtail.search.query import And, Or, Phrase, PlainText, SearchQuery

# Long enough for any real search; longer input is cut here, before it reaches SQL.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10

WORD_RE = re.compile(r"[^\W_]+")

# Common English words that say nothing about a topic: PostgreSQL's english stop
# list (and "could", "would"). PostgreSQL ignores them and SQLite's FTS5 does not;
# dropping them here makes both databases answer the same way.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours yourself yourselves don s t
    """.split()  # noqa: SIM905 - a word list reads better as text
)


@dataclass
class ParsedQuery:
    """What we understood of a reader's query."""

    text: str  # the query as echoed back (trimmed and cut to length)
    terms: list[str] = field(default_factory=list)  # single words searched for
    phrases: list[list[str]] = field(default_factory=list)  # quoted phrases, as words
    ignored_words: list[str] = field(default_factory=list)  # stop words left out
    truncated: bool = False  # the reader's text was cut to MAX_QUERY_LENGTH or MAX_TERMS

    @property
    def is_empty(self) -> bool:
        """True when nothing searchable is left (blank, punctuation, or only stop words)."""
        return not self.terms and not self.phrases

    @property
    def words(self) -> list[str]:
        """Every searched word, phrases included, for highlighting."""
        words = list(self.terms)
        for phrase in self.phrases:
            words.extend(word for word in phrase if word.lower() not in STOP_WORDS)
        return words

    def as_search_query(self, operator: str = "and") -> SearchQuery:
        """The query for Wagtail's search backends: all words (or any), and every phrase."""
        parts: list[SearchQuery] = []
        if self.terms:
            parts.append(PlainText(" ".join(self.terms), operator=operator))
        parts.extend(Phrase(" ".join(words)) for words in self.phrases)
        if len(parts) == 1:
            return parts[0]
        return And(parts) if operator == "and" else Or(parts)


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def parse_query(raw: str) -> ParsedQuery:
    """Parse a reader's query into words and phrases, dropping anything the backends choke on."""
    text = " ".join((raw or "").split())
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    parsed = ParsedQuery(text=text, truncated=truncated)

    # Straight and curly double quotes both open and close phrases.
    normalised = text.replace("\u201c", '"').replace("\u201d", '"')
    pieces = normalised.split('"') if normalised.count('"') % 2 == 0 else [normalised]

    seen: set[str] = set()
    budget = MAX_TERMS

    def add_term(word: str) -> None:
        nonlocal budget
        key = word.lower()
        if key in seen:
            return
        seen.add(key)
        if key in STOP_WORDS:
            parsed.ignored_words.append(word)
        elif budget <= 0:
            parsed.truncated = True
        else:
            parsed.terms.append(word)
            budget -= 1

    for index, piece in enumerate(pieces):
        words = _words(piece)
        if index % 2 == 1 and len(words) > 1 and budget > 1:
            # A quoted phrase of several words.
            phrase = words[:budget]
            parsed.truncated = parsed.truncated or len(phrase) < len(words)
            parsed.phrases.append(phrase)
            budget -= len(phrase)
            continue
        for word in words:
            add_term(word)
    return parsed
