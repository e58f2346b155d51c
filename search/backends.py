"""The search backend the site search queries with.

On PostgreSQL this is Wagtail's database backend as configured. On SQLite it is
the same backend, reading the same index, with one change to how a ranked search
is run. The stock SQLite query ranks each candidate with a correlated subquery
that repeats the full-text match once per row: fine for a few hundred pages,
minutes for ten thousand. Here the match runs once, already restricted to the
objects of the queryset (live, public, filtered), ranked and cut to the page
wanted; the objects are then fetched by primary key.
"""

from functools import cache

from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast

from wagtail.search.backends import get_search_backend


def search_backend():
    """The backend to search with (see the module's docstring)."""
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if type(backend) is SQLiteSearchBackend:
            return _ranked_sqlite_backend_class()({})
    return backend


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
            object_ids = (
                self.queryset.order_by()
                .annotate(_search_object_id=Cast("pk", TextField()))
                .values("_search_object_id")
            )
            return (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(
                    index_entry__content_type__in=get_descendants_content_types_pks(
                        self.queryset.model
                    ),
                    index_entry__object_id__in=object_ids,
                )
                .annotate(score=rank)
                .order_by("score", "index_entry__object_id")
                .values_list("index_entry__object_id", "score")
            )

    class RankedSearchQueryCompiler(RankedEntriesMixin, SQLiteSearchQueryCompiler):
        pass

    class RankedAutocompleteQueryCompiler(RankedEntriesMixin, SQLiteAutocompleteQueryCompiler):
        pass

    class RankedSearchResults(SQLiteSearchResults):
        def _entries(self):
            return self.query_compiler.ranked_entries(self.query_compiler.get_config(self.backend))

        def _do_search(self):
            entries = self._entries()
            if entries is None:
                return super()._do_search()
            rows = list(entries[self.start : self.stop])
            if not rows:
                return []
            queryset = self.query_compiler.queryset
            pk_field = queryset.model._meta.pk
            by_id = {
                str(obj.pk): obj
                for obj in queryset.filter(pk__in=[pk_field.to_python(pk) for pk, _ in rows])
            }
            results = []
            for object_id, score in rows:
                obj = by_id.get(object_id)
                if obj is not None:
                    if self._score_field:
                        setattr(obj, self._score_field, score)
                    results.append(obj)
            return results

        def _do_count(self):
            entries = self._entries()
            return super()._do_count() if entries is None else entries.count()

    class RankedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = RankedSearchQueryCompiler
        autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
        results_class = RankedSearchResults

    return RankedSQLiteSearchBackend
