"""Editors see what readers search for, and promote results, in the admin."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.test.utils.form_data import nested_form_data


def test_editor_sees_what_readers_search_for(client, editor, ermintrude):
    client.get("/search/", {"q": "dementia"})
    client.get("/search/", {"q": "dementia"})
    client.force_login(editor)
    response = client.get("/admin/reports/reader-searches/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "dementia" in html
    assert "Reader searches" in client.get("/admin/").content.decode()


def test_reader_searches_report_is_not_for_guests(client, django_user_model, home_page):
    from django.contrib.auth.models import Group

    guest = django_user_model.objects.create_user("guest", "g@example.org", "pw")
    guest.groups.add(Group.objects.get(name="Guest bloggers"))
    client.force_login(guest)
    response = client.get("/admin/reports/reader-searches/")
    assert response.status_code in (302, 403)
    assert "dementia" not in response.content.decode()


def test_editor_promotes_a_page_for_a_search_and_readers_see_it_first(
    client, editor, home_page, ermintrude
):
    client.force_login(editor)
    response = client.post(
        "/admin/searchpicks/add/",
        nested_form_data(
            {
                "query_string": "dementia",
                "editors_picks": {
                    "TOTAL_FORMS": 1,
                    "INITIAL_FORMS": 0,
                    "MIN_NUM_FORMS": 0,
                    "MAX_NUM_FORMS": 1000,
                    "0": {
                        "page": home_page.pk,
                        "external_link_url": "",
                        "external_link_text": "",
                        "description": "Where to start on dementia.",
                        "ORDER": 1,
                        "DELETE": "",
                    },
                },
            }
        ),
    )
    assert response.status_code == 302
    assert SearchPromotion.objects.filter(query=Query.get("dementia"), page=home_page).exists()
    client.logout()
    html = client.get("/search/", {"q": "dementia"}).content.decode()
    assert html.index("Where to start on dementia.") < html.index("Ermintrude2")
