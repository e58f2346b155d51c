"""The kinds of thing the site search finds, and how each becomes a result.

Pages of every type are searched together in one ranked query; profiles
(snippets) are searched per model and merged in by score. Each kind knows its
model, its date, how to filter by year and sector, and how to describe a batch
of its objects as results without a query per result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Page

from search.text import Matcher, best_extract, highlight_all, html_to_text, indexed_text


@dataclass
class ResultMatch:
    """A place inside a result that matched, e.g. one excerpt of a roundup."""

    title: str
    url: str
    extract: SafeString
    title_html: SafeString | None = None


@dataclass
class Result:
    """One line of the results list, whatever kind of thing it is."""

    kind: str
    kind_label: str
    title: str
    title_html: SafeString
    url: str
    extract: SafeString
    score: float = 0.0
    date: date | None = None
    meta: str = ""
    matches: list[ResultMatch] = field(default_factory=list)
    promoted: bool = False


def as_date(value) -> date | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


class Kind:
    """A kind of searchable thing. Subclasses say which model and how to describe it."""

    key: str = ""
    label: str = ""
    plural: str = ""
    model_label: str = ""
    date_field: str | None = None
    is_page = False
    has_sector = False
    order = 100  # tie-break between kinds with equal scores, and the filter's order

    @cached_property
    def model(self) -> type[Model] | None:
        """The model, or None while the app that defines it is not installed yet."""
        try:
            return apps.get_model(self.model_label)
        except (LookupError, ValueError):
            return None

    @property
    def available(self) -> bool:
        return self.model is not None

    def date_of(self, obj) -> date | None:
        return as_date(getattr(obj, self.date_field, None)) if self.date_field else None

    def year_q(self, year: int) -> Q | None:
        """Restrict to objects dated in `year`; None when this kind has no date."""
        if not self.date_field:
            return None
        pks = self.model._default_manager.filter(**{f"{self.date_field}__year": year})
        return Q(id__in=pks.values("pk"))

    def sector_q(self, sector) -> Q | None:
        """Restrict to objects in `sector`; None when this kind has no sector."""
        return None

    def url_of(self, obj, request) -> str:
        if isinstance(obj, Page):
            return obj.get_url(request=request) or ""
        get_url = getattr(obj, "get_absolute_url", None)
        return get_url() if callable(get_url) else ""

    def meta_of(self, obj) -> str:
        return ""

    def prepare(self, objs: list, request) -> None:
        """Fetch, in bulk, whatever the results of this kind need beyond the objects."""

    def texts_of(self, obj) -> list[str]:
        return [getattr(obj, "search_description", "") or "", *indexed_text(obj)]

    def title_of(self, obj) -> str:
        return str(getattr(obj, "title", None) or obj)

    def describe(self, obj, matcher: Matcher, request, score: float = 0.0) -> Result:
        title = self.title_of(obj)
        return Result(
            kind=self.key,
            kind_label=self.label,
            title=title,
            title_html=highlight_all(title, matcher),
            url=self.url_of(obj, request),
            extract=best_extract(self.texts_of(obj), matcher),
            score=score,
            date=self.date_of(obj),
            meta=self.meta_of(obj),
        )

    def describe_all(self, scored: list[tuple[Model, float]], matcher, request) -> list[Result]:
        self.prepare([obj for obj, _score in scored], request)
        return [self.describe(obj, matcher, request, score) for obj, score in scored]


class PageKind(Kind):
    """A page type; found by the one search over all live, public pages."""

    is_page = True

    @cached_property
    def content_type_ids(self) -> list[int]:
        model = self.model
        return [
            ContentType.objects.get_for_model(candidate).pk
            for candidate in apps.get_models()
            if issubclass(candidate, model)
        ]

    def type_q(self) -> Q:
        return Q(content_type__in=self.content_type_ids)

    def date_of(self, obj) -> date | None:
        return super().date_of(obj) or as_date(obj.first_published_at)

    def year_q(self, year: int) -> Q:
        """Pages without a date of their own are dated by when they were first published."""
        return super().year_q(year) or Q(first_published_at__year=year)


class OtherPageKind(PageKind):
    """Any page whose type has no kind of its own (home, index and directory pages)."""

    key = "page"
    label = "Page"
    plural = "Other pages"
    model_label = "wagtailcore.Page"
    order = 90

    def type_q(self) -> Q:
        known = [cid for kind in page_kinds() if kind is not self for cid in kind.content_type_ids]
        return ~Q(content_type__in=known)


class SnippetKind(Kind):
    """A profile (snippet): searched on its own model and merged in by score.

    Profiles are short, so a name's words weigh more than the same words deep in
    a long essay; `boost` lifts them accordingly when results are merged.
    """

    boost = 2.0
    # The relation to Sector, when a profile belongs to sectors.
    sector_lookup: str | None = None


# The registry. Content apps are built alongside search, so a kind whose model is
# not installed is simply skipped.
_KINDS: list[Kind] = []


def register(kind: Kind) -> Kind:
    _KINDS.append(kind)
    return kind


def all_kinds() -> list[Kind]:
    return sorted((kind for kind in _KINDS if kind.available), key=lambda kind: kind.order)


def page_kinds() -> list[PageKind]:
    return [kind for kind in all_kinds() if kind.is_page]


def snippet_kinds() -> list[SnippetKind]:
    return [kind for kind in all_kinds() if not kind.is_page]


def kind_for_key(key: str) -> Kind | None:
    return next((kind for kind in all_kinds() if kind.key == key), None)


def kind_for_object(obj) -> Kind:
    """The most specific kind for `obj` (its own page type before "other pages")."""
    for kind in all_kinds():
        if kind is not OTHER_PAGES and isinstance(obj, kind.model):
            return kind
    return OTHER_PAGES


OTHER_PAGES = register(OtherPageKind())


class BloggerKind(SnippetKind):
    key = "blogger"
    label = "Blogger"
    plural = "Bloggers"
    model_label = "people.Blogger"
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
    model_label = "people.Official"
    order = 50

    def title_of(self, obj) -> str:
        return obj.name

    def prepare(self, objs, request) -> None:
        """Departments, and the officials directory's address, once for every result."""
        prefetch_related_objects(objs, "department")
        directory = apps.get_model("people", "OfficialIndexPage").objects.live().public().first()
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
    model_label = "people.Sector"
    has_sector = True
    sector_lookup = "pk"
    order = 60

    def meta_of(self, obj) -> str:
        return f"Bloggers who write about {obj.name.lower()}"

    def texts_of(self, obj) -> list[str]:
        return []


register(SectorKind())


class EssayKind(PageKind):
    key = "essay"
    label = "Essay"
    plural = "Essays"
    model_label = "essays.EssayPage"
    date_field = "published_at"
    order = 10

    def date_of(self, obj) -> date | None:
        return as_date(obj.published_at or obj.first_published_at)

    def year_q(self, year: int) -> Q:
        # The date readers see: the stated first-published date, else when it went live.
        pks = self.model._default_manager.filter(
            Q(published_at__year=year) | Q(published_at__isnull=True, first_published_at__year=year)
        )
        return Q(id__in=pks.values("pk"))

    def prepare(self, objs, request) -> None:
        """Authors, and the series each part belongs to, for every essay at once."""
        prefetch_related_objects(objs, "author")
        series_model = apps.get_model("essays", "SeriesPage")
        parent_paths = {obj.path[: -Page.steplen] for obj in objs}
        series = {
            page.path: page
            for page in series_model.objects.filter(path__in=parent_paths).only("title", "path")
        }
        for obj in objs:
            obj.search_series = series.get(obj.path[: -Page.steplen])

    def meta_of(self, obj) -> str:
        parts = []
        if obj.author_id and obj.author:
            parts.append(f"By {obj.author.name}")
        if getattr(obj, "search_series", None) is not None:
            parts.append(f"Part of the series “{obj.search_series.title}”")
        return " · ".join(parts)

    def texts_of(self, obj) -> list[str]:
        return [obj.standfirst, *indexed_text(obj)]


class SeriesKind(PageKind):
    key = "series"
    label = "Series"
    plural = "Series"
    model_label = "essays.SeriesPage"
    order = 20

    def texts_of(self, obj) -> list[str]:
        return [obj.listing_summary, *indexed_text(obj)]


class RoundupKind(PageKind):
    """A weekly roundup. Its result leads to the excerpts that matched, by their anchors."""

    key = "roundup"
    label = "Roundup"
    plural = "Roundups"
    model_label = "roundups.RoundupPage"
    date_field = "week_ending"
    has_sector = True
    order = 30
    max_matches = 3

    def sector_q(self, sector) -> Q:
        from people.models import FeaturedExcerpt

        return Q(id__in=FeaturedExcerpt.objects.filter(sector=sector).values("page_id"))

    def prepare(self, objs, request) -> None:
        """The names of every blogger quoted in these roundups, in one query."""
        from people.models import Blogger

        ids = set()
        for obj in objs:
            for item in self._raw_excerpts(obj):
                blogger_id = item["value"].get("blogger")
                if isinstance(blogger_id, int):
                    ids.add(blogger_id)
        bloggers = {
            blogger.pk: blogger
            for blogger in Blogger.objects.filter(pk__in=ids).only("name", "blog_name")
        }
        for obj in objs:
            obj.search_bloggers = bloggers

    @staticmethod
    def _raw_excerpts(obj):
        for stream in (obj.excerpts, obj.previous_reads):
            for item in stream.raw_data:
                if isinstance(item, dict) and isinstance(item.get("value"), dict):
                    yield item

    def describe(self, obj, matcher: Matcher, request, score: float = 0.0) -> Result:
        from roundups.blocks import excerpt_anchor

        result = super().describe(obj, matcher, request, score)
        candidates = []
        for position, item in enumerate(self._raw_excerpts(obj)):
            value = item["value"]
            blogger = obj.search_bloggers.get(value.get("blogger"))
            source = (blogger.blog_name or blogger.name) if blogger else ""
            title = value.get("title") or (f"From {source}" if source else "Excerpt")
            quote = value.get("quote") or ""
            commentary = html_to_text(value.get("commentary") or "")
            names = " ".join(filter(None, [blogger.name if blogger else "", source]))
            text = " ".join([title, quote, commentary, names, value.get("author") or ""])
            hits = matcher.count(text) if matcher else 0
            if hits:
                candidates.append((-hits, position, item.get("id"), title, quote, commentary))
        candidates.sort()
        for _hits, _position, block_id, title, quote, commentary in candidates[: self.max_matches]:
            anchor = excerpt_anchor(block_id)
            result.matches.append(
                ResultMatch(
                    title=title,
                    title_html=highlight_all(title, matcher),
                    url=f"{result.url}#{anchor}" if anchor else result.url,
                    extract=best_extract([quote, commentary], matcher),
                )
            )
        if result.matches:
            result.url = result.matches[0].url
            if "<mark>" not in result.extract:
                result.extract = mark_safe("")  # noqa: S308 - the excerpts say more
            count = len(candidates)
            result.meta = f"{count} matching excerpt{'s' if count != 1 else ''}"
        return result

    def texts_of(self, obj) -> list[str]:
        return [html_to_text(obj.introduction or "")]


class GuestPostKind(PageKind):
    """A post by a frontline guest blogger, dated by when it went live."""

    key = "guest-post"
    label = "Guest post"
    plural = "Guest posts"
    model_label = "guests.GuestPostPage"
    order = 15

    def prepare(self, objs, request) -> None:
        prefetch_related_objects(objs, "byline")

    def meta_of(self, obj) -> str:
        return f"By {obj.byline.name}" if obj.byline_id and obj.byline else ""

    def texts_of(self, obj) -> list[str]:
        return [obj.standfirst, *indexed_text(obj)]


register(EssayKind())
register(SeriesKind())
register(RoundupKind())
register(GuestPostKind())
