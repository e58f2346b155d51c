"""Essays: the essay index, essay pages, numbered series, and the staff authors of bylines.

A series is a page whose children are its parts. A part's number is its
position among the series' children in tree order, so it is never typed: the
editor reorders the parts in the page explorer to renumber them, and a part
added later goes at the end, leaving published numbers where they were.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.functional import cached_property

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageQuerySet, Revision
from wagtail.search import index

from core.blocks import BodyBlock
from core.fields import introduction_field
from drafting.pages import DraftingMixin
from essays.forms import EssayPageForm
from essays.panels import SeriesPartsPanel

ESSAYS_PER_PAGE = 10
FEED_LENGTH = 20


class Author(index.Indexed, models.Model):
    """A member of staff whose name an editor picks for an essay's byline."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True, help_text="A short unique identifier.")
    role = models.CharField(
        max_length=200, blank=True, help_text="Shown under the name, e.g. “Director”."
    )
    bio = models.TextField(blank=True, verbose_name="short bio")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("role"), FieldPanel("bio")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EssayPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "essays.EssayPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EssayPageQuerySet(PageQuerySet):
    def newest_first(self) -> "EssayPageQuerySet":
        """Order by the date readers see: the stated first-published date, else go-live."""
        return self.annotate(shown_date=Coalesce("published_at", "first_published_at")).order_by(
            models.F("shown_date").desc(nulls_last=True), "-pk"
        )

    def for_listing(self) -> "EssayPageQuerySet":
        """What a card or feed entry prints, fetched with the essays, not per card."""
        return (
            self.defer_streamfields()
            .select_related("author", "listing_image")
            .prefetch_related("listing_image__renditions")
        )


EssayPageManager = PageManager.from_queryset(EssayPageQuerySet)


class EssayFeedMixin(RoutablePageMixin):
    """An RSS feed of essays at `<page>/feed/`; the page says which essays and how described."""

    def feed_essays(self) -> EssayPageQuerySet:
        raise NotImplementedError

    def feed_description(self) -> str:
        raise NotImplementedError

    def feed_url(self, request=None) -> str:
        return self.get_full_url(request) + self.reverse_subpage("feed")

    @path("feed/", name="feed")
    def feed(self, request):
        from essays.feeds import EssayFeed

        return EssayFeed(
            title=f"{self.title} | Guerilla Policy",
            link=self.get_full_url(request),
            feed_url=self.feed_url(request),
            description=self.feed_description(),
            essays=self.feed_essays(),
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
        from essays.numbering import label_parts

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
        label_parts(essays_page.object_list)
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


class SeriesPage(DraftingMixin, EssayFeedMixin, Page):
    """A numbered essay series: an introduction and its parts, the pages under it."""

    introduction = introduction_field(
        "What the series argues and why; shown above the list of parts."
    )
    planned_parts = models.PositiveSmallIntegerField(
        default=10,
        help_text="How many parts the series will have. Parts not yet written show as "
        "numbered gaps. It cannot be fewer than the parts that already exist.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on the home page and in lists of series.",
    )
    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        verbose_name="summary",
        help_text="One or two sentences for the home page and feeds.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("planned_parts"),
        SeriesPartsPanel(heading="Parts"),
        *DraftingMixin.drafting_panels,
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")], heading="Listings"
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

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
        from essays.numbering import series_slots

        context = super().get_context(request, *args, **kwargs)
        context.update(
            slots=series_slots(self),
            feed_url=self.feed_url(request),
        )
        return context

    def feed_essays(self) -> EssayPageQuerySet:
        return EssayPage.objects.live().public().child_of(self).newest_first()

    def feed_description(self) -> str:
        return self.listing_summary or self.search_description or self.title


class EssayPage(DraftingMixin, Page):
    """An essay, standing alone under the index or as a numbered part of a series."""

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
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on cards in lists of essays.",
    )
    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        verbose_name="summary",
        help_text="One or two sentences for cards and feeds; the standfirst is used when "
        "this is blank.",
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
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")], heading="Listings"
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]

    parent_page_types = ["essays.EssayIndexPage", "essays.SeriesPage"]
    subpage_types = []
    base_form_class = EssayPageForm

    class Meta:
        verbose_name = "essay"

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
    def part(self):
        from essays.numbering import part_navigation

        return part_navigation(self)

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


def scheduled_dates(page_ids) -> dict[int, object]:
    """When each of these pages is scheduled to go live, from their approved revisions."""
    rows = Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in page_ids], approved_go_live_at__isnull=False
    ).values_list("object_id", "approved_go_live_at")
    return {int(object_id): when for object_id, when in rows}
