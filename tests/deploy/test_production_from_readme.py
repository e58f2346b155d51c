"""The production site started as the README says serves pages, the admin with its styles,
static files and uploaded images, without anything else in front of it, and sends its
security headers and cookie flags on real answers over HTTPS (as the proxy vouches for it
with X-Forwarded-Proto, which gunicorn believes from loopback)."""

import re
import sys

import pytest

from scripts.services import HOST
from tests.deploy.conftest import fetch, run

# An image uploaded as an editor would, through Wagtail's image model and the default storage.
UPLOAD = """
from io import BytesIO
from django.core.files.images import ImageFile
from PIL import Image as Picture
from wagtail.images import get_image_model
buffer = BytesIO()
Picture.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "PNG")
image = get_image_model().objects.create(
    title="Red square", file=ImageFile(buffer, name="red-square.png")
)
print(image.file.url)
print(image.get_rendition("width-32").url)
"""

pytestmark = pytest.mark.slow


def test_home_page_is_served_with_its_hashed_stylesheets(deployment):
    server, _, _ = deployment
    home = fetch(server.url, "/")
    assert home.status == 200
    assert "Guerilla Policy" in home.text
    stylesheets = re.findall(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home.text)
    assert stylesheets, "the home page links its stylesheet by a hashed name"
    css = fetch(server.url, stylesheets[0], {"Accept-Encoding": "gzip"})
    assert css.status == 200
    assert css.headers["Content-Type"].startswith("text/css")
    assert css.headers.get("Content-Encoding") == "gzip"
    assert "max-age=315360000" in css.headers["Cache-Control"]


def test_admin_login_is_served_with_its_css_and_javascript(deployment):
    server, _, _ = deployment
    login = fetch(server.url, "/admin/login/")
    assert login.status == 200
    assets = re.findall(r'(?:href|src)="(/static/wagtailadmin/[^"]+\.(?:css|js))"', login.text)
    assert any(asset.endswith(".css") for asset in assets)
    for asset in assets:
        assert fetch(server.url, asset).status == 200, asset


def test_a_static_file_is_served(deployment):
    server, _, _ = deployment
    favicon = re.search(
        r'href="(/static/img/favicon\.[0-9a-f]{12}\.svg)"', fetch(server.url, "/").text
    )
    assert favicon
    reply = fetch(server.url, favicon.group(1))
    assert reply.status == 200
    assert b"<svg" in reply.body


def test_an_uploaded_image_and_its_rendition_are_served(deployment):
    server, env, _ = deployment
    output = run([sys.executable, "manage.py", "shell", "-c", UPLOAD], env)
    original, rendition = output.split()[-2:]
    for url in (original, rendition):
        assert url.startswith("/media/")
        reply = fetch(server.url, url)
        assert reply.status == 200, url
        assert reply.headers["Content-Type"] == "image/png"
        assert reply.body.startswith(b"\x89PNG")


def test_private_documents_are_not_served_from_media(deployment):
    server, _, _ = deployment
    assert fetch(server.url, "/media/documents/anything.pdf").status == 404


def test_plain_http_is_redirected_to_https(deployment):
    server, _, _ = deployment
    reply = fetch(server.url, "/", {"X-Forwarded-Proto": "http"})
    assert reply.status == 301
    assert reply.headers["Location"] == "https://guerilla.test/"


# A signed-in editor, for the session cookie's flags.
EDITOR = """
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(username="header-check", is_staff=True)
user.set_password("header-check-password")
user.is_superuser = True
user.save()
"""


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def cookie(reply, name: str) -> list[str]:
    """The attributes of the cookie `name` set by `reply`, lower-cased."""
    (found,) = [value for value in reply.cookies if value.startswith(f"{name}=")]
    return [part.strip().lower() for part in found.split(";")[1:]]


def test_https_pages_carry_the_security_headers(deployment):
    server, _, _ = deployment
    home = fetch(server.url, "/")
    assert home.status == 200
    assert home.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    policy = directives(home.headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]
    assert "camera=()" in home.headers["Permissions-Policy"]
    assert home.headers["X-Frame-Options"] == "DENY"
    assert home.headers["X-Content-Type-Options"] == "nosniff"

    login = fetch(server.url, "/admin/login/")
    assert login.headers["Strict-Transport-Security"].startswith("max-age=31536000;")
    assert directives(login.headers["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    assert "camera=()" in login.headers["Permissions-Policy"]
    assert login.headers["X-Frame-Options"] == "DENY"


def test_cookies_are_secure_http_only_and_same_site(deployment):
    server, env, _ = deployment
    run([sys.executable, "manage.py", "shell", "-c", EDITOR], env)
    login = fetch(server.url, "/admin/login/")
    csrf = cookie(login, "csrftoken")
    assert {"secure", "httponly", "samesite=lax"} <= set(csrf)

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    csrf_cookie = next(value for value in login.cookies if value.startswith("csrftoken="))
    csrf_cookie = csrf_cookie.split(";")[0]
    signed_in = fetch(
        server.url,
        "/admin/login/",
        {"Cookie": csrf_cookie, "Origin": f"https://{HOST}", "Referer": f"https://{HOST}/admin/"},
        data={
            "csrfmiddlewaretoken": token,
            "username": "header-check",
            "password": "header-check-password",
        },
    )
    assert signed_in.status == 302, signed_in.text[:500]
    assert {"secure", "httponly", "samesite=lax"} <= set(cookie(signed_in, "sessionid"))
