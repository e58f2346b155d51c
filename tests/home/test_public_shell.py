import pytest

from wagtail.models import Page, Site

from core.models import SiteSettings


@pytest.mark.django_db
def test_home_page_renders_for_an_anonymous_reader(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Guerilla Policy</h1>" in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert '<nav class="site-nav" aria-label="Main">' in html
    assert 'role="search"' in html
    assert 'lang="en-GB"' in html


@pytest.mark.django_db
def test_main_navigation_lists_live_menu_pages_only(client, home_page):
    about = home_page.add_child(instance=Page(title="About us", slug="about", show_in_menus=True))
    home_page.add_child(
        instance=Page(title="Secret draft", slug="secret", show_in_menus=True, live=False)
    )
    html = client.get("/").content.decode()
    assert f'href="{about.url}"' in html
    assert "Secret draft" not in html


@pytest.mark.django_db
def test_footer_shows_contact_and_social_links_from_site_settings(client, home_page):
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "contact_email": "hello@example.org",
            "twitter_handle": "frontline",
            "facebook_url": "https://facebook.com/frontline",
        },
    )
    html = client.get("/").content.decode()
    assert 'href="mailto:hello@example.org"' in html
    assert 'href="https://twitter.com/frontline"' in html
    assert 'href="https://facebook.com/frontline"' in html


@pytest.mark.django_db
def test_sitemap_lists_the_home_page(client, home_page):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "<loc>http://localhost/</loc>" in response.content.decode()


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
def test_unknown_address_gets_a_friendly_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_main_navigation_follows_every_change_after_it_is_cached(client, home_page):
    """The menu is read once and kept; each kind of change to its pages shows at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import PageViewRestriction

    about = home_page.add_child(instance=Page(title="About us", slug="about", show_in_menus=True))

    def menu() -> str:
        html = client.get("/").content.decode()
        return html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]

    assert "About us" in menu()
    with CaptureQueriesContext(connection) as second_view:
        assert "About us" in menu()
    conditions = [q["sql"].partition(" WHERE ")[2] for q in second_view.captured_queries]
    assert not [where for where in conditions if "show_in_menus" in where]

    about.title = "Who we are"
    about.save_revision().publish()
    assert "Who we are" in menu() and "About us" not in menu()

    join = home_page.add_child(instance=Page(title="Join in", slug="join", show_in_menus=True))
    join.save_revision().publish()
    assert "Join in" in menu()

    restriction = PageViewRestriction.objects.create(
        page=join, restriction_type=PageViewRestriction.LOGIN
    )
    assert "Join in" not in menu()
    restriction.delete()
    assert "Join in" in menu()

    join.unpublish()
    assert "Join in" not in menu()

    about.delete()
    assert "Who we are" not in menu()
