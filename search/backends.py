"""The search backends: the one Wagtail writes the index with, and the one the site
search ranks with.

`SearchBackend` (named in `WAGTAILSEARCH_BACKENDS`) is Wagtail's database backend;
on PostgreSQL it also writes each index entry's words to our word list
(`search.terms`) whenever it writes the entry, and the database deletes them with
the entry. `search_backend()` returns the same backend with one change to how a
ranked search runs. The stock queries are fine for a few hundred pages but not
for ten thousand:

- SQLite ranks each candidate with a correlated subquery that repeats the
  full-text match once per row (minutes for a common word);
- PostgreSQL matches `title || body`, an expression no index covers, and ranks
  every match from its whole vectors (and a phrase took seconds).

Here one query does the work: on SQLite over the index entries, with FTS5's
`MATCH` and `bm25()`; on PostgreSQL over the word list. Either keeps only the
objects of the queryset (live, public, filtered), ranks, cuts to the page wanted
and counts all matches in the same pass. The objects are then fetched by primary
key. Queries the stock backend handles differently (negations, match-all, fuzzy,
chosen fields) still go to it.
"""

from functools import cache

from django.db import connection
from django.db.models import IntegerField, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from wagtail.search.backends import get_search_backend

from search.terms import TITLE_WEIGHT


def search_backend():
    """The backend to search with (see the module's docstring)."""
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if type(backend) is SQLiteSearchBackend:
            return _ranked_sqlite_backend_class()({})
    elif connection.vendor == "postgresql" and type(backend) is _indexed_postgres_backend_class():
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


def _queryset_object_ids(queryset):
    """The queryset's primary keys as the index stores them (text), for a subquery."""
    return (
        queryset.order_by()
        .annotate(_search_object_id=Cast("pk", TextField()))
        .values("_search_object_id")
    )


@cache
def _indexed_postgres_backend_class():
    """Wagtail's PostgreSQL backend, writing our word list beside each index entry it writes."""
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )
    from modelsearch.utils import get_content_type_pk

    from search import terms

    class TermIndex(PostgresIndex):
        def add_items(self, model, objs):
            objs = list(objs)
            super().add_items(model, objs)
            if model.get_search_fields():
                terms.refresh(
                    get_content_type_pk(model),
                    [obj.pk for obj in objs],
                    connection=self.write_connection,
                )

    class TermIndexedPostgresSearchBackend(PostgresSearchBackend):
        index_class = TermIndex

    return TermIndexedPostgresSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    """The configured backend (`WAGTAILSEARCH_BACKENDS`): Wagtail's database backend, which
    on PostgreSQL also keeps the word list that `search_backend()` ranks from."""
    if connection.vendor == "postgresql":
        return _indexed_postgres_backend_class()(params)
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

    return DatabaseSearchBackend(params)


@cache
def _ranked_postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from modelsearch.utils import get_descendants_content_types_pks

    from django.db.models import Count, F, Q, Window

    from wagtail.search.models import IndexEntry

    from search import terms

    class RankedSearchQueryCompiler(PostgresSearchQueryCompiler):
        def ranked_entries(self, config):
            """Ranked from the word list (`search.terms`); None where the stock query must
            answer (unranked, limited to some fields, a query shape the list cannot take, or
            a model whose keys are not numbers)."""
            model = self.queryset.model
            if (
                not self.order_by_relevance
                or self.fields is not None
                or model._meta.pk.get_internal_type() not in INTEGER_KEYS
            ):
                return None
            query = terms.term_query(self.query, config)
            if query is None:
                return None
            return terms.RankedTerms(
                query,
                config,
                get_descendants_content_types_pks(model),
                self.queryset.order_by().values("pk"),
            )

    class RankedAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
        def ranked_entries(self, config):
            """Names by their beginning: the autocomplete vectors are short, and the stock
            prefix query is served by their GIN index."""
            if not self.order_by_relevance or self.fields is not None:
                return None
            query = self.build_tsquery(self.query, config=config)
            rank = self._build_rank_expression([(F("autocomplete"), 1.0)], config)
            return (
                IndexEntry.objects.filter(
                    Q(autocomplete=query),
                    content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
                    object_id__in=_queryset_object_ids(self.queryset),
                )
                .annotate(score=rank, total=Window(Count("*")))
                .order_by("-score", "object_id")
                .values_list("object_id", "score", "total")
            )

    class RankedPostgresSearchBackend(_indexed_postgres_backend_class()):
        query_compiler_class = RankedSearchQueryCompiler
        autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
        results_class = _ranked_results_class(PostgresSearchResults)

    return RankedPostgresSearchBackend


INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}


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
            rank = self.rank(config)
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
        def rank(self, config):
            # FTS5's bm25() with the title weighted as on PostgreSQL (`search.terms`); its
            # columns are autocomplete, body, title.
            table = SQLiteFTSIndexEntry._meta.db_table
            return RawSQL(f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", [])  # noqa: S611

    class RankedAutocompleteQueryCompiler(RankedEntriesMixin, SQLiteAutocompleteQueryCompiler):
        def rank(self, config):
            return self._build_rank_expression(self.get_search_vectors(), config)

    class RankedSQLiteSearchBackend(SQLiteSearchBackend):
        lower_score_is_better = True  # FTS5's bm25()
        query_compiler_class = RankedSearchQueryCompiler
        autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
        results_class = _ranked_results_class(SQLiteSearchResults)

    return RankedSQLiteSearchBackend
