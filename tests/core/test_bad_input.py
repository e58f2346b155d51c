"""Input no page can use (NUL bytes, unreadable forms, broken encodings) is answered with
400 or 404 wherever it arrives, never a server error (PostgreSQL refuses NUL in text)."""

import pytest

from essays.factories import EssayIndexPageFactory

NEVER_500 = {400, 404}


@pytest.fixture
def site(home_page):
    EssayIndexPageFactory(parent=home_page, title="Essays", slug="essays")
    return home_page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/essays/?topic=%00", 400),
        ("/essays/?page=1%00", 400),
        ("/essays/?%00=x", 400),
        ("/guests/preview/%00/", 404),
        ("/guests/invitation/a%00b/", 404),
        ("/search/?q=%00", 400),
        ("/search/?q=policy&type=%00", 400),
        ("/admin/login/?next=/admin/%00", 400),
        ("/%00/", 404),
        ("/essays/%00", 404),
    ],
)
def test_nul_bytes_in_the_address_are_refused(client, site, url, expected):
    assert client.get(url).status_code == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/%FF%FE/", "/essays/%C0%AF/", "/search/?q=%FF%FE%ED%A0%80", "/essays/?topic=%E9t%E9"],
)
def test_undecodable_addresses_are_answered_without_an_error(client, site, url):
    assert client.get(url).status_code in {200, 404}


@pytest.mark.django_db
def test_a_nul_in_a_cookie_or_header_is_refused(client, site):
    assert client.get("/", HTTP_COOKIE="sessionid=abc\x00def").status_code == 400
    assert client.get("/", HTTP_USER_AGENT="Mozilla\x00").status_code == 400
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_a_nul_in_a_login_form_is_refused(client, site):
    response = client.post("/admin/login/", {"username": "ad\x00min", "password": "x"})
    assert response.status_code == 400
    assert "not allowed" in response.content.decode()


@pytest.mark.django_db
def test_an_unreadable_multipart_body_is_refused(client, site):
    response = client.generic(
        "POST",
        "/admin/login/",
        b"--xyz\r\nContent-Disposition: form-data; name=\r\n\r\nbroken",
        content_type="multipart/form-data",  # no boundary
    )
    assert response.status_code in NEVER_500
