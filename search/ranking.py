"""Find and rank search documents (`search.models.SearchDocument`) for the site search.

`DocumentSearch` answers the two calls the search engine makes of a backend,
`search(query, queryset)` and `autocomplete(text, queryset)`, with the query built
from Wagtail's public query classes (`wagtail.search.query`), so the engine talks to
it and to Wagtail's Elasticsearch and OpenSearch backends alike. Scores are higher
for better matches on every database.

- On PostgreSQL, documents match through the GIN index on their weighted vector
  (`SearchQuery`: plain words, quoted phrases) and rank with `SearchRank`, where a
  word in the title (weight A) counts 2.5 times one in the body (B). When no
  document has every word and any will do, each word's rank is weighted by its
  rarity among the matches (inverse document frequency), so that a rare word counts
  for more than a common one. One query ranks, cuts to the page wanted and counts
  every match.
- On SQLite (development and tests), documents whose text contains each word's
  beginning are read, and Python stems their words with the same Snowball English
  stemmer PostgreSQL uses, checks words and phrases, and ranks them by BM25 with
  the title counting three times: small sites only, which is what SQLite serves.

Names by their beginning ("Ermintrude" for "Ermintrude2") are matched against
titles in Python on both databases: only profiles are searched that way, and
there are few of them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from os.path import commonprefix

import snowballstemmer

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, FloatField, Q, Value, Window
from django.db.models.functions import Cast, Ln

from wagtail.search.query import And, Or, Phrase, PlainText

from search.documents import CONFIG
from search.models import SearchDocument
from search.query import STOP_WORDS

TOKEN_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Part:
    """One thing a document must contain: a word, or the words of a phrase in order."""

    text: str
    phrase: bool = False

    @property
    def words(self) -> list[str]:
        return TOKEN_RE.findall(self.text)


@dataclass(frozen=True)
class Terms:
    """A query as parts that a document must all contain (`every`) or any of."""

    parts: tuple[Part, ...]
    every: bool


def terms_of(query) -> Terms:
    """The parts of a query built from Wagtail's query classes (`search.query` builds them)."""
    if isinstance(query, str):
        query = PlainText(query)
    if isinstance(query, PlainText):
        return Terms(tuple(Part(w) for w in query.query_string.split()), query.operator != "or")
    if isinstance(query, Phrase):
        return Terms((Part(query.query_string, phrase=True),), True)
    if isinstance(query, (And, Or)):
        parts = tuple(part for sub in query.subqueries for part in terms_of(sub).parts)
        return Terms(parts, isinstance(query, And))
    raise ValueError(f"The site search cannot run a {type(query).__name__} query.")


@cache
def content_type_ids(model) -> tuple[int, ...]:
    """The content types of `model` and of every model that inherits from it."""
    return tuple(
        ContentType.objects.get_for_model(candidate).pk
        for candidate in apps.get_models()
        if issubclass(candidate, model)
    )


def documents_of(*querysets):
    """The documents of the objects in the querysets (live, public and filtered, for pages)."""
    combined = Q()
    for queryset in querysets:
        combined |= Q(
            content_type_id__in=content_type_ids(queryset.model),
            object_id__in=queryset.order_by().values("pk"),
        )
    return SearchDocument.objects.filter(combined)


def by_model(rows, querysets) -> list[list]:
    """Rows of (content type id, object id, score), split into (object id, score) lists, one
    per queryset in order: several models searched in one pass, answered model by model."""
    owner = {ct: index for index, qs in enumerate(querysets) for ct in content_type_ids(qs.model)}
    split: list[list] = [[] for _queryset in querysets]
    for content_type_id, object_id, score in rows:
        split[owner[content_type_id]].append((object_id, score))
    return split


class RankedResults:
    """The objects of one search, best first: sliceable and countable like Wagtail's
    search results. `rows(start, stop)` gives (object id, score, total or None)."""

    def __init__(self, rows, count, queryset):
        self._rows = rows
        self._count = count
        self.queryset = queryset
        self.score_name: str | None = None
        self.total: int | None = None

    def annotate_score(self, name: str) -> RankedResults:
        self.score_name = name
        return self

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("Search results take a slice.")
        start = key.start or 0
        rows = self._rows(start, key.stop)
        if rows and rows[0][2] is not None:
            self.total = rows[0][2]
        by_id = {obj.pk: obj for obj in self.queryset.filter(pk__in=[row[0] for row in rows])}
        found = []
        for object_id, score, total in rows:
            obj = by_id.get(object_id)
            if obj is not None:
                if self.score_name:
                    setattr(obj, self.score_name, score)
                obj.search_total = total
                found.append(obj)
        return found

    def count(self) -> int:
        if self.total is None:
            self.total = self._count()
        return self.total


def _cut(rows: list, start: int, stop: int | None) -> list:
    total = len(rows)
    return [(object_id, score, total) for object_id, score in rows[start:stop]]


class DocumentSearch:
    """The site search over the documents table (see the module's docstring)."""

    def search(self, query, queryset) -> RankedResults:
        return self.search_each(query, [queryset])[0]

    def search_each(self, query, querysets) -> list[RankedResults]:
        """`search` of each queryset, all in one pass over the documents (profiles of every
        kind are searched together this way): one query on PostgreSQL."""
        terms = terms_of(query)
        if not terms.parts:
            return [RankedResults(lambda start, stop: [], lambda: 0, qs) for qs in querysets]
        documents = documents_of(*querysets)
        if connection.vendor == "postgresql":
            if len(querysets) == 1:
                return [self._postgres(terms, documents, querysets[0])]
            rows = self._postgres_scored(terms, documents)[1].values_list(
                "content_type_id", "object_id", "score"
            )
            return self._answer_each(lambda: rows.order_by("-score", "object_id"), querysets)
        ranked = PythonRanking(terms, documents)
        return self._answer_each(ranked.rows, querysets)

    @staticmethod
    def _answer_each(read, querysets) -> list[RankedResults]:
        """One RankedResults per queryset from `read()`'s rows of every model, read once."""
        split: list[list] = []

        def rows_of(index: int) -> list:
            if not split:
                split.extend(by_model(read(), querysets))
            return split[index]

        return [
            RankedResults(
                lambda start, stop, i=i: _cut(rows_of(i), start, stop),
                lambda i=i: len(rows_of(i)),
                queryset,
            )
            for i, queryset in enumerate(querysets)
        ]

    def autocomplete(self, text: str, queryset, operator: str = "and") -> RankedResults:
        return self.autocomplete_each(text, [queryset], operator)[0]

    def autocomplete_each(self, text: str, querysets, operator: str = "and") -> list:
        """`autocomplete` of each queryset, all in one query."""
        words = [word.lower() for word in TOKEN_RE.findall(text)]
        documents = documents_of(*querysets)

        def rows() -> list[tuple[int, int, float]]:
            if not words:
                return []
            conditions = [Q(title__icontains=word) for word in words]
            combined = conditions[0]
            for condition in conditions[1:]:
                combined = combined & condition if operator == "and" else combined | condition
            found = []
            for content_type_id, object_id, title in documents.filter(combined).values_list(
                "content_type_id", "object_id", "title"
            ):
                tokens = [token.lower() for token in TOKEN_RE.findall(title)]
                # How much of each name the typed beginnings cover.
                covered = [
                    max((len(word) / len(t) for t in tokens if t.startswith(word)), default=0.0)
                    for word in words
                ]
                hits = [share for share in covered if share]
                if hits and (operator != "and" or len(hits) == len(words)):
                    score = PREFIX_SCORE[connection.vendor] * sum(hits)
                    found.append((content_type_id, object_id, score))
            return sorted(found, key=lambda row: (-row[2], row[1]))

        return self._answer_each(rows, querysets)

    # PostgreSQL -------------------------------------------------------------------

    def _postgres(self, terms: Terms, documents, queryset) -> RankedResults:
        matches, scored = self._postgres_scored(terms, documents)
        # Ranked where the vectors are read, then counted and cut on narrow rows: written
        # straight, PostgreSQL would carry every matching vector through the count (twice
        # the time for a word most documents contain). `OFFSET 0` keeps the inner query's
        # ranking below the count.
        inner, params = scored.values_list("object_id", "score").query.sql_with_params()
        # The ORM's own SQL; every value the reader typed stays a parameter.
        sql = (
            f"SELECT object_id, score, COUNT(*) OVER () FROM ({inner} OFFSET 0) AS ranked "  # noqa: S608
            "ORDER BY score DESC, object_id LIMIT %s OFFSET %s"
        )

        def rows(start: int, stop: int | None) -> list:
            with connection.cursor() as cursor:
                cursor.execute(sql, [*params, None if stop is None else stop - start, start])
                return cursor.fetchall()

        return RankedResults(rows, matches.count, queryset)

    @staticmethod
    def _postgres_scored(terms: Terms, documents):
        """The matching documents, and the same with their `score` (one document per object,
        so one row per object)."""
        queries = [
            SearchQuery(part.text, config=CONFIG, search_type="phrase" if part.phrase else "plain")
            for part in terms.parts
        ]
        combined = queries[0]
        for other in queries[1:]:
            combined = combined & other if terms.every else combined | other
        matches = documents.filter(search_vector=combined)
        if terms.every or len(queries) == 1:
            scored = matches.annotate(score=SearchRank(F("search_vector"), combined))
        else:
            scored = matches.annotate(score=rarity_weighted_rank(queries))
        return matches, scored


# A name's beginning scores as a title match of about half its words would.
PREFIX_SCORE = {"postgresql": 0.3, "sqlite": 1.5}


def rarity_weighted_rank(queries: list[SearchQuery]):
    """Each part's rank weighted by its inverse document frequency (BM25's form) among the
    documents that matched any part, counted in the same pass: a page with only a rare
    word of the query comes before one with only a common word."""
    everything = Window(Count("pk"))
    total = Value(0.0)
    for query in queries:
        frequency = Window(Count("pk", filter=Q(search_vector=query)))
        rarity = Ln(
            Value(1.0)
            + (Cast(everything, FloatField()) - frequency + Value(0.5))
            / (Cast(frequency, FloatField()) + Value(0.5))
        )
        total = total + SearchRank(F("search_vector"), query) * rarity
    return total


# SQLite -----------------------------------------------------------------------

# BM25's constants, and the lengths (in words) it normalises titles and bodies to.
K1 = 1.2
B = 0.75
AVERAGE_TITLE_WORDS = 8.0
AVERAGE_BODY_WORDS = 200.0
TITLE_WEIGHT = 3.0

_stemmer = snowballstemmer.stemmer("english")


def stems(words: list[str]) -> list[str]:
    return _stemmer.stemWords([word.lower() for word in words])


def saturated(frequency: int, length: int, average: float) -> float:
    if not frequency:
        return 0.0
    return frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * max(length, 1) / average))


class PythonRanking:
    """Match and rank documents in Python (see the module's docstring)."""

    def __init__(self, terms: Terms, documents):
        self.terms = terms
        self.documents = documents
        self.parts = [
            tuple(stems([w for w in part.words if w.lower() not in STOP_WORDS]))
            for part in terms.parts
        ]
        self._rows: list[tuple[int, int, float]] | None = None

    def candidates(self):
        """Documents containing the beginning every word of the query shares with its stem."""
        conditions = []
        for part, part_stems in zip(self.terms.parts, self.parts, strict=True):
            words = [w.lower() for w in part.words if w.lower() not in STOP_WORDS]
            condition = Q()
            for word, stem in zip(words, part_stems, strict=True):
                beginning = commonprefix([word, stem]) or word
                condition &= Q(title__icontains=beginning) | Q(body__icontains=beginning)
            conditions.append(condition)
        combined = conditions[0]
        for condition in conditions[1:]:
            combined = combined & condition if self.terms.every else combined | condition
        return self.documents.filter(combined).values_list(
            "content_type_id", "object_id", "title", "body"
        )

    @staticmethod
    def occurrences(tokens: list[str], part: tuple[str, ...]) -> int:
        if not part:
            return 0
        if len(part) == 1:
            return tokens.count(part[0])
        size = len(part)
        return sum(tokens[i : i + size] == list(part) for i in range(len(tokens) - size + 1))

    def rows(self) -> list[tuple[int, int, float]]:
        """(content type id, object id, score) of every match, best first."""
        if self._rows is not None:
            return self._rows
        counted = []
        for content_type_id, object_id, title, body in self.candidates():
            title_tokens = self.tokens(title)
            body_tokens = self.tokens(body)
            frequencies = [
                (self.occurrences(title_tokens, p), self.occurrences(body_tokens, p))
                for p in self.parts
            ]
            matched = [bool(t or b) for t, b in frequencies]
            if (all if self.terms.every else any)(matched):
                counted.append(
                    ((content_type_id, object_id), len(title_tokens), len(body_tokens), frequencies)
                )
        rarity = [1.0]  # one word or phrase: its rarity would scale every score alike
        if len(self.parts) > 1 and counted:
            everything = SearchDocument.objects.count() or 1
            rarity = []
            for index in range(len(self.parts)):
                frequency = sum(1 for row in counted if any(row[3][index]))
                rarity.append(math.log(1 + (everything - frequency + 0.5) / (frequency + 0.5)))
        scored = []
        for (content_type_id, object_id), title_length, body_length, frequencies in counted:
            score = sum(
                weight
                * (
                    TITLE_WEIGHT * saturated(in_title, title_length, AVERAGE_TITLE_WORDS)
                    + saturated(in_body, body_length, AVERAGE_BODY_WORDS)
                )
                for weight, (in_title, in_body) in zip(rarity, frequencies, strict=True)
            )
            scored.append((content_type_id, object_id, score))
        self._rows = sorted(scored, key=lambda row: (-row[2], row[1]))
        return self._rows

    @staticmethod
    def tokens(text: str) -> list[str]:
        """The text's word stems, stop words left out (as PostgreSQL's parser does)."""
        return stems([w for w in TOKEN_RE.findall(text) if w.lower() not in STOP_WORDS])
