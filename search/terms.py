"""Ranked search on PostgreSQL from a word list of our own (`search.models.IndexTerm`).

Wagtail's PostgreSQL backend ranks with `ts_rank` over each entry's whole title
and body vectors, so every match is read from out-of-line storage, decompressed
and ranked: a word found on ten thousand pages costs 60-80 ms whatever page of
results is wanted. Here each entry's words are written once, when the entry is,
with a score, and a search reads only its own words' rows from one covering
index.

The score of an entry for a word is BM25's: term frequency with saturation and
length normalisation, for the title and the body separately, the title counting
three times. A search adds up, over its words, the entry's score times the word's
inverse document frequency in the whole index, so rare words weigh more than
common ones and the scores of pages and profiles compare.

Matching follows the stock backend: words are stemmed by the same text search
configuration as the index, a word matches an entry that has all its lexemes,
and a quoted phrase matches an entry that has its words and, checked for those
candidates only, the phrase itself in its title or body.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection as default_connection
from django.db import transaction

from search.models import IndexTerm

TERMS = IndexTerm._meta.db_table

# BM25's constants, and the average lengths (in distinct words) it normalises to:
# fixed rather than measured, so that an entry's scores never go stale.
K1 = 1.2
B = 0.75
AVERAGE_TITLE_WORDS = 8.0
AVERAGE_BODY_WORDS = 200.0
TITLE_WEIGHT = 3.0
# How much more a word counts in a boosted field (PostgreSQL's weight letters).
WEIGHT_LETTERS = {"A": 10, "B": 4, "C": 2, "D": 1}


def _saturated(frequency: str, length: str, average: float) -> str:
    """BM25's term-frequency part, as SQL over two SQL expressions."""
    return (
        f"{frequency} * {K1 + 1} / ({frequency} + {K1} * "
        f"({1 - B} + {B} * {length}::float / {average}))"
    )


def _weighted_count() -> str:
    cases = " ".join(f"WHEN '{letter}' THEN {n}" for letter, n in WEIGHT_LETTERS.items())
    return f"(SELECT coalesce(sum(CASE w {cases} ELSE 1 END), 1) FROM unnest(u.weights) w)"


def refresh_sql(where: str) -> str:
    """SQL that rewrites the words of the index entries `e` that `where` selects."""
    from wagtail.search.models import IndexEntry

    entries = IndexEntry._meta.db_table
    title_score = _saturated("w.title_count", "length(e.title)", AVERAGE_TITLE_WORDS)
    body_score = _saturated("w.body_count", "greatest(length(e.body), 1)", AVERAGE_BODY_WORDS)
    return f"""
        INSERT INTO {TERMS} (entry_id, lexeme, content_type_id, object_id, score)
        SELECT e.id, w.lexeme, e.content_type_id, e.object_id::bigint,
               {TITLE_WEIGHT} * {title_score} + {body_score}
        FROM {entries} e
        CROSS JOIN LATERAL (
            SELECT lexeme, sum(title_count) AS title_count, sum(body_count) AS body_count
            FROM (
                SELECT u.lexeme, coalesce(cardinality(u.positions), 1)::float AS title_count,
                       0::float AS body_count
                FROM unnest(e.title) u
                UNION ALL
                SELECT u.lexeme, 0::float, {_weighted_count()}::float
                FROM unnest(e.body) u
            ) parts
            GROUP BY lexeme
        ) w
        WHERE e.object_id ~ '^[0-9]{{1,18}}$' AND ({where})
        -- Two saves of one object at once: the later one's words win.
        ON CONFLICT (entry_id, lexeme) DO UPDATE SET score = EXCLUDED.score
    """


def refresh(content_type_id: int, object_ids: Iterable[str], connection=default_connection):
    """Rewrite the words of these objects' index entries (after Wagtail wrote the entries)."""
    from wagtail.search.models import IndexEntry

    ids = [str(object_id) for object_id in object_ids]
    if not ids:
        return
    entries = IndexEntry._meta.db_table
    selected = "e.content_type_id = %s AND e.object_id = ANY(%s)"
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {TERMS} WHERE entry_id IN "
            f"(SELECT e.id FROM {entries} e WHERE {selected})",
            [content_type_id, ids],
        )
        cursor.execute(refresh_sql(selected), [content_type_id, ids])


def refresh_all(connection=default_connection):
    """Rewrite every entry's words (after a migration, or to repair the table)."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TERMS}")
        cursor.execute(refresh_sql("TRUE"))


# Searching -------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """What one part of a query needs of an entry: all these lexemes (and the phrase)."""

    lexemes: tuple[str, ...]
    phrase: str | None = None


@dataclass(frozen=True)
class TermQuery:
    """A query in the word list's terms: every group (AND) or any group (OR)."""

    groups: tuple[Group, ...]
    every: bool

    @property
    def lexemes(self) -> list[str]:
        return sorted({lexeme for group in self.groups for lexeme in group.lexemes})


_stems: dict[tuple[str | None, str], tuple[str, ...]] = {}


def stems(texts: list[str], config: str | None, connection=default_connection) -> list[tuple]:
    """Each text's lexemes under the index's configuration, remembered per process."""
    wanted = [text for text in dict.fromkeys(texts) if (config, text) not in _stems]
    if wanted:
        if config:
            columns = ", ".join(["tsvector_to_array(to_tsvector(%s::regconfig, %s))"] * len(wanted))
            params = [value for text in wanted for value in (config, text)]
        else:
            columns = ", ".join(["tsvector_to_array(to_tsvector(%s))"] * len(wanted))
            params = wanted
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns}", params)
            row = cursor.fetchone()
        if len(_stems) > 10_000:
            _stems.clear()
        for text, lexemes in zip(wanted, row, strict=True):
            _stems[(config, text)] = tuple(lexemes)
    return [_stems[(config, text)] for text in texts]


def term_query(query, config: str | None) -> TermQuery | None:
    """The query as groups of lexemes, or None for a shape this module does not answer."""
    from modelsearch.query import And, Or, Phrase, PlainText

    if isinstance(query, (PlainText, Phrase)):
        parts, every = [query], not (isinstance(query, PlainText) and query.operator == "or")
    elif isinstance(query, (And, Or)):
        parts, every = list(query.subqueries), isinstance(query, And)
    else:
        return None
    words: list[tuple[str, str | None]] = []  # (text to stem, phrase or None)
    for part in parts:
        if isinstance(part, PlainText):
            if len(parts) > 1 and (part.operator == "and") != every:
                return None
            words.extend((word, None) for word in part.query_string.split())
        elif isinstance(part, Phrase):
            words.append((part.query_string, part.query_string))
        else:
            return None
    lexemes = stems([text for text, _phrase in words], config)
    groups = tuple(
        Group(stemmed, phrase)
        for (_text, phrase), stemmed in zip(words, lexemes, strict=True)
        if stemmed  # a stop word: the stock backend ignores it too
    )
    return TermQuery(groups=groups, every=every)


class RankedTerms:
    """(object id, score, total) of the matching objects, best first: sliceable and countable."""

    def __init__(self, query: TermQuery, config, content_type_ids, object_ids_query):
        self.query = query
        self.config = config
        self.content_type_ids = list(content_type_ids)
        self.object_ids_query = object_ids_query  # a queryset of the allowed primary keys

    def _sql(self, select: str, tail: str = "") -> tuple[str, list]:
        from wagtail.search.models import IndexEntry

        query = self.query
        entries = IndexEntry._meta.db_table
        ids_sql, ids_params = self.object_ids_query.query.sql_with_params()
        group_columns, column_params, conditions, condition_params = [], [], [], []
        for number, group in enumerate(query.groups):
            group_columns.append(f"count(*) FILTER (WHERE t.lexeme = ANY(%s)) AS g{number}")
            column_params.append(list(group.lexemes))
            condition = f"m.g{number} = {len(group.lexemes)}"
            if group.phrase is not None:
                phrase = (
                    "phraseto_tsquery(%s::regconfig, %s)" if self.config else "phraseto_tsquery(%s)"
                )
                # The GIN indexes find the entries with the phrase's words; only those are
                # read to check the words' positions.
                condition += (
                    f" AND m.entry_id IN (SELECT e.id FROM {entries} e"
                    f" WHERE e.title @@ {phrase} OR e.body @@ {phrase})"
                )
                phrase_params = [self.config, group.phrase] if self.config else [group.phrase]
                condition_params.extend(phrase_params * 2)
            conditions.append(f"({condition})")
        lexemes = query.lexemes
        restrict = f"t.content_type_id = ANY(%s) AND t.object_id IN ({ids_sql})"
        if len(lexemes) == 1 and not condition_params:
            # One word: its rows are the matches, already scored (the word's rarity would
            # scale every score alike).
            sql = f"""
                WITH matches AS (
                    SELECT t.entry_id, t.object_id, t.score FROM {TERMS} t
                    WHERE t.lexeme = %s AND {restrict}
                )
                SELECT {select} FROM matches m {tail}
            """
            return sql, [lexemes[0], self.content_type_ids, *ids_params]
        sql = f"""
            WITH frequency AS (
                SELECT lexeme, count(*)::float AS entries FROM {TERMS}
                WHERE lexeme = ANY(%s) GROUP BY lexeme
            ), everything AS (
                -- The planner's estimate of the number of entries: exact enough, and free.
                SELECT greatest(reltuples, max(frequency.entries), 1)::float AS entries
                FROM pg_class, frequency WHERE pg_class.oid = '{entries}'::regclass
                GROUP BY reltuples
            ), matches AS (
                SELECT t.entry_id, t.object_id,
                       sum(t.score * ln(1 + (everything.entries - frequency.entries + 0.5)
                                        / (frequency.entries + 0.5))) AS score,
                       {", ".join(group_columns)}
                FROM {TERMS} t
                JOIN frequency ON frequency.lexeme = t.lexeme
                CROSS JOIN everything
                WHERE t.lexeme = ANY(%s) AND {restrict}
                GROUP BY t.entry_id, t.object_id
            )
            SELECT {select} FROM matches m
            WHERE {(" AND " if query.every else " OR ").join(conditions)}
            {tail}
        """
        params = [lexemes, *column_params, lexemes, self.content_type_ids, *ids_params]
        return sql, [*params, *condition_params]

    def _rows(self, start: int, stop: int | None) -> list[tuple[str, float, int]]:
        if not self.query.groups:
            return []
        tail = "ORDER BY m.score DESC, m.object_id"
        params_tail: list = []
        if stop is not None:
            tail += " LIMIT %s"
            params_tail.append(max(stop - start, 0))
        if start:
            tail += " OFFSET %s"
            params_tail.append(start)
        sql, params = self._sql("m.object_id::text, m.score, count(*) OVER ()", tail)
        with default_connection.cursor() as cursor:
            cursor.execute(sql, [*params, *params_tail])
            return cursor.fetchall()

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("RankedTerms takes a slice")
        return self._rows(key.start or 0, key.stop)

    def count(self) -> int:
        if not self.query.groups:
            return 0
        sql, params = self._sql("count(*)")
        with default_connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]
