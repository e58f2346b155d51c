"""The demo site's home page, made the root of the default Site."""

from wagtail.models import Page, Site

from home.models import HomePage

INTRODUCTION = (
    "<p>Guerilla Policy opens up policymaking to the people who run and use public services: "
    "essays on how policy is made, a weekly roundup of the best frontline bloggers, and room "
    "for practitioners to write policy themselves.</p>"
)


def load(loader) -> None:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration leaves a placeholder "Welcome" page (and a Site on it);
        # ours replaces both.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = root.add_child(
            instance=HomePage(title="Guerilla Policy", slug="home", introduction=INTRODUCTION)
        )
        home.save_revision().publish()
        loader.log("home page created")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.pk or site.site_name != "Guerilla Policy":
        site.hostname = site.hostname or "localhost"
        site.port = site.port or 80
        site.root_page = home
        site.site_name = "Guerilla Policy"
        site.save()
