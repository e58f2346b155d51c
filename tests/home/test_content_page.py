"""Plain content pages ("About us"): under the home page or each other, nothing else."""

import pytest

from wagtail.test.utils import WagtailPageTestCase

from essays.models import EssayIndexPage
from home.factories import ContentPageFactory
from home.models import ContentPage, HomePage


class ContentPagePlacementTests(WagtailPageTestCase):
    def test_content_pages_live_under_the_home_page_or_each_other(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})
        self.assertCanNotCreateAt(EssayIndexPage, ContentPage)


@pytest.mark.django_db
def test_a_content_page_shows_its_title_and_text(home_page, client):
    page = ContentPageFactory(parent=home_page, title="About us", slug="about")
    response = client.get("/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>About us</h1>" in html
    assert "Who we are and how we work." in html
    assert page.live
