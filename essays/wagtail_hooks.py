from django.contrib import messages
from django.shortcuts import redirect

from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from essays.models import Author, EssayPage, SeriesPage


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role"]
    search_fields = ["name", "role"]


register_snippet(AuthorViewSet)


def series_renumbered_by_removing(page) -> Page | None:
    """The series whose published parts would be renumbered if `page` left it, if any."""
    if not isinstance(page, EssayPage):
        return None
    series = SeriesPage.objects.parent_of(page).first()
    if series is None:
        return None
    later_live = EssayPage.objects.child_of(series).live().filter(path__gt=page.path).exists()
    return series if later_live else None


def refuse_renumbering(request, page, series, action: str):
    messages.error(
        request,
        f"“{page.get_admin_display_title()}” cannot be {action}: the published parts after it "
        "would be renumbered. Unpublish it, or edit it into a different part, instead; or "
        "reorder the parts first if renumbering is what you want.",
    )
    return redirect("wagtailadmin_explore", series.pk)


@hooks.register("before_delete_page")
def keep_part_numbers_on_delete(request, page):
    series = series_renumbered_by_removing(page)
    if series is not None:
        return refuse_renumbering(request, page, series, "deleted")
    return None


@hooks.register("before_move_page")
def keep_part_numbers_on_move(request, page, destination):
    series = series_renumbered_by_removing(page)
    if series is not None and destination.pk != series.pk:
        return refuse_renumbering(request, page, series, "moved out of the series")
    return None
