"""The demo site's home page, made the root of the default Site, which answers at the
address the demo is served from (so every absolute link in it works)."""

from urllib.parse import urlsplit

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
    hostname, port = site_host_and_port(loader.site_address)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wanted = (home.pk, "Guerilla Policy", hostname, port)
    if (site.root_page_id, site.site_name, site.hostname, site.port) != wanted:
        site.root_page = home
        site.site_name = "Guerilla Policy"
        site.hostname, site.port = hostname, port
        site.save()
        loader.log(f"site answers at {site.root_url}")


def site_host_and_port(address: str) -> tuple[str, int]:
    """("127.0.0.1", 8000) from "http://127.0.0.1:8000/"; the scheme's port when none."""
    parts = urlsplit(address if "//" in address else f"http://{address}")
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)
