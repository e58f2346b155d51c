"""Which search the site search runs: the documents table, or Wagtail's configured backend.

`WAGTAILSEARCH_BACKENDS` comes from the environment (`settings.base`): Wagtail's
database backend by default, Elasticsearch or OpenSearch by URL. With the database
backend the site search ranks from a table of its own (`search.ranking`), which
the admin's searches do not use; with Elasticsearch or OpenSearch it asks that
server through Wagtail's public search API, which ranks well at any size.
"""

from django.conf import settings

from wagtail.search.backends import get_search_backend

from search.ranking import DocumentSearch

DATABASE_BACKEND = "wagtail.search.backends.database"


def uses_documents() -> bool:
    """Is the configured backend Wagtail's database backend (so the documents table ranks)?"""
    return settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == DATABASE_BACKEND


def search_backend():
    """What the site search asks: `search(query, queryset)` and `autocomplete(…)`, whose
    results slice, count and `annotate_score`, with higher scores for better matches."""
    return DocumentSearch() if uses_documents() else get_search_backend()
