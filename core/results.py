"""How the things the site search finds become results: each content app says how its
pages and snippets appear in its own `search_results` module, and registers them here.

Pages of every type are searched together in one ranked query; profiles
(snippets) are searched per model and merged in by score. Each kind knows its
model, its date, how to filter by year and sector, and how to describe a batch
of its objects as results without a query per result. The search app discovers
the apps' modules (`autodiscover_modules("search_results")`) and knows no app's
models; the content apps import this module, never the search app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import SafeString

from wagtail.models import Page

from core.text import Matcher, best_extract, highlight_all, indexed_text


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


class SnippetKind(Kind):
    """A profile (snippet): searched on its own model and merged in by score.

    Profiles are short, so a name's words weigh more than the same words deep in
    a long essay; `boost` lifts them accordingly when results are merged.
    """

    boost = 2.0
    # The relation to Sector, when a profile belongs to sectors.
    sector_lookup: str | None = None


# The registry, filled by the apps' `search_results` modules when the search app starts.
REGISTERED: list[Kind] = []


def register(kind: Kind) -> Kind:
    """Add a kind of result; a second kind for the same key replaces the first."""
    REGISTERED[:] = [known for known in REGISTERED if known.key != kind.key]
    REGISTERED.append(kind)
    return kind


def all_kinds() -> list[Kind]:
    return sorted((kind for kind in REGISTERED if kind.available), key=lambda kind: kind.order)


def page_kinds() -> list[PageKind]:
    return [kind for kind in all_kinds() if kind.is_page]


def snippet_kinds() -> list[SnippetKind]:
    return [kind for kind in all_kinds() if not kind.is_page]
