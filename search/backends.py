"""The search backend the site search queries with.

Wagtail's database backend, reading the same index it writes, with one change to
how a ranked search runs. The stock queries are fine for a few hundred pages but
not for ten thousand:

- SQLite ranks each candidate with a correlated subquery that repeats the
  full-text match once per row (minutes for a common word);
- PostgreSQL matches `title || body`, an expression no index covers, so every
  search reads and concatenates every index entry (and a phrase took seconds).

Here one query over the index entries does the work: it matches with conditions
the indexes serve (FTS5 `MATCH`; on PostgreSQL `title @@ q OR body @@ q` per
word, which the GIN indexes on each column answer), keeps only the objects of
the queryset (live, public, filtered), ranks with the backend's own formula, cuts
to the page wanted and counts all matches in the same pass (a window count). The
objects are then fetched by primary key. Queries the stock backend handles
differently (negations, match-all, fuzzy) still go to it.
"""

from functools import cache

from django.db import connection
from django.db.models import IntegerField, TextField, Value
from django.db.models.functions import Cast

from wagtail.search.backends import get_search_backend


def search_backend():
    """The backend to search with (see the module's docstring)."""
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if type(backend) is SQLiteSearchBackend:
            return _ranked_sqlite_backend_class()({})
    elif connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        if type(backend) is PostgresSearchBackend:
            ranked = _ranked_postgres_backend_class()({})
            ranked.config = backend.config
            return ranked
    return backend


def _ranked_results_class(base):
    """Search results that fetch ranked ids (and the total) first, then the objects."""

    class RankedSearchResults(base):
        def _entries(self):
            return self.query_compiler.ranked_entries(self.query_compiler.get_config(self.backend))

        def _do_search(self):
            entries = self._entries()
            if entries is None:
                return super()._do_search()
            if getattr(self.query_compiler, "COUNT_FROM_ROWS", False):
                # Read every match's id and score in the one ranked pass, then count and
                # slice here, rather than matching a second time to count.
                everything = list(entries[:MAX_RANKED_ROWS])
                rows = [
                    (object_id, score, len(everything))
                    for object_id, score, _total in everything[self.start : self.stop]
                ]
            else:
                rows = list(entries[self.start : self.stop])
            if not rows:
                return []
            queryset = self.query_compiler.queryset
            pk_field = queryset.model._meta.pk
            by_id = {
                str(obj.pk): obj
                for obj in queryset.filter(pk__in=[pk_field.to_python(row[0]) for row in rows])
            }
            results = []
            for object_id, score, total in rows:
                obj = by_id.get(object_id)
                if obj is not None:
                    if self._score_field:
                        setattr(obj, self._score_field, score)
                    obj.search_total = total  # None where the database counts separately
                    results.append(obj)
            return results

        def _do_count(self):
            entries = self._entries()
            return super()._do_count() if entries is None else entries.count()

    return RankedSearchResults


# More matches than this are not ranked for one search (SQLite reads every match).
MAX_RANKED_ROWS = 20_000


def _combine(conditions, every: bool):
    """AND (every) or OR the conditions together."""
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = (combined & condition) if every else (combined | condition)
    return combined


def _queryset_object_ids(queryset):
    """The queryset's primary keys as the index stores them (text), for a subquery."""
    return (
        queryset.order_by()
        .annotate(_search_object_id=Cast("pk", TextField()))
        .values("_search_object_id")
    )


@cache
def _ranked_postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from modelsearch.query import And, Or, Phrase, PlainText
    from modelsearch.utils import get_descendants_content_types_pks

    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Count, F, Q, Window

    from wagtail.search.models import IndexEntry

    class RankedEntriesMixin:
        COLUMNS = ("title", "body")
        SEARCH_TYPE = "plain"

        def match_condition(self, query, config):
            """A condition equivalent to `(title || body) @@ query` that GIN indexes serve."""

            def either(text, search_type):
                search = SearchQuery(text, search_type=search_type, config=config)
                condition = Q()
                for column in self.COLUMNS:
                    condition |= Q(**{column: search})
                return condition

            if isinstance(query, PlainText):
                terms = query.query_string.split()
                if not terms:
                    return None
                conditions = [either(term, self.SEARCH_TYPE) for term in terms]
                combined = conditions[0]
                for condition in conditions[1:]:
                    combined = (
                        combined & condition if query.operator == "and" else combined | condition
                    )
                return combined
            if isinstance(query, Phrase):
                return either(query.query_string, "phrase")
            if isinstance(query, (And, Or)):
                parts = [self.match_condition(sub, config) for sub in query.subqueries]
                if any(part is None for part in parts):
                    return None
                return _combine(parts, every=isinstance(query, And))
            return None

        def ranked_entries(self, config):
            if not self.order_by_relevance or self.fields is not None:
                return None
            match = self.match_condition(self.query, config)
            if match is None:
                return None
            rank = self._build_rank_expression(self.entry_vectors(), config)
            return (
                IndexEntry.objects.filter(
                    match,
                    content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
                    object_id__in=_queryset_object_ids(self.queryset),
                )
                .annotate(score=rank, total=Window(Count("*")))
                .order_by("-score", "object_id")
                .values_list("object_id", "score", "total")
            )

        def entry_vectors(self):
            return [(F("title"), F("title_norm")), (F("body"), 1.0)]

    class RankedSearchQueryCompiler(RankedEntriesMixin, PostgresSearchQueryCompiler):
        pass

    class RankedAutocompleteQueryCompiler(RankedEntriesMixin, PostgresAutocompleteQueryCompiler):
        COLUMNS = ("autocomplete",)

        def match_condition(self, query, config):
            # Autocomplete matches the last word as a prefix: leave it to the stock query
            # builder, which the GIN index on `autocomplete` serves as it is.
            return Q(autocomplete=self.build_tsquery(query, config=config))

        def entry_vectors(self):
            return [(F("autocomplete"), 1.0)]

    class RankedPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = RankedSearchQueryCompiler
        autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
        results_class = _ranked_results_class(PostgresSearchResults)

    return RankedPostgresSearchBackend


@cache
def _ranked_sqlite_backend_class():
    """Build the SQLite classes on first use: their module only imports on SQLite."""
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    class RankedEntriesMixin:
        COUNT_FROM_ROWS = True

        def ranked_entries(self, config):
            """(object id, score) of the matching objects in the queryset, best first; None
            for queries the stock compiler must answer (negated, match-all, unranked)."""
            normalized = normalize(self.query)
            if isinstance(normalized, (MatchAll, Not)) or not self.order_by_relevance:
                return None
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS,
                self.build_search_query(normalized, config=config),
            )
            rank = self._build_rank_expression(self.get_search_vectors(), config)
            object_ids = _queryset_object_ids(self.queryset)
            return (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(
                    index_entry__content_type__in=get_descendants_content_types_pks(
                        self.queryset.model
                    ),
                    index_entry__object_id__in=object_ids,
                )
                # FTS5 refuses bm25() beside a window function (see COUNT_FROM_ROWS).
                .annotate(score=rank, total=Value(None, output_field=IntegerField()))
                .order_by("score", "index_entry__object_id")
                .values_list("index_entry__object_id", "score", "total")
            )

    class RankedSearchQueryCompiler(RankedEntriesMixin, SQLiteSearchQueryCompiler):
        pass

    class RankedAutocompleteQueryCompiler(RankedEntriesMixin, SQLiteAutocompleteQueryCompiler):
        pass

    class RankedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = RankedSearchQueryCompiler
        autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
        results_class = _ranked_results_class(SQLiteSearchResults)

    return RankedSQLiteSearchBackend
