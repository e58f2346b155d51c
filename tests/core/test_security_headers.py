"""Security headers on public and admin pages, and a clean `check --deploy` in production."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
TEMPLATE_FOLDERS = [
    path
    for path in CHECKOUT.glob("*/templates")
    if path.parent.name not in {".venv", "tests", "node_modules"}
]


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script_or_style_and_no_framing(client, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    for kind in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[kind]
        assert "'unsafe-eval'" not in policy[kind]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_and_may_frame_its_previews(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's own inline scripts
    assert not any(value.startswith("'nonce-") for value in policy["script-src"])
    assert "camera=()" in response["Permissions-Policy"]


def test_public_templates_have_no_inline_script_or_style():
    """The policy forbids them, so a template that had one would break in browsers."""
    found = []
    for folder in TEMPLATE_FOLDERS:
        for template in folder.rglob("*.html"):
            text = template.read_text(encoding="utf-8")
            relative = template.relative_to(CHECKOUT)
            if "/admin/" in relative.as_posix() or "wagtailadmin" in relative.parts:
                continue  # admin templates run under the admin's policy
            if "email" in relative.parts:
                continue  # emails are read in mail clients, not under the site's policy
            if re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)", text):
                found.append(f"{relative}: inline <script>")
            if re.search(r"<style\b|\sstyle=", text):
                found.append(f"{relative}: inline style")
    assert found == []


def production(code: str) -> subprocess.CompletedProcess:
    # The browser tests allow sync database calls from async code in this process; a
    # production process must start without that.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": "vq3#k9!x2Lr7@pZ0m$W4e^Tn8&bY1c*Hs6(jU5)fG-dA+oQ_iE=yR%tK",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
        "REDIS_URL": "redis://127.0.0.1:6379/13",
        "ALLOWED_HOSTS": "guerillapolicy.org",
        "WAGTAILADMIN_BASE_URL": "https://guerillapolicy.org",
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, *code.split()]
        if code.startswith("manage.py")
        else [sys.executable, "-c", code],
        env=env,
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_passes_at_warning_level_under_production_settings():
    result = production("manage.py check --deploy --fail-level WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_and_hsts():
    code = (
        "import sys; sys.path.insert(0, 'site'); import settings.production as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.X_FRAME_OPTIONS)"
    )
    expected = ["True", "True", "Lax", "True", "True", "Lax", "31536000", "True", "DENY"]
    result = production(code)
    assert result.stdout.split() == expected, result.stderr
