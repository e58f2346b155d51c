"""The seed's essays and series, loaded by `load_demo_content`, faithfully and once."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Revision

from essays.models import EssayIndexPage, EssayPage, SeriesPage


@pytest.fixture
def demo(db):
    call_command("load_demo_content", password="demo-pass", stdout=io.StringIO())


def main_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html[html.find("<main") : html.find("</main>")]


@pytest.mark.django_db
def test_demo_has_the_four_essays_and_the_series_in_the_menu(client, demo):
    index = EssayIndexPage.objects.get()
    assert index.live and index.show_in_menus
    titles = set(EssayPage.objects.live().values_list("title", flat=True))
    assert {
        "Michael Gove’s approach to education reform is the opposite of open policymaking",
        "Consultation can’t fix our broken politics – we need new ways to engage the public "
        "in policymaking",
        "Open policy is a challenge to government consultations – and an opportunity",
        "How can civil servants make better use of social media?",
        "Policy would stand a better chance of achieving its objectives",
        "It’s the future",
    } == titles
    assert f'href="{index.url}"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_demo_series_has_parts_two_and_nine_live_and_eight_gaps(client, demo):
    series = SeriesPage.objects.get()
    assert series.title == "Ten reasons why we need a new approach to developing social policy"
    assert series.planned_parts == 10
    html = main_html(client, series.url)
    assert html.count("To come") == 8
    part_2 = EssayPage.objects.get(slug="policy-would-stand-a-better-chance")
    part_9 = EssayPage.objects.get(slug="its-the-future")
    part_9_html = main_html(client, part_9.url)
    assert "Part 9 of 10" in part_9_html and "19 October 2012" in part_9_html
    assert f'href="{part_2.url}" rel="prev"' in part_9_html
    assert 'rel="next"' not in part_9_html
    assert "Part 2 of 10" in main_html(client, part_2.url)
    feed = client.get(series.url + "feed/").content.decode()
    assert (
        "Ten reasons why we need a new approach to developing social policy – 9. It’s the "
        "future" in feed
    )


@pytest.mark.django_db
def test_demo_text_is_carried_faithfully(client, demo):
    essay = EssayPage.objects.get(slug="civil-servants-social-media")
    html = main_html(client, essay.url)
    assert "Lets Get Social\xa0[sic]" in html  # the seed's no-break space, kept
    assert "<ol>" in html and html.count("<li><p>") >= 10 + 5 + 9
    assert "Do not engage with users who are aggressive/abusive.”" in html
    assert "<table>" in html and "@sirbobkerslake" in html and "Dame Gillian Morgan" in html
    assert "{#" not in html  # no template comment printed
    future = main_html(client, EssayPage.objects.get(slug="its-the-future").url)
    assert "5. We’ll all be driving flying cars soon" in future
    assert "‘letting light in on magic’" in future
    consultation = main_html(
        client, EssayPage.objects.get(slug="open-policy-challenge-to-consultations").url
    )
    # The White Paper quotation as the seed gives it: in quotation marks, no attribution.
    assert (
        '<blockquote class="quote">\n    <p>“Open policy making will become the default.'
        in consultation
    )
    assert "making.”</p>\n    \n</blockquote>" in consultation
    assert "Civil Service Reform White Paper, June 2012" not in consultation


@pytest.mark.django_db
def test_loading_the_demo_again_brings_untouched_essays_up_to_date(demo):
    part_2 = EssayPage.objects.get(slug="policy-would-stand-a-better-chance")
    part_2.body = list(part_2.body.raw_data)[:-1]  # as an earlier demo made it
    part_2.save_revision().publish()
    Revision.objects.filter(object_id=str(part_2.pk)).order_by("pk").first().delete()
    Revision.objects.filter(object_id=str(part_2.pk)).update(user=None)
    call_command("load_demo_content", password="demo-pass", stdout=io.StringIO())
    part_2.refresh_from_db()
    assert "This brings us, briefly," in part_2.body.raw_data[-1]["value"]
    # An essay an editor has changed is theirs: the loader leaves it alone.
    part_2.body = list(part_2.body.raw_data)[:-1]
    part_2.save_revision(user=get_user_model().objects.get(username="editor")).publish()
    call_command("load_demo_content", password="demo-pass", stdout=io.StringIO())
    part_2.refresh_from_db()
    assert "This brings us, briefly," not in part_2.body.raw_data[-1]["value"]


@pytest.mark.django_db
def test_loading_the_demo_again_publishes_nothing_new(demo):
    revisions = Revision.objects.count()
    call_command("load_demo_content", password="demo-pass", stdout=io.StringIO())
    assert Revision.objects.count() == revisions
    assert EssayPage.objects.count() == 6 + 7
