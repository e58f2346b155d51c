"""Admin: the reader-suggestion inbox, its "add to draft roundup" action, and date warnings."""

from django.contrib import admin, messages
from django.urls import path, reverse
from django.utils.http import urlencode

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from roundups import linkreading
from roundups.models import ReaderSuggestion, RoundupPage
from roundups.views import add_suggestion_to_roundup


class SuggestionButtonHelper(ButtonHelper):
    def add_to_roundup_button(self, obj) -> dict:
        url = reverse("roundups_add_suggestion", args=[obj.pk])
        return {
            "url": f"{url}?{urlencode({'next': self.url_helper.index_url})}",
            "label": "Add to draft roundup",
            "classname": self.finalise_classname(["button", "button-small"]),
            "title": f"Add “{obj}” as an excerpt to the latest draft roundup",
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.status == ReaderSuggestion.Status.NEW and self.request.user.has_perm(
            "roundups.change_readersuggestion"
        ):
            buttons.insert(0, self.add_to_roundup_button(obj))
        return buttons


class CreditFilter(admin.SimpleListFilter):
    """Whether the reader agreed to be named (the field's own name reads badly as a filter)."""

    title = "whether the reader may be named"
    parameter_name = "credit"

    def lookups(self, request, model_admin):
        return [("yes", "May be named"), ("no", "Not to be named")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(credit=self.value() == "yes")
        return queryset


class SuggestionPermissionHelper(PermissionHelper):
    def user_can_create(self, user) -> bool:
        return False  # suggestions come from readers, through the site's form


@modeladmin_register
class ReaderSuggestionAdmin(ModelAdmin):
    model = ReaderSuggestion
    menu_label = "Reader suggestions"
    menu_icon = "mail"
    menu_order = 300
    add_to_settings_menu = False
    inspect_view_enabled = True
    button_helper_class = SuggestionButtonHelper
    permission_helper_class = SuggestionPermissionHelper
    list_display = ("blog", "post_url", "submitted_at", "status", "credit_name", "roundup")
    list_filter = ("status", CreditFilter, "submitted_at")
    search_fields = ("blog", "post_url", "reason", "name")
    form_fields_exclude = ("submitted_at",)
    inspect_view_fields = (
        "post_url",
        "blog",
        "reason",
        "name",
        "email",
        "credit",
        "status",
        "submitted_at",
        "roundup",
        "editor_notes",
    )


@hooks.register("register_admin_urls")
def register_suggestion_urls():
    return [
        path(
            "roundups/suggestions/<int:pk>/add-to-roundup/",
            add_suggestion_to_roundup,
            name="roundups_add_suggestion",
        ),
        path("roundups/post-details/", linkreading.post_details, name="roundups_post_details"),
        path("roundups/add-blogger/", linkreading.add_blogger, name="roundups_add_blogger"),
    ]


@hooks.register("insert_editor_js")
def add_excerpt_from_link_script():
    return linkreading.excerpt_from_link_script()


def warn_about_old_excerpts(request, page) -> None:
    """Posts more than two weeks older than the week are allowed, but worth a second look."""
    page = page.specific
    if not isinstance(page, RoundupPage):
        return
    for heading in page.stale_excerpts():
        messages.warning(
            request,
            f"“{heading}” was posted more than 14 days before the week ending: "
            "should it be a previous read?",
        )


hooks.register("after_create_page", warn_about_old_excerpts)
hooks.register("after_edit_page", warn_about_old_excerpts)


class NewSuggestionsPanel(Component):
    """Tells editors on the dashboard how many reader suggestions await a decision."""

    name = "new_reader_suggestions"
    template_name = "roundups/admin/new_suggestions_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["new_count"] = ReaderSuggestion.objects.filter(
            status=ReaderSuggestion.Status.NEW
        ).count()
        context["inbox_url"] = reverse("roundups_readersuggestion_modeladmin_index")
        return context


@hooks.register("construct_homepage_panels")
def add_new_suggestions_panel(request, panels):
    if request.user.has_perm("roundups.change_readersuggestion"):
        panels.append(NewSuggestionsPanel())
