"""The demo site shows search working: an editors' pick for “consultation”."""

import pytest

from django.core.management import call_command

from wagtail.contrib.search_promotions.models import SearchPromotion


@pytest.mark.django_db
def test_demo_content_promotes_an_essay_for_consultation_once(client):
    call_command("load_demo_content", password="demo-pass-1", stdout=None)
    call_command("load_demo_content", password="demo-pass-1", stdout=None)
    assert SearchPromotion.objects.filter(query__query_string="consultation").count() == 1
    html = client.get("/search/", {"q": "consultation"}).content.decode()
    assert "Editors’ picks" in html
    assert html.index("Consultation can’t fix our broken politics") < html.index(
        '<section aria-labelledby="search-results-heading">'
    )
