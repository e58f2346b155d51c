from django.conf import settings
from django.http import Http404, HttpResponse
from django.views import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Documents may be private (collection privacy): Wagtail serves them at /documents/ after
# checking, so their files are never served straight from /media/.
PRIVATE_MEDIA_PREFIXES = ("documents/",)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Keep crawlers out of the admin and point them at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=24 * 3600, public=True)
def serve_media(request, path: str):
    """Uploaded files from MEDIA_ROOT, for deployments without a proxy or object store that
    serves them. Each is sandboxed so an uploaded file can never run as a page of the site."""
    if path.startswith(PRIVATE_MEDIA_PREFIXES):
        raise Http404("Documents are served at /documents/.")
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
