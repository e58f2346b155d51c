import datetime

import pytest

from django.urls import reverse

from wagtail.models import ReferenceIndex

from people.factories import BloggerFactory, DepartmentFactory, OfficialFactory, SectorFactory
from people.models import Department, Sector


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_people_menu_groups_sectors_bloggers_officials_and_departments(editor_client, home_page):
    html = editor_client.get("/admin/").content.decode()
    assert '"People"' in html
    for model in ("sector", "blogger", "official", "department"):
        assert f"/admin/snippets/people/{model}/" in html


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["sector", "blogger", "official", "department"])
def test_each_list_inspect_and_add_view_opens_for_editors(editor_client, home_page, model):
    factory = {
        "sector": SectorFactory,
        "blogger": BloggerFactory,
        "official": OfficialFactory,
        "department": DepartmentFactory,
    }[model]
    item = factory()
    namespace = f"wagtailsnippets_people_{model}"
    assert editor_client.get(reverse(f"{namespace}:list")).status_code == 200
    assert editor_client.get(reverse(f"{namespace}:inspect", args=[item.pk])).status_code == 200
    assert editor_client.get(reverse(f"{namespace}:add")).status_code == 200


@pytest.mark.django_db
def test_editors_reorder_sectors_by_dragging(editor_client, home_page):
    social_care = SectorFactory(name="Social care")
    health = SectorFactory(name="Health")
    education = SectorFactory(name="Education")
    listing = editor_client.get(reverse("wagtailsnippets_people_sector:list")).content.decode()
    assert "Sort item order" in listing
    response = editor_client.post(
        reverse("wagtailsnippets_people_sector:reorder", args=[education.pk]) + "?position=0"
    )
    assert response.status_code == 200
    assert list(Sector.objects.values_list("name", flat=True)) == [
        "Education",
        "Social care",
        "Health",
    ]
    assert social_care and health


@pytest.mark.django_db
def test_a_new_sector_goes_to_the_end_of_the_order(editor_client, home_page):
    SectorFactory(name="Social care", sort_order=0)
    SectorFactory(name="Health", sort_order=1)
    response = editor_client.post(
        reverse("wagtailsnippets_people_sector:add"), {"name": "Arts", "slug": ""}
    )
    assert response.status_code == 302
    assert list(Sector.objects.values_list("name", flat=True)) == ["Social care", "Health", "Arts"]
    assert Sector.objects.get(name="Arts").slug == "arts"


@pytest.mark.django_db
def test_officials_list_filters_by_account_department_and_staleness(editor_client, home_page):
    cabinet = DepartmentFactory(name="Cabinet Office")
    OfficialFactory(name="Sir Bob Kerslake", department=cabinet, twitter_handle="sirbobkerslake")
    OfficialFactory(
        name="Jil Matheson", last_checked=datetime.date.today() - datetime.timedelta(days=999)
    )
    url = reverse("wagtailsnippets_people_official:list")
    with_account = editor_client.get(url, {"has_twitter": "true"}).content.decode()
    assert "Sir Bob Kerslake" in with_account and "Jil Matheson" not in with_account
    stale = editor_client.get(url, {"possibly_out_of_date": "true"}).content.decode()
    assert "Jil Matheson" in stale and "Sir Bob Kerslake" not in stale
    by_department = editor_client.get(url, {"department": cabinet.pk}).content.decode()
    assert "Sir Bob Kerslake" in by_department and "Jil Matheson" not in by_department
    found = editor_client.get(url, {"q": "Kerslake", "status": "current"}).content.decode()
    assert "Sir Bob Kerslake" in found and "Jil Matheson" not in found


@pytest.mark.django_db
def test_bloggers_list_searches_and_filters_by_sector(editor_client, home_page):
    health = SectorFactory(name="Health")
    BloggerFactory(name="Dr Grumble", sectors=[health])
    BloggerFactory(name="Frank Chalk")
    url = reverse("wagtailsnippets_people_blogger:list")
    by_sector = editor_client.get(url, {"sectors": health.pk}).content.decode()
    assert "Dr Grumble" in by_sector and "Frank Chalk" not in by_sector
    found = editor_client.get(url, {"q": "Grumble"}).content.decode()
    assert "Dr Grumble" in found and "Frank Chalk" not in found


@pytest.mark.django_db
def test_deleting_a_department_in_use_shows_where_it_is_used(editor_client, home_page):
    department = DepartmentFactory(name="Ministry of Defence")
    official = OfficialFactory(name="Jon Day", department=department)
    ReferenceIndex.create_or_update_for_object(official)
    delete_url = reverse("wagtailsnippets_people_department:delete", args=[department.pk])
    html = editor_client.get(delete_url).content.decode()
    usage_url = reverse("wagtailsnippets_people_department:usage", args=[department.pk])
    assert usage_url in html
    usage = editor_client.get(usage_url).content.decode()
    assert "Jon Day" in usage
    editor_client.post(delete_url)
    assert Department.objects.filter(pk=department.pk).exists()


@pytest.mark.django_db
def test_blogger_usage_view_opens_before_delete(editor_client, home_page):
    blogger = BloggerFactory()
    html = editor_client.get(
        reverse("wagtailsnippets_people_blogger:delete", args=[blogger.pk])
    ).content.decode()
    assert reverse("wagtailsnippets_people_blogger:usage", args=[blogger.pk]) in html


@pytest.mark.django_db
def test_officials_to_check_report_lists_stale_entries_oldest_first(editor_client, home_page):
    today = datetime.date.today()
    OfficialFactory(name="Checked last week", last_checked=today - datetime.timedelta(days=7))
    OfficialFactory(name="Jil Matheson", last_checked=today - datetime.timedelta(days=400))
    OfficialFactory(name="Jon Day", last_checked=today - datetime.timedelta(days=900))
    reports_menu = editor_client.get("/admin/").content.decode()
    assert "Officials to check" in reports_menu
    html = editor_client.get(reverse("people_officials_to_check_modeladmin_index")).content.decode()
    assert "Checked last week" not in html
    assert html.index("Jon Day") < html.index("Jil Matheson")
    official = OfficialFactory._meta.model.objects.get(name="Jon Day")
    edit_url = reverse("wagtailsnippets_people_official:edit", args=[official.pk])
    assert f'href="{edit_url}"' in html
    assert reverse("people_officials_to_check_modeladmin_create") not in html


@pytest.mark.django_db
def test_officials_to_check_report_is_read_only(editor_client, home_page):
    official = OfficialFactory(last_checked=datetime.date(2012, 6, 29))
    assert editor_client.get(
        reverse("people_officials_to_check_modeladmin_create")
    ).status_code in {
        302,
        403,
    }
    edit = editor_client.get(
        reverse("people_officials_to_check_modeladmin_edit", args=[official.pk])
    )
    assert edit.status_code in {302, 403}
    inspect_url = reverse("people_officials_to_check_modeladmin_inspect", args=[official.pk])
    assert editor_client.get(inspect_url).status_code == 200
