"""Admin: the Newsletter menu (roundup emails, subscribers), the roundup's "Email" button
and the dashboard's last send. Editors and administrators only."""

import django_filters

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect

from newsletter import admin_views
from newsletter.models import Mailing, Subscriber
from roundups.models import RoundupPage

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets:
# an address such as "=HYPERLINK(…)@example.org" is valid email, so it is written as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SubscriberFilterSet(WagtailFilterSet):
    confirmed = django_filters.BooleanFilter(
        label="Confirmed",
        method="filter_confirmed",
        widget=BooleanRadioSelect,
        help_text="Whether they followed the link in the confirmation email. Only confirmed "
        "subscribers receive the roundup.",
    )

    class Meta:
        model = Subscriber
        fields = ["paused", "all_sectors", "essays", "notify_empty", "sectors"]

    def filter_confirmed(self, queryset, name, value):
        return queryset.filter(confirmed_at__isnull=not value)


class SubscriberIndexView(IndexView):
    def preprocess_field_value(self, field, value, export_format):
        """Cells a spreadsheet would run as formulas are exported as text, with a leading
        apostrophe, so opening the CSV cannot run what a subscriber typed."""
        value = super().preprocess_field_value(field, value, export_format)
        formula = isinstance(value, str) and value.startswith(FORMULA_STARTS)
        return f"'{value}" if formula and export_format == self.FORMAT_CSV else value


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    name = "newsletter_subscriber"
    icon = "user"
    menu_label = "Subscribers"
    add_to_admin_menu = False
    list_display = ["email", "confirmed_at", "sector_names", "essays", "paused", "consented_at"]
    filterset_class = SubscriberFilterSet
    index_view_class = SubscriberIndexView
    list_export = [
        "email",
        "confirmed_at",
        "all_sectors",
        "sector_names",
        "essays",
        "notify_empty",
        "paused",
        "consented_at",
        "consent_address",
    ]
    export_headings = {"sector_names": "Sectors"}
    export_filename = "subscribers"
    search_fields = ["email"]
    search_backend_name = None  # the database's own search: addresses are not site content
    form_fields = ["email", "all_sectors", "sectors", "essays", "notify_empty", "paused"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Subscriber.objects.prefetch_related("sectors")


subscriber_viewset = SubscriberViewSet()


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return subscriber_viewset


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_newsletter_menu():
    return SubmenuMenuItem(
        "Newsletter",
        Menu(
            items=[
                PermittedMenuItem(
                    "Roundup emails",
                    reverse("newsletter_roundups"),
                    icon_name="mail",
                    order=100,
                    permission=admin_views.SEND,
                ),
                PermittedMenuItem(
                    "Subscribers",
                    reverse(subscriber_viewset.get_url_name("index")),
                    icon_name="user",
                    order=200,
                    permission="newsletter.view_subscriber",
                ),
            ]
        ),
        icon_name="mail",
        name="newsletter",
        order=350,
    )


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("newsletter/roundups/", admin_views.roundup_list, name="newsletter_roundups"),
        path(
            "newsletter/roundups/<int:page_id>/",
            admin_views.roundup_report,
            name="newsletter_roundup",
        ),
        path(
            "newsletter/roundups/<int:page_id>/preview/",
            admin_views.roundup_preview,
            name="newsletter_roundup_preview",
        ),
        path(
            "newsletter/roundups/<int:page_id>/test/",
            admin_views.roundup_send_test,
            name="newsletter_roundup_send_test",
        ),
        path(
            "newsletter/roundups/<int:page_id>/send/",
            admin_views.roundup_send,
            name="newsletter_roundup_send",
        ),
        path(
            "newsletter/roundups/<int:page_id>/resume/",
            admin_views.roundup_resume,
            name="newsletter_roundup_resume",
        ),
    ]


@hooks.register("register_page_header_buttons")
def roundup_email_button(page, user, view_name, next_url=None):
    if page.specific_class is RoundupPage and user.has_perm(admin_views.SEND):
        yield Button(
            "Email to subscribers",
            reverse("newsletter_roundup", args=[page.pk]),
            icon_name="mail",
            priority=80,
        )


class LastMailingPanel(Component):
    name = "newsletter_last_mailing"
    template_name = "newsletter/admin/last_mailing_panel.html"
    order = 160

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        mailing = Mailing.objects.select_related("roundup").first()
        context["mailing"] = mailing
        context["counts"] = mailing.counts() if mailing else {}
        context["subscribers"] = Subscriber.objects.receiving().count()
        return context


@hooks.register("construct_homepage_panels")
def add_last_mailing_panel(request, panels):
    if request.user.has_perm(admin_views.SEND):
        panels.append(LastMailingPanel())
