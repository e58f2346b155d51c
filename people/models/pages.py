"""The public pages built from the profiles: the blogger directory and its profile routes."""

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from people.models.snippets import Blogger, Sector

# The directory's address, kept so that a roundup linking fifty bloggers asks the
# database nothing. people.signals forgets it whenever a page or site changes.
DIRECTORY_URL_CACHE_KEY = "people:blogger-directory-url"
# Stands for "there is no live directory" in the cache, where None means "not cached".
NO_DIRECTORY = "-"


def blogger_directory_url() -> str:
    """The live blogger directory's address, or "" when there is none."""
    url = cache.get(DIRECTORY_URL_CACHE_KEY)
    if url is None:
        directory = BloggerIndexPage.objects.live().first()
        url = (directory.get_url() if directory else None) or NO_DIRECTORY
        cache.set(DIRECTORY_URL_CACHE_KEY, url, timeout=None)
    return "" if url == NO_DIRECTORY else url


def forget_blogger_directory_url() -> None:
    cache.delete(DIRECTORY_URL_CACHE_KEY)


def blogger_profile_url(slug: str) -> str:
    """The address of the profile of the blogger with `slug`, or "" without a directory."""
    directory = blogger_directory_url()
    if not directory:
        return ""
    return directory + BloggerIndexPage.get_resolver().reverse("blogger", slug=slug)


class BloggerIndexPage(RoutablePageMixin, Page):
    """The blogger directory at /bloggers/, and each blogger's profile at /bloggers/<slug>/."""

    introduction = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="A short paragraph above the directory.",
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "blogger directory"

    @path("", name="directory")
    def directory(self, request):
        return self.render(request, context_overrides={"sector_groups": self.sector_groups()})

    @path("<slug:slug>/", name="blogger")
    def blogger(self, request, slug: str):
        blogger = get_object_or_404(
            Blogger.objects.select_related("picture").prefetch_related("sectors"), slug=slug
        )
        excerpts = list(
            blogger.featured.filter(page__in=Page.objects.live().public())
            .select_related("page", "sector")
            .order_by("-page_date", "position")
        )
        for excerpt in excerpts:
            page_url = excerpt.page.get_url(request)
            excerpt.page_link = f"{page_url}#{excerpt.anchor}" if excerpt.anchor else page_url
        return self.render(
            request,
            template="people/blogger_page.html",
            context_overrides={"blogger": blogger, "excerpts": excerpts},
        )

    def sector_groups(self) -> list[tuple[Sector | None, list[Blogger]]]:
        """Bloggers under each sector in the editors' order (a blogger may be in several),
        then those with no sector; each with `featured_count`, counting live public pages only."""
        bloggers = list(
            Blogger.objects.annotate(
                featured_count=Count(
                    "featured", filter=Q(featured__page__in=Page.objects.live().public())
                )
            ).prefetch_related(Prefetch("sectors", queryset=Sector.objects.only("pk")))
        )
        groups = {sector.pk: (sector, []) for sector in Sector.objects.all()}
        unsectored = []
        for blogger in bloggers:
            sector_ids = [sector.pk for sector in blogger.sectors.all()]
            for sector_id in sector_ids:
                groups[sector_id][1].append(blogger)
            if not sector_ids:
                unsectored.append(blogger)
        result = [group for group in groups.values() if group[1]]
        if unsectored:
            result.append((None, unsectored))
        return result
