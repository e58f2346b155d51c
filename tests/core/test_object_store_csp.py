"""With media on an object store, the Content-Security-Policy lets browsers load it: the
origin django-storages puts in an image rendition's URL is in `img-src` and `media-src`, on
public and admin pages, for a custom domain, an S3-compatible endpoint in either addressing
style, and AWS itself. Each case loads the production settings in a fresh interpreter, as a
server would start, and reads the header the middleware sends."""

import json
from urllib.parse import urlsplit

import pytest

from tests.core.test_settings import import_production

# In the production settings' interpreter: a rendition's URL from the configured storage
# (no database needed) and the headers on a public and an admin response.
HEADERS = """
import json
import os
import django
os.environ["DJANGO_SETTINGS_MODULE"] = "settings.production"
django.setup()
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.images.models import Rendition
from core.security import SiteCSPMiddleware

def policy(path):
    request = RequestFactory().get(path, secure=True)
    response = SiteCSPMiddleware(lambda request: HttpResponse())(request)
    return response["Content-Security-Policy"]

print(json.dumps({
    "rendition": Rendition(file="images/red-square.width-32.png", width=32, height=24).url,
    "public": policy("/"),
    "admin": policy("/admin/"),
}))
"""

BUCKET = "guerilla-media"


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def production_media(**environment: str) -> dict:
    result = import_production(HEADERS, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("environment", "origin"),
    [
        ({"AWS_S3_CUSTOM_DOMAIN": "media.guerillapolicy.org"}, "https://media.guerillapolicy.org"),
        (
            {
                "AWS_S3_ENDPOINT_URL": "https://objects.example.net",
                "AWS_S3_ADDRESSING_STYLE": "path",
            },
            "https://objects.example.net",
        ),
        (
            {
                "AWS_S3_ENDPOINT_URL": "https://objects.example.net",
                "AWS_S3_ADDRESSING_STYLE": "virtual",
            },
            f"https://{BUCKET}.objects.example.net",
        ),
        # MinIO on its own port, botocore's default style for an endpoint (the path).
        ({"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"}, "http://127.0.0.1:9000"),
        (
            {"AWS_S3_REGION_NAME": "eu-west-2", "AWS_S3_ADDRESSING_STYLE": "virtual"},
            f"https://{BUCKET}.s3.eu-west-2.amazonaws.com",
        ),
        ({"AWS_S3_REGION_NAME": "eu-west-2"}, f"https://{BUCKET}.s3.amazonaws.com"),
    ],
    ids=["custom-domain", "endpoint-path", "endpoint-virtual", "minio", "aws-virtual", "aws"],
)
def test_images_on_the_object_store_are_allowed_by_the_policy(environment, origin):
    media = production_media(AWS_STORAGE_BUCKET_NAME=BUCKET, **environment)
    rendition = urlsplit(media["rendition"])
    assert f"{rendition.scheme}://{rendition.netloc}" == origin
    for page in ("public", "admin"):
        policy = directives(media[page])
        assert origin in policy["img-src"], page
        assert origin in policy["media-src"], page
    # Only the store is added: scripts and styles still come from the site alone.
    assert origin not in media["public"].split("script-src")[1].split(";")[0]


def test_without_an_object_store_images_come_from_the_site_alone():
    media = production_media(AWS_STORAGE_BUCKET_NAME="")
    assert media["rendition"].startswith("/media/")
    assert directives(media["public"])["img-src"] == ["'self'", "data:"]


def test_further_media_origins_can_be_listed():
    media = production_media(
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_CUSTOM_DOMAIN="media.guerillapolicy.org",
        CSP_MEDIA_ORIGINS="cdn.example.net",
    )
    assert directives(media["public"])["img-src"] == [
        "'self'",
        "data:",
        "https://cdn.example.net",
        "https://media.guerillapolicy.org",
    ]


@pytest.mark.parametrize(
    ("variable", "value"),
    [("AWS_S3_ADDRESSING_STYLE", "sideways"), ("AWS_S3_ENDPOINT_URL", "objects.example.net")],
)
def test_a_malformed_object_store_setting_stops_start_up_naming_it(variable, value):
    result = import_production(AWS_STORAGE_BUCKET_NAME=BUCKET, **{variable: value})
    assert result.returncode != 0
    assert variable in result.stderr.splitlines()[-1]
