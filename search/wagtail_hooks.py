"""Admin: the record of what readers search for, for editors as well as administrators.

Wagtail's own "Search terms" report is for administrators only; editors decide
promotions, so they see the same report under Reports › Reader searches.
"""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

PROMOTE = "wagtailsearchpromotions.change_searchpromotion"


class ReaderSearchesView(SearchTermsReportView):
    page_title = "Reader searches"
    index_url_name = "search_reader_searches"
    index_results_url_name = "search_reader_searches_results"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PROMOTE):
            return permission_denied(request)
        # Skip the parent's administrators-only check; keep the rest of the report.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)


class ReaderSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PROMOTE)


@hooks.register("register_admin_urls")
def register_reader_searches_url():
    return [
        path(
            "reports/reader-searches/",
            ReaderSearchesView.as_view(),
            name="search_reader_searches",
        ),
        path(
            "reports/reader-searches/results/",
            ReaderSearchesView.as_view(results_only=True),
            name="search_reader_searches_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_reader_searches_menu_item():
    return ReaderSearchesMenuItem(
        "Reader searches",
        reverse("search_reader_searches"),
        name="reader-searches",
        icon_name="search",
        order=1310,
    )
