import csv
import datetime
import io

import pytest
import time_machine

from wagtail.models import Site

from people.factories import DepartmentFactory, OfficialFactory
from people.models import Official, PeopleSettings

TODAY = datetime.date(2012, 10, 19)


@pytest.fixture
def cabinet_office(db):
    return DepartmentFactory(name="Cabinet Office", slug="cabinet-office")


@pytest.fixture
def seed_like(cabinet_office):
    """Two Cabinet Office leaders (one on Twitter) and one at the Treasury."""
    home_office = DepartmentFactory(name="HM Treasury", slug="hm-treasury")
    OfficialFactory(
        name="Sir Bob Kerslake",
        department=cabinet_office,
        twitter_handle="sirbobkerslake",
        last_checked=TODAY,
    )
    OfficialFactory(
        name="Sir Peter Ricketts",
        department=cabinet_office,
        status=Official.Status.FORMER,
        new_post="British Ambassador to France",
        successor="Sir Kim Darroch",
        last_checked=TODAY,
    )
    OfficialFactory(
        name="Tom Scholar",
        post="Second Permanent Secretary",
        department=home_office,
        last_checked=TODAY - datetime.timedelta(days=400),
    )


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_table_lists_officials_with_a_summary_of_who_is_on_twitter(
    client, officials_directory, seed_like
):
    html = get(client, "/officials/")
    assert "<strong>1 of 3</strong> has a Twitter account." in html
    assert '<a href="https://twitter.com/sirbobkerslake" rel="external">@sirbobkerslake</a>' in html
    assert "Former: now British Ambassador to France; succeeded by Sir Kim Darroch" in html
    assert "Second Permanent Secretary" in html


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_having_an_account_is_said_in_words_not_only_by_style(
    client, officials_directory, seed_like
):
    html = get(client, "/officials/")
    assert 'Yes: <a href="https://twitter.com/sirbobkerslake"' in html
    assert html.count('<th scope="col" role="columnheader">On Twitter</th>') == 1
    rows = html.split('<tbody role="rowgroup">')[1]
    assert rows.count("\n                                    No\n") == 2


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_filter_by_department_without_javascript(client, officials_directory, seed_like):
    html = get(client, "/officials/?department=cabinet-office")
    assert "Sir Bob Kerslake" in html
    assert "Tom Scholar" not in html
    assert "<strong>1 of 2</strong> has a Twitter account." in html
    assert '<option value="cabinet-office" selected>Cabinet Office</option>' in html


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_filter_by_having_an_account(client, officials_directory, seed_like):
    with_account = get(client, "/officials/?twitter=yes")
    assert "Sir Bob Kerslake" in with_account
    assert "Tom Scholar" not in with_account
    assert "Showing 1." in with_account
    without = get(client, "/officials/?twitter=no")
    assert "Sir Bob Kerslake" not in without
    assert "Tom Scholar" in without and "Sir Peter Ricketts" in without


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_an_unknown_filter_value_is_explained_and_ignored(client, officials_directory, seed_like):
    html = get(client, "/officials/?department=ministry-of-magic&twitter=yes")
    assert "Select a valid choice" in html
    assert "Sir Bob Kerslake" in html
    assert "Tom Scholar" not in html


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_no_match_says_so(client, officials_directory, cabinet_office):
    OfficialFactory(department=cabinet_office)
    html = get(client, "/officials/?department=cabinet-office&twitter=yes")
    assert "No officials match these filters." in html


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_entries_older_than_the_site_setting_are_flagged_possibly_out_of_date(
    client, officials_directory, seed_like
):
    html = get(client, "/officials/")
    assert html.count("Possibly out of date</span>") == 1
    scholar_row = html[html.index("Tom Scholar") :].split("</tr>")[0]
    assert "Possibly out of date" in scholar_row
    assert '<time datetime="2011-09-15">15 September 2011</time>' in scholar_row
    assert "1 of the entries shown was last checked more than 180 days ago" in html

    settings = PeopleSettings.for_site(Site.objects.get(is_default_site=True))
    settings.official_stale_after_days = 500
    settings.save()
    assert "Possibly out of date</span>" not in get(client, "/officials/")


@pytest.mark.django_db
def test_an_entry_becomes_stale_as_time_passes(client, officials_directory, cabinet_office):
    OfficialFactory(department=cabinet_office, last_checked=TODAY)
    with time_machine.travel(TODAY + datetime.timedelta(days=180)):
        assert "Possibly out of date</span>" not in get(client, "/officials/")
    with time_machine.travel(TODAY + datetime.timedelta(days=181)):
        assert "Possibly out of date" in get(client, "/officials/")


@pytest.mark.django_db
def test_a_table_stale_as_a_whole_has_one_notice_not_a_flag_on_every_row(
    client, officials_directory, seed_like
):
    with time_machine.travel(TODAY + datetime.timedelta(days=365)):
        html = get(client, "/officials/")
    assert html.count("Possibly out of date") == 1
    assert "Possibly out of date</span>" not in html
    assert (
        "Every entry in this table was last checked on or before "
        '<time datetime="2012-10-19">19 October 2012</time>, more than 180 days ago' in html
    )
    assert "of the entries shown" not in html


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_in_post_includes_those_leaving_but_not_former_officials(
    client, officials_directory, seed_like, cabinet_office
):
    OfficialFactory(name="Ian Watmore", department=cabinet_office, status=Official.Status.LEAVING)
    html = get(client, "/officials/?status=current")
    assert "Sir Bob Kerslake" in html and "Ian Watmore" in html
    assert "Sir Peter Ricketts" not in html
    assert "Sir Peter Ricketts" not in get(client, "/officials/?status=leaving")


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_someone_in_two_posts_counts_once_in_the_summary(client, officials_directory, seed_like):
    treasury = Official.objects.get(name="Tom Scholar").department
    OfficialFactory(name="Sir Bob Kerslake", department=treasury, twitter_handle="sirbobkerslake")
    html = get(client, "/officials/")
    assert html.count("Sir Bob Kerslake") == 2
    assert "<strong>1 of 3</strong> has a Twitter account." in html


def read_csv(response) -> list[dict[str, str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="officials.csv"' in response["Content-Disposition"]
    # UTF-8 with a byte-order mark, so that Excel does not garble “O’Brien”.
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_csv_download_holds_the_same_filtered_table(client, officials_directory, seed_like):
    html = get(client, "/officials/?department=cabinet-office")
    assert 'href="/officials/csv/?department=cabinet-office"' in html
    rows = read_csv(client.get("/officials/csv/?department=cabinet-office"))
    assert [row["Name"] for row in rows] == ["Sir Bob Kerslake", "Sir Peter Ricketts"]
    assert rows[0]["Twitter handle"] == "sirbobkerslake"
    assert rows[0]["Twitter address"] == "https://twitter.com/sirbobkerslake"
    assert rows[1]["Status"] == "Former"
    assert rows[1]["New post"] == "British Ambassador to France"
    assert rows[1]["Successor"] == "Sir Kim Darroch"
    assert rows[0]["Last checked"] == "2012-10-19"
    assert rows[0]["Possibly out of date"] == "no"
    everyone = read_csv(client.get("/officials/csv/"))
    assert len(everyone) == 3
    assert [row["Possibly out of date"] for row in everyone if row["Name"] == "Tom Scholar"] == [
        "yes"
    ]


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_csv_opens_in_excel_with_curly_apostrophes_intact(
    client, officials_directory, cabinet_office
):
    OfficialFactory(name="Una O’Brien", department=cabinet_office)
    rows = read_csv(client.get("/officials/csv/"))
    assert rows[0]["Name"] == "Una O’Brien"


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, officials_directory, cabinet_office):
    OfficialFactory(name='=HYPERLINK("http://evil.example")', department=cabinet_office)
    rows = read_csv(client.get("/officials/csv/"))
    assert rows[0]["Name"].startswith("'=")


def directory_queries(client, url, django_assert_max_num_queries) -> int:
    """Queries for a second visit: the first remembers the page's route and the menu."""
    client.get(url)
    with django_assert_max_num_queries(15) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_directory_and_csv_queries_do_not_grow_with_officials(
    client, officials_directory, cabinet_office, django_assert_max_num_queries
):
    OfficialFactory(department=cabinet_office)
    urls = ["/officials/", "/officials/?department=cabinet-office&twitter=no", "/officials/csv/"]
    small = [directory_queries(client, url, django_assert_max_num_queries) for url in urls]
    departments = DepartmentFactory.create_batch(10)
    for index in range(100):
        OfficialFactory(
            department=departments[index % 10],
            twitter_handle=f"official{index}" if index % 3 else "",
        )
    large = [directory_queries(client, url, django_assert_max_num_queries) for url in urls]
    assert large == small
