"""Essays' pages: the essay index, numbered series, and essays.

A series is a page whose children are its parts. A part's number is its
position among the series' children in tree order, so it is never typed: the
editor reorders the parts in the page explorer to renumber them, and a part
added later goes at the end, leaving published numbers where they were.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.fields import introduction_field
from core.pages import ListingFieldsMixin, parent_paths
from drafting.pages import DraftingMixin
from essays import numbering
from essays.feeds import EssayFeed
from essays.forms import EssayPageForm
from essays.models.queries import EssayPageManager, EssayPageQuerySet, scheduled_dates
from essays.models.snippets import Author
from essays.panels import SeriesPartsPanel

ESSAYS_PER_PAGE = 10
FEED_LENGTH = 20


class EssayPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "essays.EssayPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EssayFeedMixin(RoutablePageMixin):
    """An RSS feed of essays at `<page>/feed/`; the page says which essays and how described."""

    def feed_essays(self) -> EssayPageQuerySet:
        raise NotImplementedError

    def feed_description(self) -> str:
        raise NotImplementedError

    def get_cached_paths(self):
        return ["/", "/feed/"]

    def feed_url(self, request=None) -> str:
        return self.get_full_url(request) + self.reverse_subpage("feed")

    @path("feed/", name="feed")
    def feed(self, request):
        essays = list(self.feed_essays().for_listing().prefetch_related("tags")[:FEED_LENGTH])
        SeriesPage.label_parts(essays)
        return EssayFeed(
            title=f"{self.title} | Guerilla Policy",
            link=self.get_full_url(request),
            feed_url=self.feed_url(request),
            description=self.feed_description(),
            essays=essays,
        )(request)


class EssayIndexPage(EssayFeedMixin, Page):
    """The essay archive: every live essay, newest first, by topic, with its feed."""

    introduction = introduction_field("A sentence or two above the list of essays.")

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["essays.EssayPage", "essays.SeriesPage"]
    max_count = 1

    class Meta:
        verbose_name = "essay index"

    def essays(self) -> EssayPageQuerySet:
        return EssayPage.objects.live().public().descendant_of(self).newest_first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        essays = self.essays()
        topic = None
        topic_slug = request.GET.get("topic", "").strip()
        if topic_slug:
            topic = Tag.objects.filter(slug=topic_slug).first()
            if topic is None:
                raise Http404("No such topic")
            essays = essays.filter(tags=topic)
        paginator = Paginator(essays.for_listing(), ESSAYS_PER_PAGE)
        page_number = request.GET.get("page") or 1
        try:
            essays_page = paginator.page(page_number)
        except PageNotAnInteger as error:
            raise Http404("Page number is not a number") from error
        except EmptyPage:
            # Past the end (an archive shrank, an old link): show the last page, not an error.
            if int(page_number) < 1:
                raise Http404("No such page") from None
            essays_page = paginator.page(paginator.num_pages)
        SeriesPage.label_parts(essays_page.object_list)
        context.update(
            essays_page=essays_page,
            topic=topic,
            topics=Tag.objects.filter(
                essays_essaypagetag_items__content_object__in=self.essays().values("pk")
            )
            .distinct()
            .order_by("name"),
            series_list=SeriesPage.objects.live().public().child_of(self).order_by("title"),
            feed_url=self.feed_url(request),
        )
        return context

    def feed_essays(self) -> EssayPageQuerySet:
        return self.essays()

    def feed_description(self) -> str:
        return self.search_description or "The latest essays from Guerilla Policy."


class SeriesPage(DraftingMixin, EssayFeedMixin, ListingFieldsMixin, Page):
    """A numbered essay series: an introduction and its parts, the pages under it."""

    introduction = introduction_field(
        "What the series argues and why; shown above the list of parts."
    )
    planned_parts = models.PositiveSmallIntegerField(
        default=10,
        help_text="How many parts the series will have. Parts not yet written show as "
        "numbered gaps. It cannot be fewer than the parts that already exist.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("planned_parts"),
        SeriesPartsPanel(heading="Parts"),
        *DraftingMixin.drafting_panels,
    ]
    promote_panels = [*Page.promote_panels, *ListingFieldsMixin.listing_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        *DraftingMixin.drafting_search_fields,
    ]

    parent_page_types = ["essays.EssayIndexPage"]
    subpage_types = ["essays.EssayPage"]
    # The explorer lists the parts in number order, ready to drag into a new order.
    admin_default_ordering = "ord"
    # A series has no body of its own: opening it opens every part.
    drafting_body_field = None

    class Meta:
        verbose_name = "essay series"

    def clean(self):
        super().clean()
        if self.pk and self.planned_parts is not None:
            existing = EssayPage.objects.child_of(self).count()
            if self.planned_parts < existing:
                raise ValidationError(
                    {
                        "planned_parts": f"This series already has {existing} parts, so it "
                        f"cannot plan fewer than {existing}. Delete or move parts first."
                    }
                )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            slots=self.slots(),
            feed_url=self.feed_url(request),
        )
        return context

    def feed_essays(self) -> EssayPageQuerySet:
        return EssayPage.objects.live().public().child_of(self).newest_first()

    def parts(self) -> EssayPageQuerySet:
        """The series' parts in number order."""
        return EssayPage.objects.child_of(self).order_by("path")

    def slots(self) -> list[numbering.SeriesSlot]:
        """Every planned part in order: the parts that exist, then numbered gaps."""
        parts = list(self.parts().for_listing())
        scheduled = scheduled_dates(part.pk for part in parts if not part.live)
        return numbering.slots(self.planned_parts, parts, scheduled)

    @classmethod
    def label_parts(cls, essays: Iterable["EssayPage"]) -> None:
        """Give each essay that is a series part its `series_place`, in two queries for all."""
        by_parent = parent_paths(essays)
        series_by_path = {s.path: s for s in cls.objects.filter(path__in=by_parent)}
        if not series_by_path:
            return
        children = Q()
        for series in series_by_path.values():
            children |= Q(path__startswith=series.path, depth=series.depth + 1)
        parts = EssayPage.objects.filter(children).order_by("path").only("path")
        numbers = {at: [part.pk for part in pages] for at, pages in parent_paths(parts).items()}
        for at, series in series_by_path.items():
            total = numbering.series_total(series.planned_parts, len(numbers[at]))
            for essay in by_parent[at]:
                essay.series_place = numbering.SeriesPlace(
                    series=series, number=numbers[at].index(essay.pk) + 1, total=total
                )

    def feed_description(self) -> str:
        return self.listing_summary or self.search_description or self.title

    def cache_dependents(self):
        """Each part shows the series' title and its place in it (core.purging)."""
        return self.parts().live()


class EssayPage(DraftingMixin, ListingFieldsMixin, Page):
    """An essay, standing alone under the index or as a numbered part of a series."""

    share_kind = "article"  # its card on social media (core.sharing)

    author = models.ForeignKey(
        Author,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="essays",
        help_text="The member of staff named in the byline.",
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name="first published",
        help_text="Leave blank to use the moment the essay goes live. Set it for an essay "
        "first published elsewhere or earlier.",
    )
    # The date listings sort by, kept on save: the stated date, else the go-live date. A
    # stored, indexed column lets "newest first" read ten rows of an index instead of
    # sorting every essay on every request.
    sort_date = models.DateTimeField(null=True, blank=True, editable=False)
    standfirst = models.TextField(
        blank=True,
        max_length=500,
        help_text="The opening summary under the title, in one or two sentences.",
    )
    body = StreamField(BodyBlock(), help_text="The essay itself.")
    tags = ClusterTaggableManager(
        through=EssayPageTag,
        blank=True,
        verbose_name="topics",
        help_text="Readers can list every essay on a topic. Reuse existing topics where you can.",
    )

    objects = EssayPageManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("published_at")],
            heading="Byline",
        ),
        FieldPanel("standfirst"),
        FieldPanel("body"),
        FieldPanel("tags"),
        *DraftingMixin.drafting_panels,
    ]
    promote_panels = [*Page.promote_panels, *ListingFieldsMixin.listing_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("published_at"),
        *DraftingMixin.drafting_search_fields,
    ]

    parent_page_types = ["essays.EssayIndexPage", "essays.SeriesPage"]
    subpage_types = []
    base_form_class = EssayPageForm

    class Meta:
        verbose_name = "essay"
        # Read backwards, it gives "sort_date DESC, pk DESC": newest_first().
        indexes = [models.Index(fields=["sort_date", "page_ptr"], name="essay_newest_first_idx")]

    def save(self, *args, **kwargs):
        self.sort_date = self.published_at or self.first_published_at
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"published_at", "first_published_at"} & set(
            update_fields
        ):
            kwargs["update_fields"] = {*update_fields, "sort_date"}
        super().save(*args, **kwargs)

    @property
    def display_date(self):
        return self.published_at or self.first_published_at

    @property
    def summary(self) -> str:
        return self.listing_summary or self.standfirst

    @property
    def display_title(self) -> str:
        """“Series title – N. Part title” for parts, once `label_parts` has placed them."""
        place = getattr(self, "series_place", None)
        if place is None:
            return self.title
        return f"{place.series.title} – {place.number}. {self.title}"

    @cached_property
    def part(self) -> numbering.PartNavigation | None:
        """The essay's place in its series with links to the nearest live parts either side.

        A new part being previewed before its first save counts as the series' last part,
        which is where it will go.
        """
        if not self.path:
            return None
        series = SeriesPage.objects.parent_of(self).first()
        if series is None:
            return None
        siblings = list(series.parts().defer_streamfields())
        if self.pk is None:
            siblings.append(self)
        return numbering.navigation(series, siblings, self)

    def cache_dependents(self):
        """The other parts number themselves around this one and link to it."""
        part = self.part
        return part.series.parts().live() if part else []

    def drafting_parent(self):
        return self.part.series if self.part else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        part = self.part
        index_page = EssayIndexPage.objects.ancestor_of(self).first() if self.path else None
        context.update(
            part=part,
            topics=list(self.tags.order_by("name")),
            index_page=index_page,
            feed_url=index_page.feed_url(request) if index_page else None,
            series_feed_url=part.series.feed_url(request) if part else None,
        )
        return context
