"""The People menu: sectors, bloggers, officials and departments; and the read-only
"Officials to check" report under Reports.

Searches use each model's own `search_fields`: naming fields here breaks the SQLite
full-text backend ("no such column").
"""

import datetime

import django_filters

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import IndexView

from people.models import Blogger, Department, Official, PeopleSettings, Sector


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "list-ul"
    menu_label = "Sectors"
    # Drag to reorder in the list: roundups group excerpts in this order.
    sort_order_field = "sort_order"
    list_display = ["name", "slug", Column("blogger_count", label="Bloggers")]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Sector.objects.annotate(blogger_count=Count("bloggers"))


class BloggerFilterSet(WagtailFilterSet):
    has_twitter = django_filters.BooleanFilter(
        label="Has a Twitter handle", method="filter_has_twitter"
    )

    class Meta:
        model = Blogger
        fields = ["sectors"]

    def filter_has_twitter(self, queryset, name, value):
        return queryset.exclude(twitter_handle="") if value else queryset.filter(twitter_handle="")


class BloggerViewSet(SnippetViewSet):
    model = Blogger
    icon = "user"
    menu_label = "Bloggers"
    list_display = [
        "name",
        "blog_name",
        "twitter_handle",
        Column("sector_names", label="Sectors"),
        Column("featured_count", label="Featured", sort_key="featured_count"),
    ]
    filterset_class = BloggerFilterSet
    list_export = ["name", "slug", "blog_name", "blog_url", "twitter_handle", "role"]
    export_filename = "bloggers"
    ordering = ["name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "slug",
        "blog_name",
        "blog_url",
        "twitter_handle",
        "sectors",
        "role",
        "bio",
        "picture",
    ]

    def get_queryset(self, request):
        return Blogger.objects.prefetch_related("sectors")


class OfficialFilterSet(WagtailFilterSet):
    has_twitter = django_filters.BooleanFilter(
        label="Has a Twitter account", method="filter_has_twitter"
    )
    possibly_out_of_date = django_filters.BooleanFilter(
        label="Possibly out of date", method="filter_stale"
    )

    class Meta:
        model = Official
        fields = ["department", "status"]

    def filter_has_twitter(self, queryset, name, value):
        return queryset.with_twitter() if value else queryset.without_twitter()

    def filter_stale(self, queryset, name, value):
        cutoff = stale_cutoff(self.request)
        return (
            queryset.checked_before(cutoff) if value else queryset.exclude(last_checked__lt=cutoff)
        )


def stale_cutoff(request) -> datetime.date:
    """Entries last checked before this day are possibly out of date."""
    days = PeopleSettings.for_request(request).official_stale_after_days
    return timezone.localdate() - datetime.timedelta(days=days)


class OfficialViewSet(SnippetViewSet):
    model = Official
    icon = "group"
    menu_label = "Officials"
    list_display = [
        "name",
        "post",
        "department",
        "twitter_handle",
        "status",
        DateColumn("last_checked", label="Last checked", sort_key="last_checked"),
    ]
    filterset_class = OfficialFilterSet
    list_export = [
        "name",
        "post",
        "department",
        "twitter_handle",
        "twitter_note",
        "status",
        "new_post",
        "successor",
        "note",
        "last_checked",
    ]
    export_filename = "officials"
    ordering = ["department__name", "name"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Official.objects.select_related("department")


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "site"
    menu_label = "Departments"
    list_display = ["name", "slug", Column("official_count", label="Officials")]
    ordering = ["name"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Department.objects.annotate(official_count=Count("officials"))


class PeopleViewSetGroup(SnippetViewSetGroup):
    menu_label = "People"
    menu_icon = "group"
    menu_order = 250
    items = (SectorViewSet, BloggerViewSet, OfficialViewSet, DepartmentViewSet)


register_snippet(PeopleViewSetGroup)


class ReadOnlyPermissionHelper(PermissionHelper):
    """A report: editors list and inspect here, and edit in the Officials snippets."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class OfficialsToCheckIndexView(IndexView):
    page_title = "Officials to check"


class OfficialsToCheckAdmin(ModelAdmin):
    """Officials whose entries are older than the site's limit, oldest first: a to-do list
    for whoever keeps the officials directory current."""

    model = Official
    menu_label = "Officials to check"
    menu_icon = "warning"
    add_to_admin_menu = False
    base_url_path = "people/officials_to_check"
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("name", "post", "department", "last_checked", "check_and_edit")
    list_filter = ("department", "status")
    search_fields = ("name", "post")
    inspect_view_enabled = True
    list_export = ("name", "post", "department", "status", "last_checked")
    ordering = ("last_checked", "name")
    index_view_class = OfficialsToCheckIndexView

    def get_queryset(self, request):
        return Official.objects.checked_before(stale_cutoff(request)).select_related("department")

    def register_admin_url_finders(self):
        """Leave "where is this official edited" to the Officials snippets: a report that
        cannot edit would make every usage listing show officials as private."""

    @admin.display(description="")
    def check_and_edit(self, official):
        url = reverse("wagtailsnippets_people_official:edit", args=[official.pk])
        return format_html(
            '<a class="button button-small" href="{}">Check and edit '
            '<span class="visually-hidden">{}</span></a>',
            url,
            official.name,
        )


modeladmin_register(OfficialsToCheckAdmin)


class PermittedMenuItem(MenuItem):
    """Shown only to users who may change officials."""

    def is_shown(self, request):
        return request.user.has_perm("people.change_official")


@hooks.register("register_reports_menu_item")
def register_officials_to_check_report():
    return PermittedMenuItem(
        "Officials to check",
        reverse("people_officials_to_check_modeladmin_index"),
        icon_name="warning",
        order=800,
    )
