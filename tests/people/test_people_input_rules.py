import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data

from people.factories import BloggerFactory, DepartmentFactory, OfficialFactory, SectorFactory
from people.fields import normalise_twitter_handle
from people.models import Blogger, Official, Sector


@pytest.mark.parametrize(
    "typed",
    [
        "micmac650",
        "@micmac650",
        " @micmac650 ",
        "https://twitter.com/micmac650",
        "http://www.twitter.com/micmac650/",
        "twitter.com/@micmac650",
        "https://mobile.twitter.com/micmac650?lang=en",
        "https://x.com/micmac650",
        "https://twitter.com/#!/micmac650",
    ],
)
def test_twitter_handle_is_stored_one_way_whatever_is_typed(typed):
    assert normalise_twitter_handle(typed) == "micmac650"


def test_twitter_handle_keeps_the_capitals_people_chose():
    assert normalise_twitter_handle("@DFID_Mark") == "DFID_Mark"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("two words", "cannot be a Twitter handle"),
        ("@waytoolonghandle123", "cannot be a Twitter handle"),
        ("bob!", "cannot be a Twitter handle"),
        ("@", "cannot be a Twitter handle"),
        ("https://facebook.com/micmac650", "is not a Twitter address"),
        ("https://twitter.com/", "not a profile"),
        ("https://twitter.com/search?q=nhs", "not a profile"),
    ],
)
def test_impossible_twitter_handles_are_rejected_saying_why(typed, reason):
    with pytest.raises(ValidationError) as error:
        normalise_twitter_handle(typed)
    assert reason in error.value.messages[0]
    assert "1 to 15 letters, digits or underscores" in error.value.messages[0]


def blogger_form(**overrides):
    data = {
        "name": "Dr Grumble",
        "slug": "",
        "blog_name": "Dr Grumble",
        "blog_url": "https://drgrumble.example.org/",
        "twitter_handle": "",
        "role": "a hospital doctor",
        "bio": "Grumbles about the NHS.",
        "picture": "",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.django_db
def test_editor_typing_a_profile_address_stores_the_handle(client, editor, home_page):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_people_blogger:add"),
        blogger_form(twitter_handle="https://twitter.com/DrGrumble"),
    )
    assert response.status_code == 302
    blogger = Blogger.objects.get()
    assert blogger.twitter_handle == "DrGrumble"
    assert blogger.slug == "dr-grumble"


@pytest.mark.django_db
def test_impossible_handle_is_refused_in_the_admin_keeping_what_was_typed(
    client, editor, home_page
):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_people_blogger:add"),
        blogger_form(twitter_handle="Dr Grumble on Twitter"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot be a Twitter handle" in html
    assert "Grumbles about the NHS." in html
    assert 'value="Dr Grumble on Twitter"' in html
    assert not Blogger.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address", ["ftp://drgrumble.example.org/", "javascript:alert(1)", "not an address"]
)
def test_blog_address_must_be_a_web_address(client, editor, home_page, address):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_people_blogger:add"), blogger_form(blog_url=address)
    )
    assert response.status_code == 200
    assert not Blogger.objects.exists()
    assert "Enter a" in response.content.decode()


@pytest.mark.django_db
def test_ftp_blog_address_is_refused_by_the_model_too():
    blogger = BloggerFactory.build(blog_url="ftp://example.org/")
    with pytest.raises(ValidationError) as error:
        blogger.full_clean()
    assert "http:// or https://" in error.value.message_dict["blog_url"][0]


@pytest.mark.django_db
def test_a_slug_already_in_use_is_refused_with_a_message(client, editor, home_page):
    BloggerFactory(slug="dr-grumble")
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_people_blogger:add"), blogger_form(slug="dr-grumble")
    )
    assert response.status_code == 200
    assert "already uses this slug" in response.content.decode()
    assert Blogger.objects.count() == 1


@pytest.mark.django_db
def test_blank_slug_is_made_from_the_name_without_clashing():
    BloggerFactory(name="Dr Grumble", slug="dr-grumble")
    twin = Blogger(name="Dr Grumble")
    twin.full_clean()
    assert twin.slug == "dr-grumble-2"
    sector = Sector(name="Social care")
    sector.full_clean()
    assert sector.slug == "social-care"


@pytest.mark.django_db
def test_a_current_official_cannot_have_a_new_post():
    official = OfficialFactory.build(
        department=DepartmentFactory(), status=Official.Status.CURRENT, new_post="Ambassador"
    )
    with pytest.raises(ValidationError) as error:
        official.full_clean()
    assert "new_post" in error.value.message_dict


@pytest.mark.django_db
def test_editor_adds_an_official_with_a_handle_typed_with_the_at(client, editor, home_page):
    department = DepartmentFactory(name="Cabinet Office")
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_people_official:add"),
        nested_form_data(
            {
                "name": "Sir Bob Kerslake",
                "post": "Head of the Civil Service",
                "department": department.pk,
                "twitter_handle": "@sirbobkerslake",
                "twitter_note": "",
                "status": "current",
                "new_post": "",
                "successor": "",
                "note": "",
                "last_checked": "19/10/2012",
            }
        ),
    )
    assert response.status_code == 302
    assert Official.objects.get().twitter_handle == "sirbobkerslake"


@pytest.mark.django_db
def test_sector_slug_is_unique():
    SectorFactory(slug="health")
    with pytest.raises(ValidationError):
        Sector(name="Health care", slug="health").full_clean()


@pytest.mark.django_db
def test_handles_saved_by_code_are_stored_the_same_way():
    blogger = BloggerFactory(twitter_handle="https://twitter.com/micmac650")
    blogger.refresh_from_db()
    assert blogger.twitter_handle == "micmac650"


@pytest.mark.django_db
def test_profiles_saved_by_code_without_a_slug_get_one():
    first = Blogger.objects.create(name="Frank Chalk")
    second = Blogger.objects.create(name="Frank Chalk")
    assert (first.slug, second.slug) == ("frank-chalk", "frank-chalk-2")
