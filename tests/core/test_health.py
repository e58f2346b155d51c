"""/healthz tells a load balancer whether this server can serve, naming what failed."""

import json

import pytest

from tests.servers import free_port


def health(client, **extra):
    response = client.get("/healthz", **extra)
    return response.status_code, json.loads(response.content), response


@pytest.mark.django_db
def test_all_parts_working_answers_200(client, tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    status, body, response = health(client)
    assert status == 200
    assert body == {"status": "ok", "database": "ok", "cache": "ok", "media": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert list(tmp_path.rglob("*.txt")) == []  # its test file is cleaned up


@pytest.mark.django_db
def test_it_answers_over_plain_http_by_address_whatever_the_host_settings(client, settings):
    settings.ALLOWED_HOSTS = ["guerillapolicy.org"]
    settings.SECURE_SSL_REDIRECT = True
    status, _, _ = health(client, HTTP_HOST="10.0.0.7:8000")
    assert status == 200


@pytest.mark.django_db
def test_an_unreachable_cache_answers_503_naming_it_and_nothing_more(client, settings):
    location = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
    status, body, response = health(client)
    assert status == 503
    assert body == {"status": "failing", "database": "ok", "cache": "failing", "media": "ok"}
    assert "127.0.0.1" not in response.content.decode()


@pytest.mark.django_db
def test_unwritable_media_answers_503_naming_it(client, tmp_path, settings):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(blocker)},
        },
    }
    status, body, _ = health(client)
    assert status == 503
    assert body["media"] == "failing"
    assert body["database"] == "ok"
