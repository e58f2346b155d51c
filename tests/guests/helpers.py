"""Admin form data for guest posts, and how to tell a refusal from a success."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def post_form(title: str, body: list | None = None, **extra) -> dict:
    """The guest post edit form, as the admin posts it."""
    body = body if body is not None else [("paragraph", rich_text("<p>From the ward.</p>"))]
    return nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", None) or title.lower().replace(" ", "-")[:50] or "post",
            "standfirst": extra.pop("standfirst", "A standfirst."),
            "body": streamfield(body),
            "comments": inline_formset([]),
            **extra,
        }
    )


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["guests", "guestpostpage", parent.pk])


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def refused(response) -> bool:
    """Wagtail refuses with 403, 404, or a redirect to the login page or the dashboard."""
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code == 302:
        location = response["Location"]
        return "/admin/login/" in location or location.rstrip("/").endswith("/admin")
    return False
