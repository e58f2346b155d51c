"""Where browsers fetch media from when it lives on an S3-compatible object store.

The Content-Security-Policy must name that origin in `img-src` and `media-src`, or every
image on the bucket is refused. The address is not ours to compose: django-storages asks
botocore for each file's URL, and botocore's choice of host (path or virtual-host style, the
global or a regional AWS name, a bucket name that cannot be a host name) changes with the
endpoint, the region, the addressing style and the bucket's own name. So the origin is
worked out the same way: by asking botocore for one URL under the same options, offline and
unsigned, exactly as django-storages does for a public bucket. A custom domain (a CDN in
front of the bucket) is used as it stands, as django-storages does.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .environment import env_bool

ADDRESSING_STYLES = {"auto", "path", "virtual"}


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def object_store_origin(
    bucket: str,
    *,
    endpoint_url: str | None = None,
    region: str | None = None,
    custom_domain: str | None = None,
    addressing_style: str | None = None,
    url_protocol: str = "https:",
) -> str:
    """The origin (scheme, host and port) of the URLs django-storages gives for `bucket`."""
    if custom_domain:
        return f"{url_protocol}//{custom_domain.strip('/')}"
    if addressing_style and addressing_style not in ADDRESSING_STYLES:
        raise ImproperlyConfigured(
            f"AWS_S3_ADDRESSING_STYLE must be one of {', '.join(sorted(ADDRESSING_STYLES))}, "
            f"not {addressing_style!r}."
        )
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ImproperlyConfigured(
                f"AWS_S3_ENDPOINT_URL must be an http(s) address such as "
                f"https://objects.example.net, not {endpoint_url!r}."
            )
    import botocore.session  # only when media are on an object store
    from botocore import UNSIGNED
    from botocore.config import Config

    client = botocore.session.get_session().create_client(
        "s3",
        region_name=region,
        endpoint_url=endpoint_url,
        config=Config(signature_version=UNSIGNED, s3={"addressing_style": addressing_style}),
    )
    url = client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "x"})
    return origin_of(url)


def s3_media_storage(bucket: str) -> dict:
    """Django's STORAGES entry for media on `bucket`, from the AWS_* variables (README)."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            # Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, read by boto3.
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # "path" (bucket in the path) or "virtual" (bucket in the host name); botocore
            # chooses when unset.
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            # Public media by plain URL (cacheable); set it on for a private bucket.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            "default_acl": None,
        },
    }


def s3_media_origin(storage: dict) -> str:
    """The origin of the media URLs that `s3_media_storage()`'s storage gives."""
    options = storage["OPTIONS"]
    return object_store_origin(
        options["bucket_name"],
        endpoint_url=options["endpoint_url"],
        region=options["region_name"],
        custom_domain=options["custom_domain"],
        addressing_style=options["addressing_style"],
    )
