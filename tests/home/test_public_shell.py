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
