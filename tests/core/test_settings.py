"""Production settings refuse to start on a missing or bad setting, and say which."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
GOOD = {
    "SECRET_KEY": "x" * 50,
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "ALLOWED_HOSTS": "guerillapolicy.org",
    "WAGTAILADMIN_BASE_URL": "https://guerillapolicy.org",
    "REDIS_URL": "redis://127.0.0.1:6379/13",
}


def import_production(code: str = "", **overrides: str | None) -> subprocess.CompletedProcess:
    """Import the production settings in a fresh interpreter, then run `code` there."""
    env = {key: value for key, value in os.environ.items() if key not in GOOD}
    env.update(GOOD)
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    env["PYTHONPATH"] = os.pathsep.join([str(CHECKOUT / "site"), str(CHECKOUT)])
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import settings.production as s\n" + code],
        env=env,
        capture_output=True,
        text=True,
        cwd=CHECKOUT,
        check=False,
    )


def test_production_settings_start_when_everything_is_given():
    result = import_production()
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SECRET_KEY", None),
        ("SECRET_KEY", ""),
        ("DATABASE_URL", None),
        ("ALLOWED_HOSTS", None),
        ("WAGTAILADMIN_BASE_URL", None),
        ("REDIS_URL", None),
    ],
)
def test_production_refuses_to_start_without_a_required_setting_and_names_it(variable, value):
    result = import_production(**{variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr.splitlines()[-1]


@pytest.mark.parametrize("length", [5, 32, 49])
def test_production_refuses_a_secret_key_shorter_than_fifty_characters(length):
    result = import_production(SECRET_KEY="k" * length)
    assert result.returncode != 0
    message = result.stderr.splitlines()[-1]
    assert "SECRET_KEY must be at least 50 random characters" in message
    assert f"(it has {length})" in message


def test_production_takes_a_secret_key_of_fifty_characters():
    assert import_production(SECRET_KEY="k" * 50).returncode == 0


@pytest.mark.parametrize(
    ("variable", "value"),
    [("DATABASE_URL", "mysql://root@localhost/db"), ("DEBUG", "perhaps")],
)
def test_a_malformed_setting_stops_start_up_naming_it(variable, value):
    result = import_production(**{variable: value})
    assert result.returncode != 0
    assert variable in result.stderr.splitlines()[-1]


def test_media_is_local_and_served_by_the_app_unless_a_bucket_is_named():
    result = import_production("print(s.STORAGES['default']['BACKEND'], s.SERVE_MEDIA)")
    assert result.stdout.split() == ["django.core.files.storage.FileSystemStorage", "True"]


def test_media_goes_to_the_object_store_named_by_the_environment():
    result = import_production(
        "m = s.STORAGES['default']\no = m['OPTIONS']\n"
        "print(m['BACKEND'], o['bucket_name'], o['endpoint_url'], s.SERVE_MEDIA)",
        AWS_STORAGE_BUCKET_NAME="guerilla-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.net",
    )
    assert result.stdout.split() == [
        "storages.backends.s3.S3Storage",
        "guerilla-media",
        "https://objects.example.net",
        "False",
    ]


def test_connections_are_kept_and_checked_in_production():
    result = import_production(
        "d = s.DATABASES['default']\nprint(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    assert result.stdout.split() == ["60", "True"]


def test_an_unreachable_database_or_cache_fails_within_seconds_in_production():
    code = (
        "d = s.DATABASES['default']['OPTIONS']\no = s.CACHES['default']['OPTIONS']\n"
        "print(d['connect_timeout'], o['socket_connect_timeout'], o['socket_timeout'])"
    )
    assert import_production(code).stdout.split() == ["5", "1", "2"]
    changed = import_production(
        code, DATABASE_CONNECT_TIMEOUT="10", REDIS_CONNECT_TIMEOUT="0.5", REDIS_TIMEOUT="3"
    )
    assert changed.stdout.split() == ["10", "0.5", "3.0"]


@pytest.mark.parametrize(
    "variable", ["DATABASE_CONNECT_TIMEOUT", "REDIS_CONNECT_TIMEOUT", "REDIS_TIMEOUT"]
)
@pytest.mark.parametrize("value", ["soon", "0"])
def test_a_malformed_timeout_stops_start_up_naming_it(variable, value):
    result = import_production(**{variable: value})
    assert result.returncode != 0
    assert f"{variable} must be a positive number of seconds" in result.stderr.splitlines()[-1]
