from django.conf import settings
from django.urls import include, path

from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import routing
from core.views import robots_txt, serve_media
from search import views as search_views

# A database outage answers a plain 503 page; anything else the plain 500 page.
handler500 = "core.faults.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("guests/", include("guests.urls")),
    path("drafting/", include("drafting.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("search/", search_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", serve_media, name="media")]

# Wagtail's front-end addresses, pages served with their routes remembered (core.routing).
urlpatterns += [path("", include(routing.urlpatterns))]
