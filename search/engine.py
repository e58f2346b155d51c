"""Run one search across every kind and merge the answers into one ranked list.

Pages of all types come from one ranked query over live, public pages (plus a
count when there may be more); each kind of profile from one query of its own
(plus one for names by their beginning). The search asked (`search.backends`) is
the site's documents table or Wagtail's Elasticsearch/OpenSearch backend; either
scores every model by the same formula, so the lists merge by score. A page of
results costs the same number of queries whatever its size: objects are described
in bulk, per kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q

from wagtail.models import Page

from core.text import Matcher
from search.backends import search_backend
from search.kinds import Kind, Result, SnippetKind, kind_for_object
from search.query import ParsedQuery

# Deeper than anyone pages; keeps the work per request bounded.
MAX_RESULTS = 1000
# Profiles are few; more matches than this for one kind are not worth ranking.
MAX_PROFILE_MATCHES = 200


@dataclass
class Filters:
    """What the reader narrowed the search to. Empty lists and None mean "any"."""

    kinds: list[Kind]
    year: int | None = None
    sector: object | None = None  # a people.Sector
    type_chosen: bool = False

    @property
    def active(self) -> bool:
        return self.type_chosen or self.year is not None or self.sector is not None

    def applies_to(self, kind: Kind) -> bool:
        """Can objects of `kind` pass these filters at all?"""
        if kind not in self.kinds:
            return False
        if self.year is not None and not (kind.date_field or kind.is_page):
            return False
        return not (self.sector is not None and not kind.has_sector)


def comparable_score(value, backend) -> float:
    """The backend's score with higher meaning better, whatever the backend's convention.

    Elasticsearch, OpenSearch and the documents table's scores grow with relevance; a
    backend whose scores fall with it (as raw FTS5 bm25() values do) says so with
    `lower_score_is_better`. The backend decides, never the database: Elasticsearch in
    front of an SQLite database ranks the right way.
    """
    value = float(value or 0.0)
    return -value if getattr(backend, "lower_score_is_better", False) else value


class PageSource:
    """Every live, public page that passes the filters, in one ranked backend query."""

    def __init__(self, filters: Filters, search_query, exclude_ids=()):
        kinds = [kind for kind in filters.kinds if kind.is_page and filters.applies_to(kind)]
        self.empty = not kinds
        queryset = Page.objects.live().public()
        if filters.active:
            combined = Q()
            for kind in kinds:
                condition = kind.type_q()
                if filters.year is not None:
                    condition &= kind.year_q(filters.year)
                if filters.sector is not None:
                    condition &= kind.sector_q(filters.sector)
                combined |= condition
            queryset = queryset.filter(combined)
        if exclude_ids:
            queryset = queryset.exclude(id__in=list(exclude_ids))
        self.backend = search_backend()
        self.results = self.backend.search(search_query, queryset.specific()).annotate_score(
            "search_score"
        )
        self.fetched: list[tuple[object, float]] = []
        self._count: int | None = None

    def fetch(self, limit: int) -> list[tuple[object, float]]:
        if self.empty:
            self._count = 0
            return []
        self.fetched = [
            (obj, comparable_score(obj.search_score, self.backend)) for obj in self.results[:limit]
        ]
        if len(self.fetched) < limit:
            self._count = len(self.fetched)
        elif self.fetched and getattr(self.fetched[0][0], "search_total", None) is not None:
            self._count = self.fetched[0][0].search_total  # counted in the same query
        return self.fetched

    def count(self) -> int:
        if self._count is None:
            self._count = self.results.count()
        return self._count


def each(backend, method: str, query, querysets, **options) -> list:
    """`backend.<method>` for each queryset: in one pass where the backend can (the
    documents table's `search_each`), else one call per queryset (Elasticsearch)."""
    together = getattr(backend, f"{method}_each", None)
    if together is not None:
        return together(query, querysets, **options)
    return [getattr(backend, method)(query, queryset, **options) for queryset in querysets]


class ProfileSource:
    """The profiles of every kind that match: by their words, or by a name's beginning.

    Every kind is searched at once; names by their beginning are looked for, again all
    at once, in the kinds where no profile matched whole words.
    """

    def __init__(self, kinds: list[SnippetKind], filters: Filters, parsed: ParsedQuery, query):
        self.kinds = [kind for kind in kinds if filters.applies_to(kind)]
        self.filters = filters
        self.parsed = parsed
        self.search_query = query
        self.fetched: list[tuple[object, float]] = []

    def fetch(self, limit: int) -> list[tuple[object, float]]:
        if not self.kinds:
            return []
        backend = search_backend()
        querysets = [kind.model._default_manager.all() for kind in self.kinds]
        best: list[dict[object, tuple[object, float]]] = []
        for found in each(backend, "search", self.search_query, querysets):
            found = found.annotate_score("search_score")[:MAX_PROFILE_MATCHES]
            best.append(
                {obj.pk: (obj, comparable_score(obj.search_score, backend)) for obj in found}
            )
        # Names by their beginning only in kinds where nothing matched whole words.
        unmatched = [
            index
            for index, kind in enumerate(self.kinds)
            if not best[index] and kind.model.get_autocomplete_search_fields()
        ]
        if unmatched and self.parsed.terms and not self.parsed.phrases:
            names = each(
                backend,
                "autocomplete",
                " ".join(self.parsed.terms),
                [querysets[index] for index in unmatched],
                operator="and",
            )
            for index, found in zip(unmatched, names, strict=True):
                for obj in found.annotate_score("search_score")[:MAX_PROFILE_MATCHES]:
                    score = comparable_score(obj.search_score, backend)
                    if obj.pk not in best[index] or best[index][obj.pk][1] < score:
                        best[index][obj.pk] = (obj, score)
        self.fetched = []
        for kind, queryset, matched in zip(self.kinds, querysets, best, strict=True):
            if self.filters.sector is not None and matched:
                allowed = set(
                    queryset.filter(
                        pk__in=list(matched), **{kind.sector_lookup: self.filters.sector}
                    ).values_list("pk", flat=True)
                )
                matched = {pk: item for pk, item in matched.items() if pk in allowed}
            self.fetched += [(obj, score * kind.boost) for obj, score in matched.values()]
        return self.fetched

    def count(self) -> int:
        return len(self.fetched)


class ResultList:
    """The merged results, shaped for Django's Paginator: a count and slices."""

    def __init__(self, ranked: list[tuple[object, float]], total: int):
        self.ranked = ranked
        self.total = total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, key):
        return self.ranked[key]


@dataclass
class Outcome:
    """What one search found, ready for the template."""

    page: PaginatorPage
    paginator: Paginator
    results: list[Result]
    total: int
    any_word: bool = False  # no result had every word, so these have any of them
    requested_page: int = 1
    notices: list[str] = field(default_factory=list)


def _search(parsed, filters, operator, limit, exclude_ids) -> tuple[list, int]:
    search_query = parsed.as_search_query(operator)
    profile_kinds = [kind for kind in filters.kinds if isinstance(kind, SnippetKind)]
    sources = [
        PageSource(filters, search_query, exclude_ids),
        ProfileSource(profile_kinds, filters, parsed, search_query),
    ]
    ranked = [item for source in sources for item in source.fetch(limit)]
    total = sum(source.count() for source in sources)
    order = {kind.key: kind.order for kind in filters.kinds}
    ranked.sort(key=lambda item: (-item[1], order.get(kind_for_object(item[0]).key, 0)))
    return ranked, total


def describe(items: list[tuple[object, float]], matcher: Matcher, request) -> list[Result]:
    """Results for one page of ranked objects: each kind describes its own in one batch."""
    kinds = [(index, kind_for_object(obj), obj, score) for index, (obj, score) in enumerate(items)]
    described: dict[int, Result] = {}
    for kind, group in groupby(sorted(kinds, key=lambda row: row[1].key), key=lambda r: r[1]):
        rows = list(group)
        results = kind.describe_all([(obj, score) for _i, _k, obj, score in rows], matcher, request)
        for (index, *_rest), result in zip(rows, results, strict=True):
            described[index] = result
    return [described[index] for index in range(len(items))]


def run_search(
    parsed: ParsedQuery,
    filters: Filters,
    page_number: int,
    per_page: int,
    request,
    exclude_page_ids=(),
) -> Outcome:
    """Search, merge, paginate and describe one page of results."""
    last_allowed_page = max(1, MAX_RESULTS // per_page)
    wanted_page = min(max(page_number, 1), last_allowed_page)
    limit = wanted_page * per_page
    ranked, total = _search(parsed, filters, "and", limit, exclude_page_ids)
    any_word = False
    if total == 0 and len(parsed.terms) + len(parsed.phrases) > 1:
        ranked, total = _search(parsed, filters, "or", limit, exclude_page_ids)
        any_word = total > 0

    paginator = Paginator(ResultList(ranked, min(total, MAX_RESULTS)), per_page)
    page = paginator.page(min(wanted_page, paginator.num_pages))
    matcher = Matcher(parsed.words)
    results = describe(list(page.object_list), matcher, request)
    return Outcome(
        page=page,
        paginator=paginator,
        results=results,
        total=total,
        any_word=any_word,
        requested_page=page_number,
    )
