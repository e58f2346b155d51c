"""The public pages built from the profiles: the blogger directory with its profiles, and the
officials directory."""

import csv
import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.fields import introduction_field
from people.addresses import blogger_page_urls
from people.forms import OfficialFilterForm
from people.models.settings import PeopleSettings
from people.models.snippets import Blogger, Official
from people.sectors import SectorGroup, group_by_sector

# A page of the directory, and of a profile's featured posts: what a reader scrolls, and
# what a page costs, stay the same however many bloggers and roundups there are.
BLOGGERS_PER_PAGE = 50
EXCERPTS_PER_PAGE = 20


class BloggerIndexPage(RoutablePageMixin, Page):
    """The blogger directory at /bloggers/, and each blogger's profile at /bloggers/<slug>/."""

    introduction = introduction_field("A short paragraph above the directory.")

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "blogger directory"

    @path("", name="directory")
    def directory(self, request):
        bloggers_page = Paginator(
            Blogger.objects.order_by("name", "pk").prefetch_related("sectors"),
            BLOGGERS_PER_PAGE,
        ).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "sector_groups": self.sector_groups(request, bloggers_page.object_list),
                "bloggers_page": bloggers_page,
            },
        )

    @path("<slug:slug>/", name="blogger")
    def blogger(self, request, slug: str):
        blogger = get_object_or_404(
            Blogger.objects.select_related("picture").prefetch_related("sectors"), slug=slug
        )
        excerpts_page = Paginator(
            blogger.featured.filter(page__in=Page.objects.live().public())
            .select_related("page", "sector")
            .order_by("-page_date", "position"),
            EXCERPTS_PER_PAGE,
        ).get_page(request.GET.get("page"))
        excerpts = list(excerpts_page.object_list)
        for excerpt in excerpts:
            page_url = excerpt.page.get_url(request)
            excerpt.page_link = f"{page_url}#{excerpt.anchor}" if excerpt.anchor else page_url
        self.profile_full_url = self.get_full_url(request) + self.reverse_subpage(
            "blogger", kwargs={"slug": blogger.slug}
        )
        share = {
            "title": blogger.name,
            "description": blogger.bio or blogger.role or blogger.blog_name,
            "image": blogger.picture,
            "url": self.profile_full_url,
            "kind": "profile",
        }
        return self.render(
            request,
            template="people/blogger_page.html",
            context_overrides={
                "blogger": blogger,
                "excerpts": excerpts,
                "excerpts_page": excerpts_page,
                "share": share,
            },
        )

    def cache_dependents(self):
        """Every profile sits under the directory's address (core.purging)."""
        return blogger_page_urls(Blogger.objects.values_list("slug", flat=True))

    @property
    def full_url(self):
        """The canonical address the site template prints: a profile's own while one is
        being served, so search engines do not fold profiles into the directory."""
        return self.__dict__.get("profile_full_url") or self.get_full_url()

    def get_sitemap_urls(self, request=None):
        """The directory, then every blogger's profile."""
        urls = super().get_sitemap_urls(request)
        if urls:
            directory = urls[0]["location"]
            urls += [
                {"location": directory + self.reverse_subpage("blogger", kwargs={"slug": slug})}
                for slug in Blogger.objects.values_list("slug", flat=True)
            ]
        return urls

    def sector_groups(self, request=None, bloggers=None) -> list["SectorGroup"]:
        """These bloggers (all by default) under each sector in the editors' order (a
        blogger may be in several), then those with no sector. Each blogger has
        `featured_count` (excerpts on live pages, kept by people.featured) and
        `profile_url`."""
        if bloggers is None:
            bloggers = Blogger.objects.prefetch_related("sectors")
        bloggers = list(bloggers)
        directory_url = self.get_url(request)
        for blogger in bloggers:
            blogger.profile_url = directory_url + self.reverse_subpage(
                "blogger", kwargs={"slug": blogger.slug}
            )
        return group_by_sector(
            bloggers,
            lambda blogger: blogger.sectors.all(),
            anchor=lambda sector: sector.slug,
            other_anchor="other-bloggers",
            other_heading="Other bloggers",
        )


@dataclass
class OfficialsTable:
    """What the officials directory shows for one set of filters."""

    officials: list[Official]  # the rows, each with `.stale` set
    considered: int  # people matching the department and status filters
    considered_rows: int  # their rows (someone who moved within the table has two)
    with_twitter: int  # of those, how many have an account
    stale_count: int
    stale_after_days: int
    checked_before: datetime.date  # entries last checked before this day are flagged

    @property
    def all_stale(self) -> bool:
        """Every row shown is stale: one notice says so, instead of a flag on each row."""
        return bool(self.officials) and self.stale_count == len(self.officials)

    @property
    def last_checked(self) -> datetime.date | None:
        """The most recent check of any row shown."""
        return max((official.last_checked for official in self.officials), default=None)


def spreadsheet_safe(value: str) -> str:
    """Stop a spreadsheet from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


class OfficialIndexPage(RoutablePageMixin, Page):
    """The civil service leadership table, built from the Official snippets, with filters
    and a CSV download of the same rows."""

    introduction = introduction_field(
        "A short paragraph above the table: where the list comes from, why it matters."
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    CSV_HEADER = (
        "Name",
        "Post",
        "Department",
        "Twitter handle",
        "Twitter address",
        "Note on Twitter use",
        "Status",
        "New post",
        "Successor",
        "Note",
        "Last checked",
        "Possibly out of date",
    )

    class Meta:
        verbose_name = "officials directory"

    def get_cached_paths(self):
        return ["/", "/csv/"]

    @path("", name="directory")
    def directory(self, request):
        form = OfficialFilterForm(request.GET or None)
        table = self.officials_table(request, form)
        query = request.GET.urlencode()
        csv_url = (
            self.get_url(request) + self.reverse_subpage("csv") + (f"?{query}" if query else "")
        )
        return self.render(
            request, context_overrides={"form": form, "table": table, "csv_url": csv_url}
        )

    @path("csv/", name="csv")
    def csv_download(self, request):
        table = self.officials_table(request, OfficialFilterForm(request.GET or None))
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="officials.csv"'
        # A byte-order mark, without which Excel reads the file as Windows-1252 and
        # garbles “O’Brien”; other spreadsheets and csv readers skip it.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(self.CSV_HEADER)
        for official in table.officials:
            writer.writerow(
                [
                    spreadsheet_safe(str(value))
                    for value in (
                        official.name,
                        official.post,
                        official.department.name,
                        official.twitter_handle,
                        official.twitter_url,
                        official.twitter_note,
                        official.get_status_display(),
                        official.new_post,
                        official.successor,
                        official.note,
                        official.last_checked.isoformat(),
                        "yes" if official.stale else "no",
                    )
                ]
            )
        return response

    def officials_table(self, request, form) -> OfficialsTable:
        """The rows the filters in `form` select, each flagged when not checked recently."""
        form.is_valid()
        officials = list(form.filter(Official.objects.select_related("department")))
        # People, not rows: someone who moved within the table has a row in each post.
        considered_rows = len(officials)
        considered = len({official.name for official in officials})
        with_twitter = len({official.name for official in officials if official.has_twitter})
        if form.twitter_choice == "yes":
            officials = [official for official in officials if official.has_twitter]
        elif form.twitter_choice == "no":
            officials = [official for official in officials if not official.has_twitter]
        stale_after_days = PeopleSettings.for_request(request).official_stale_after_days
        today = timezone.localdate()
        for official in officials:
            official.stale = official.is_stale(today, stale_after_days)
        return OfficialsTable(
            officials=officials,
            considered=considered,
            considered_rows=considered_rows,
            with_twitter=with_twitter,
            stale_count=sum(1 for official in officials if official.stale),
            stale_after_days=stale_after_days,
            checked_before=today - datetime.timedelta(days=stale_after_days),
        )
