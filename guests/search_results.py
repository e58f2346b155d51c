"""How guest posts appear in the site search's results."""

from django.db.models import prefetch_related_objects

from core.results import PageKind, register
from core.text import indexed_text
from guests.models import GuestPostPage


class GuestPostKind(PageKind):
    """A post by a frontline guest blogger, dated by when it went live."""

    key = "guest-post"
    label = "Guest post"
    plural = "Guest posts"
    model = GuestPostPage
    order = 15

    def prepare(self, objs, request) -> None:
        prefetch_related_objects(objs, "byline")

    def meta_of(self, obj) -> str:
        return f"By {obj.byline.name}" if obj.byline_id and obj.byline else ""

    def texts_of(self, obj) -> list[str]:
        return [obj.standfirst, *indexed_text(obj)]


register(GuestPostKind())
