import pytest

from django.core.management import call_command

from people.models import (
    Blogger,
    BloggerIndexPage,
    Department,
    Official,
    OfficialIndexPage,
    Sector,
)

SEED_BLOGGERS = {
    "Ermintrude2",
    "Whose Shoes?",
    "Secret Social Worker",
    "The Social Work Blog",
    "@micmac650",
    "Dr Grumble",
    "Nathan Constable",
    "Frank Chalk",
    "Carolyne Mitchell",
}


@pytest.fixture
def demo(db):
    call_command("load_demo_content", password="demo-pass-1", stdout=None)


@pytest.mark.django_db
def test_demo_has_the_seeds_sectors_in_roundup_order(demo):
    assert list(Sector.objects.values_list("name", flat=True)) == [
        "Social care",
        "Health",
        "Democracy",
        "Policing",
        "Education",
    ]


@pytest.mark.django_db
def test_demo_has_the_nine_roundup_bloggers(demo):
    # Other apps' demo content may add bloggers (the demo guest's profile); the seed's are all here.
    assert set(Blogger.objects.values_list("name", flat=True)) >= SEED_BLOGGERS
    ermintrude = Blogger.objects.get(slug="ermintrude2")
    assert ermintrude.role == "works in dementia services"
    assert [sector.name for sector in ermintrude.sectors.all()] == ["Social care"]
    assert Blogger.objects.get(slug="micmac650").twitter_handle == "micmac650"
    assert Blogger.objects.get(slug="secret-social-worker").blog_name == (
        "Secret Social Worker’s Blog"
    )


@pytest.mark.django_db
def test_demo_has_all_38_officials_and_the_six_twitter_accounts(demo):
    # The seed's 38 rows, and the corrections' successors in rows of their own.
    assert Official.objects.count() == 38 + 7
    assert set(Official.objects.with_twitter().values_list("twitter_handle", flat=True)) == {
        "sirbobkerslake",
        "ianwatmore",
        "DFID_Mark",
        "uksciencechief",
        "D_Hartnett_HMRC",
        "urs18",
    }
    assert Official.objects.get(name="Mark Lowcock").twitter_note == "has only sent two tweets"


@pytest.mark.django_db
def test_demo_applies_the_posts_corrections(demo):
    former = dict(
        Official.objects.filter(status=Official.Status.FORMER).values_list("name", "new_post")
    )
    assert former == {
        "Sir Jon Cuncliffe": "UK Permanent Representative to the EU",
        "Sir Peter Ricketts": "British Ambassador to France",
        "Lin Homer": "Chief Executive and Permanent Secretary, HM Revenue and Customs",
        "Ursula Brennan": "Permanent Secretary, Ministry of Justice",
        "Sir Suma Chakrabarti": "",
        "Sir Bruce Robinson": "",
        "Sir Stephen Laws": "",
    }
    successors = dict(Official.objects.exclude(successor="").values_list("name", "successor"))
    assert successors["Sir Peter Ricketts"] == "Sir Kim Darroch"
    assert successors["Lin Homer"] == "Philip Rutnam"
    assert successors["Ursula Brennan"] == "Tom McKane (acting)"
    assert successors["Sir Bruce Robinson"] == "Dr Malcolm McKibbin"
    assert successors["Sir Stephen Laws"] == "Richard Heaton"
    in_post = dict(
        Official.objects.filter(status=Official.Status.CURRENT)
        .filter(name__in=[*successors.values(), "Tom McKane", "Lin Homer"])
        .values_list("name", "department__name")
    )
    assert in_post == {
        "Sir Kim Darroch": "Cabinet Office",
        "Philip Rutnam": "Department for Transport",
        "Lin Homer": "HM Revenue and Customs",
        "Ursula Brennan": "Ministry of Justice",
        "Tom McKane": "Ministry of Defence",
        "Dr Malcolm McKibbin": "Northern Ireland Civil Service",
        "Richard Heaton": "Office of the Parliamentary Counsel",
    }
    morgan = Official.objects.get(name="Dame Gillian Morgan")
    assert morgan.status == Official.Status.LEAVING
    assert "retiring" in morgan.note


@pytest.mark.django_db
def test_demo_shows_someone_in_post_in_every_department(demo, client):
    for department in Department.objects.all():
        html = client.get(f"/officials/?department={department.slug}&status=current")
        assert "No officials match these filters." not in html.content.decode(), department


@pytest.mark.django_db
def test_demo_officials_table_has_one_stale_notice_not_a_flag_per_row(demo, client):
    html = client.get("/officials/").content.decode()
    assert html.count("Possibly out of date") == 1
    assert "Every entry in this table was last checked on or before" in html


@pytest.mark.django_db
def test_demo_directories_are_live_in_the_menu_and_show_the_seed(demo, client):
    for page_type in (BloggerIndexPage, OfficialIndexPage):
        page = page_type.objects.get()
        assert page.live and page.show_in_menus
    home = client.get("/").content.decode()
    assert 'href="/bloggers/"' in home and 'href="/officials/"' in home
    officials = client.get("/officials/").content.decode()
    # 43 people: the seed's 38 and five successors (two moved within the table).
    assert "<strong>6 of 43</strong> have a Twitter account." in officials
    assert "Showing" not in officials  # all 45 rows of the 43 people are shown
    assert "{#" not in officials
    bloggers = client.get("/bloggers/").content.decode()
    assert all(
        name.replace("’", "&#x27;") in bloggers or name in bloggers for name in SEED_BLOGGERS
    )
    assert client.get("/bloggers/dr-grumble/").status_code == 200


@pytest.mark.django_db
def test_loading_the_demo_twice_duplicates_nothing(demo):
    counts = (Sector.objects.count(), Blogger.objects.count(), Official.objects.count())
    call_command("load_demo_content", password="demo-pass-1", stdout=None)
    assert (Sector.objects.count(), Blogger.objects.count(), Official.objects.count()) == counts
    assert BloggerIndexPage.objects.count() == 1 and OfficialIndexPage.objects.count() == 1
