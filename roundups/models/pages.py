"""Roundup pages: the archive, the weekly "Best of the frontline bloggers", and the
"Suggest a post" page.

Editors add excerpts in any order; the page groups them under sector headings in
the sectors' editorial order, keeping the editor's order inside each sector.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.fields import INTRO_FEATURES, introduction_field
from people.featured import FeaturedRow
from people.models import Sector
from people.sectors import SectorGroup
from roundups.blocks import ExcerptStreamBlock
from roundups.excerpts import Excerpt, by_sector, excerpts_of
from roundups.feeds import RoundupAtomFeed, RoundupFeed, SectorExcerptAtomFeed, SectorExcerptFeed
from roundups.forms import RoundupPageForm
from roundups.models.queries import RoundupManager, RoundupQuerySet
from roundups.models.settings import RoundupSettings
from roundups.purging import dependents_of
from roundups.suggesting import serve_suggestion_page
from roundups.titles import DERIVED_SLUG, derived_slug, derived_title

# A main excerpt older than this before the week ending is probably a previous read.
RECENT_WINDOW = timedelta(days=14)
ROUNDUPS_PER_PAGE = 10


@dataclass
class ArchiveEntry:
    roundup: "RoundupPage"
    sectors: list[Sector]


class RoundupIndexPage(RoutablePageMixin, Page):
    """The archive of roundups, newest first, with month navigation and feeds."""

    introduction = introduction_field(
        "A sentence or two at the top of the archive saying what the roundup is."
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["roundups.RoundupPage", "roundups.SuggestionPage"]
    max_count = 1

    class Meta:
        verbose_name = "roundup archive"

    def roundups(self) -> RoundupQuerySet:
        return RoundupPage.objects.child_of(self).published().newest_first()

    @cached_property
    def suggestion_page(self):
        return SuggestionPage.objects.live().public().first()

    def archive_context(self, request, roundups, period: date | None = None, *, by_month=False):
        paginator = Paginator(roundups, ROUNDUPS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        rows = list(page_obj.object_list)
        sectors = Sector.objects.in_bulk({pk for row in rows for pk in row.sector_ids})
        return {
            **self.archive_navigation(period),
            "entries": [
                ArchiveEntry(row, [sectors[pk] for pk in row.sector_ids if pk in sectors])
                for row in rows
            ],
            "page_obj": page_obj,
            "paginator": paginator,
            "period": period,
            "period_by_month": by_month,
            "feed_sectors": Sector.objects.all(),
        }

    def get_cached_paths(self):
        return ["/", "/feed/", "/feed/atom/"]

    def archive_navigation(self, period: date | None) -> dict:
        """The months of one year (the period's, or the newest roundup's) and links to the
        nearest years either side that have roundups: a dozen links however long the
        archive, each found through the index on the week-ending date."""
        roundups = self.roundups().order_by()
        if period is None:
            newest = roundups.order_by("-week_ending").values_list("week_ending", flat=True)
            period = newest.first()
            if period is None:
                return {"archive_year": None, "archive_months": []}
        year = period.year
        earlier = (
            roundups.filter(week_ending__lt=date(year, 1, 1))
            .order_by("-week_ending")
            .values_list("week_ending", flat=True)
            .first()
        )
        later = (
            roundups.filter(week_ending__gt=date(year, 12, 31))
            .order_by("week_ending")
            .values_list("week_ending", flat=True)
            .first()
        )
        months = roundups.filter(
            week_ending__gte=date(year, 1, 1), week_ending__lte=date(year, 12, 31)
        ).dates("week_ending", "month", order="DESC")
        return {
            "archive_year": year,
            "archive_months": list(months),
            "earlier_year": earlier.year if earlier else None,
            "later_year": later.year if later else None,
        }

    @path("")
    def archive(self, request):
        return self.render(
            request, context_overrides=self.archive_context(request, self.roundups())
        )

    @path("<int:year>/", name="year")
    def archive_year(self, request, year: int):
        if not 1900 <= year <= 9999:
            raise Http404
        roundups = self.roundups().filter(week_ending__year=year)
        context = self.archive_context(request, roundups, date(year, 1, 1))
        return self.render(request, context_overrides=context)

    @path("<int:year>/<int:month>/", name="month")
    def archive_month(self, request, year: int, month: int):
        if not (1900 <= year <= 9999 and 1 <= month <= 12):
            raise Http404
        roundups = self.roundups().filter(week_ending__year=year, week_ending__month=month)
        context = self.archive_context(request, roundups, date(year, month, 1), by_month=True)
        return self.render(request, context_overrides=context)

    @path("feed/", name="feed")
    def feed(self, request):
        return RoundupFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return RoundupAtomFeed(self)(request)

    @path("sectors/<slug:sector>/feed/", name="sector_feed")
    def sector_feed(self, request, sector: str):
        return SectorExcerptFeed(self)(request, sector=sector)

    @path("sectors/<slug:sector>/feed/atom/", name="sector_atom_feed")
    def sector_atom_feed(self, request, sector: str):
        return SectorExcerptAtomFeed(self)(request, sector=sector)


class RoundupPage(Page):
    """One week's "Best of the frontline bloggers": excerpts grouped by sector."""

    share_kind = "article"  # its card on social media (core.sharing)

    week_ending = models.DateField(
        help_text="The last day of the week this roundup covers, e.g. 19/10/2012 or "
        "19 October 2012. The title and the page's address are made from it."
    )
    custom_title = models.CharField(
        max_length=255,
        blank=True,
        verbose_name="title (optional)",
        help_text="Leave blank for “Best of the frontline bloggers (week ending 19th October "
        "2012)”, made from the date.",
    )
    introduction = introduction_field("The opening paragraph: why we read frontline bloggers.")
    excerpts = StreamField(
        ExcerptStreamBlock(),
        help_text="This week's excerpts, in any order: the page groups them under sector "
        "headings in the sectors' order, keeping your order within each sector.",
    )
    previous_reads_introduction = models.CharField(
        max_length=255,
        blank=True,
        default="Here’s another great post published in the last few weeks.",
        help_text="The line under the “Previous reads” heading.",
    )
    previous_reads = StreamField(
        ExcerptStreamBlock(),
        blank=True,
        help_text="Older posts worth another look, shown after the sectors. Any date.",
    )
    suggestions_call = RichTextField(
        features=INTRO_FEATURES,
        blank=True,
        verbose_name="call for suggestions",
        help_text="The closing paragraph. Leave blank to use the text in "
        "Settings › Roundup settings.",
    )
    # Kept on save so the archive lists sectors and counts without reading every stream.
    excerpt_count = models.PositiveIntegerField(default=0, editable=False)
    sector_ids = models.JSONField(default=list, blank=True, editable=False)

    objects = RoundupManager()

    content_panels = [
        MultiFieldPanel(
            [FieldPanel("week_ending"), FieldPanel("custom_title")], heading="Week and title"
        ),
        FieldPanel("introduction"),
        FieldPanel("excerpts"),
        MultiFieldPanel(
            [FieldPanel("previous_reads_introduction"), FieldPanel("previous_reads")],
            heading="Previous reads",
        ),
        FieldPanel("suggestions_call"),
    ]
    base_form_class = RoundupPageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("excerpts"),
        index.SearchField("previous_reads"),
        index.FilterField("week_ending"),
    ]

    parent_page_types = ["roundups.RoundupIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "roundup"
        # The archive's newest-first pages and its month navigation read this index.
        indexes = [
            models.Index(fields=["week_ending", "page_ptr"], name="roundup_newest_first_idx")
        ]

    # Derived title and slug -------------------------------------------------

    def full_clean(self, *args, **kwargs):
        if self.week_ending:
            self.title = self.custom_title.strip() or derived_title(self.week_ending)
            # Until first published, a date-made address follows the date as it changes.
            never_published = self.first_published_at is None
            if not self.slug or (never_published and DERIVED_SLUG.fullmatch(self.slug)):
                self.slug = derived_slug(self.week_ending)
        self.draft_title = self.title
        self.refresh_summary()
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        stream_errors = self.excerpt_errors()
        if stream_errors:
            raise ValidationError(
                {"excerpts": StreamBlockValidationError(block_errors=stream_errors)}
            )

    def excerpt_errors(self) -> dict[int, StructBlockValidationError]:
        """A main excerpt must not postdate its week, and must have a sector to sit under."""
        errors = {}
        for position, child in enumerate(self.resolved_children(self.excerpts)):
            value = child.value
            field_errors = {}
            posted_on = value.get("posted_on")
            if self.week_ending and posted_on and posted_on > self.week_ending:
                field_errors["posted_on"] = ValidationError(
                    f"Posted after the week ending {self.week_ending.day} "
                    f"{self.week_ending:%B %Y}: move it to next week's roundup or correct "
                    "the date."
                )
            if value.get("blogger") is not None and value.effective_sector is None:
                field_errors["sector"] = ValidationError(
                    f"Choose a sector: {value['blogger'].name} has none to default to."
                )
            if field_errors:
                errors[position] = StructBlockValidationError(block_errors=field_errors)
        return errors

    def stale_excerpts(self) -> list[str]:
        """Main excerpts posted well before the week: worth a second look, not an error."""
        if not self.week_ending:
            return []
        cutoff = self.week_ending - RECENT_WINDOW
        return [
            child.value.heading
            for child in self.excerpts
            if child.value.get("posted_on") and child.value["posted_on"] < cutoff
        ]

    def refresh_summary(self) -> None:
        """Record the excerpt count and the sectors shown, for the archive and home page."""
        self.excerpt_count = len(self.excerpts)
        groups = by_sector(self.resolved_children(self.excerpts))
        self.sector_ids = [group.sector.pk for group in groups if group.sector]

    # Grouping --------------------------------------------------------------

    def resolved_children(self, stream) -> list:
        """A stream's children with every blogger's sectors fetched in one query (for
        validation, which reports errors by position in the stream)."""
        children = list(stream)
        bloggers = [child.value["blogger"] for child in children if child.value.get("blogger")]
        prefetch_related_objects(bloggers, "sectors")
        return children

    @cached_property
    def all_excerpts(self) -> list[Excerpt]:
        return excerpts_of([self])

    @cached_property
    def sector_groups(self) -> list[SectorGroup]:
        return by_sector([item for item in self.all_excerpts if not item.previous_read])

    @cached_property
    def previous_read_excerpts(self) -> list[Excerpt]:
        return [item for item in self.all_excerpts if item.previous_read]

    def featured_rows(self) -> list[FeaturedRow]:
        """One row per excerpt with a blogger, for the bloggers' profiles."""
        rows = []
        for item in self.all_excerpts:
            value = item.value
            if value.get("blogger") is None:
                continue
            sector = value.effective_sector
            rows.append(
                FeaturedRow(
                    blogger_id=value["blogger"].pk,
                    page_date=self.week_ending,
                    sector_id=sector.pk if sector else None,
                    anchor=item.anchor,
                    post_title=value.get("title") or "",
                    post_url=value.get("url") or "",
                    posted_on=value.get("posted_on"),
                )
            )
        return rows

    def cache_dependents(self) -> list[str]:
        """What else shows this roundup (core.purging): its year and month in the archive
        (each month page of the year, whose navigation lists the year's months), its
        sectors' feeds, and its bloggers' profiles and the directory's counts."""
        return self.cache_dependents_of([self])

    @classmethod
    def cache_dependents_of(cls, roundups: list["RoundupPage"]) -> list[str]:
        """`cache_dependents` of many roundups at once, in a fixed number of queries: a
        blogger quoted in a hundred roundups is renamed as quickly as one quoted once."""
        return dependents_of(roundups, list(RoundupIndexPage.objects.all()))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        context["index_page"] = index_page
        context["sector_groups"] = self.sector_groups
        context["previous_reads_list"] = self.previous_read_excerpts
        context["suggestions_call"] = (
            self.suggestions_call or RoundupSettings.for_request(request).suggestions_call
        )
        context["suggestion_page"] = getattr(index_page, "suggestion_page", None)
        return context


class SuggestionPage(Page):
    """The public "Suggest a post" form: suggestions land in the editors' inbox."""

    introduction = introduction_field("What to suggest and what happens next, above the form.")
    thank_you = RichTextField(
        features=INTRO_FEATURES,
        default="<p>Thank you: we read every suggestion before the next roundup.</p>",
        help_text="Shown after a reader sends a suggestion.",
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("thank_you")]

    parent_page_types = ["roundups.RoundupIndexPage", "home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "suggest-a-post page"

    def serve(self, request, *args, **kwargs):
        return serve_suggestion_page(self, request, *args, **kwargs)
