"""How bloggers, officials and sectors appear in the site search's results."""

from urllib.parse import urlencode

from django.db.models import prefetch_related_objects

from core.results import SnippetKind, register
from people.models import Blogger, Official, OfficialIndexPage, Sector


class BloggerKind(SnippetKind):
    key = "blogger"
    label = "Blogger"
    plural = "Bloggers"
    model = Blogger
    has_sector = True
    sector_lookup = "sectors"
    order = 40

    def prepare(self, objs, request) -> None:
        prefetch_related_objects(objs, "sectors")

    def meta_of(self, obj) -> str:
        parts = [obj.blog_name, obj.role, ", ".join(sector.name for sector in obj.sectors.all())]
        return " · ".join(part for part in parts if part)

    def texts_of(self, obj) -> list[str]:
        return [obj.role, obj.bio, obj.blog_name]


register(BloggerKind())


class OfficialKind(SnippetKind):
    """A senior civil servant: their post, department and whether they tweet."""

    key = "official"
    label = "Official"
    plural = "Officials"
    model = Official
    order = 50

    def title_of(self, obj) -> str:
        return obj.name

    def prepare(self, objs, request) -> None:
        """Departments, and the officials directory's address, once for every result."""
        prefetch_related_objects(objs, "department")
        directory = OfficialIndexPage.objects.live().public().first()
        directory_url = directory.get_url(request=request) if directory else ""
        for obj in objs:
            obj.search_directory_url = directory_url

    def url_of(self, obj, request) -> str:
        """The officials table, showing the official's department."""
        if not obj.search_directory_url:
            return ""
        return f"{obj.search_directory_url}?{urlencode({'department': obj.department.slug})}"

    def meta_of(self, obj) -> str:
        twitter = f"@{obj.twitter_handle} on Twitter" if obj.twitter_handle else "Not on Twitter"
        parts = [obj.post, obj.department.name, twitter, obj.movement]
        return " · ".join(part for part in parts if part)

    def texts_of(self, obj) -> list[str]:
        return [obj.twitter_note, obj.note, obj.successor]


register(OfficialKind())


class SectorKind(SnippetKind):
    """A sector by name: leads to its group of bloggers in the directory."""

    key = "sector"
    label = "Sector"
    plural = "Sectors"
    model = Sector
    has_sector = True
    sector_lookup = "pk"
    order = 60

    def meta_of(self, obj) -> str:
        return f"Bloggers who write about {obj.name.lower()}"

    def texts_of(self, obj) -> list[str]:
        return []


register(SectorKind())
