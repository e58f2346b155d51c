"""The profiles editors keep as snippets: sectors, bloggers, departments and officials."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from people.addresses import (
    blogger_directory_url,
    blogger_page_urls,
    blogger_profile_url,
    officials_pages,
)
from people.fields import TwitterHandleField, web_address_validator


def unique_slug(model: type[models.Model], text: str, exclude_pk=None) -> str:
    """A slug from `text` that no other `model` row uses: name, name-2, name-3…"""
    base = slugify(text)[:90] or model._meta.model_name
    taken = set(
        model._default_manager.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


class SlugFromNameMixin:
    """Fills a blank slug from the name, so editors need not invent addresses."""

    def clean(self):
        super().clean()
        if not self.slug and self.name:
            self.slug = unique_slug(type(self), self.name, exclude_pk=self.pk)

    def save(self, *args, **kwargs):
        if not self.slug:  # saved by code without validation
            self.slug = unique_slug(type(self), self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)


def slug_field(example: str) -> models.SlugField:
    return models.SlugField(
        max_length=100,
        unique=True,
        blank=True,
        help_text=f"Used in addresses, e.g. {example}. Leave blank to make one from the name.",
        error_messages={"unique": "Another entry already uses this slug: choose a different one."},
    )


class Sector(SlugFromNameMixin, index.Indexed, models.Model):
    """A part of public service (Social care, Health…). Its order is the roundups' order."""

    name = models.CharField(max_length=100, unique=True)
    slug = slug_field("/bloggers/#social-care")
    sort_order = models.IntegerField(
        default=None,
        editable=False,
        help_text="Roundups group excerpts in this order; drag sectors in the list to change it.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.sort_order is None:  # a new sector goes last
            last = Sector.objects.aggregate(last=models.Max("sort_order"))["last"]
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """This sector's group in the blogger directory ("" while there is no live directory)."""
        directory = blogger_directory_url()
        return f"{directory}#{self.slug}" if directory else ""

    def cache_dependents(self):
        """The directory and profiles list bloggers under their sectors (core.purging)."""
        return blogger_page_urls(self.bloggers.values_list("slug", flat=True))

    def pages_showing(self):
        """Pages that show this sector without naming it: excerpts filed under their
        blogger's default sector (core.purging adds them to the pages found by reference)."""
        return self.featuredexcerpt_set.values("page")


class Blogger(SlugFromNameMixin, index.Indexed, models.Model):
    """A frontline blogger the roundups quote: a person or a pseudonym and their blog."""

    name = models.CharField(
        max_length=120,
        help_text="Name or pseudonym as the blogger uses it: Ermintrude2, Dr Grumble.",
    )
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="The profile's address: /bloggers/<slug>/. "
        "Leave blank to make one from the name.",
        error_messages={
            "unique": "Another blogger's profile already uses this slug: choose a different one."
        },
    )
    blog_name = models.CharField(max_length=200, blank=True, help_text="e.g. Whose Shoes?")
    blog_url = models.URLField(
        blank=True,
        verbose_name="blog address",
        validators=[web_address_validator],
        help_text="The blog's home page, starting with https:// or http://.",
    )
    twitter_handle = TwitterHandleField(
        help_text="With or without the @, or the profile's address; stored without the @."
    )
    sectors = models.ManyToManyField(
        Sector,
        blank=True,
        related_name="bloggers",
        help_text="The sectors they write about; the directory lists them under each. "
        "The first, in the sectors' order, is the default for their excerpts.",
    )
    role = models.CharField(
        max_length=200, blank=True, help_text="What they do, e.g. “works in dementia services”."
    )
    bio = models.TextField(blank=True, verbose_name="short bio", help_text="A paragraph or two.")
    picture = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A square picture or avatar, shown on the profile. Its alt text is not used: "
        "the name is shown beside it.",
    )
    # Kept by people.featured whenever a page's excerpts are indexed or forgotten, so the
    # directory never counts 20,000 rows per view.
    featured_count = models.PositiveIntegerField(default=0, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("blog_name"), FieldPanel("blog_url"), FieldPanel("twitter_handle")],
            heading="Blog and Twitter",
        ),
        FieldPanel("sectors"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("picture"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("blog_name"),
        index.SearchField("role"),
        index.SearchField("bio"),
        index.SearchField("twitter_handle"),
        index.AutocompleteField("name"),
        index.AutocompleteField("blog_name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The public profile's address ("" while there is no live blogger directory).

        Costs no query once the directory's address is cached, so a roundup may call it
        for every excerpt.
        """
        return blogger_profile_url(self.slug)

    @property
    def twitter_url(self) -> str:
        return f"https://twitter.com/{self.twitter_handle}" if self.twitter_handle else ""

    def cache_dependents(self):
        """Their profile and the directory; roundups are found by reference (core.purging)."""
        return blogger_page_urls([self.slug])

    @property
    def default_sector(self) -> "Sector | None":
        """The first of their sectors in the editors' order: where their excerpts go unless
        the editor says otherwise. Prefetch `sectors` when asking for many bloggers."""
        return next(iter(self.sectors.all()), None)

    @property
    def sector_names(self) -> str:
        """The sectors' names, in order; prefetch `sectors` when listing many bloggers."""
        return ", ".join(sector.name for sector in self.sectors.all())


class Department(SlugFromNameMixin, index.Indexed, models.Model):
    """A government department or agency officials lead. Editors rename and merge them as
    government reorganises, so they are data, not a list in code."""

    name = models.CharField(
        max_length=150,
        unique=True,
        help_text="As the department calls itself, e.g. Department for Work and Pensions.",
        error_messages={"unique": "There is already a department with this name."},
    )
    slug = slug_field("/officials/?department=cabinet-office")

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def cache_dependents(self):
        return officials_pages()


class OfficialQuerySet(models.QuerySet):
    def with_twitter(self):
        return self.exclude(twitter_handle="")

    def without_twitter(self):
        return self.filter(twitter_handle="")

    def checked_before(self, day: datetime.date):
        return self.filter(last_checked__lt=day)


class Official(index.Indexed, models.Model):
    """A senior civil servant: who holds which post, and whether they are on Twitter."""

    class Status(models.TextChoices):
        CURRENT = "current", "In post"
        LEAVING = "leaving", "Leaving"
        FORMER = "former", "Former"

    name = models.CharField(
        max_length=150,
        help_text="With honours and titles, as they use them: Sir Bob Kerslake, "
        "Professor Dame Sally Davies, Keir Starmer QC.",
    )
    post = models.CharField(
        max_length=200,
        help_text="The post as the department names it, e.g. Permanent Secretary, "
        "Cabinet Secretary, Chief Medical Officer.",
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="officials",
        help_text="Add a department under People › Departments if it is not listed.",
    )
    twitter_handle = TwitterHandleField(
        help_text="Leave blank if they have no account. With or without the @, "
        "or the profile's address; stored without the @."
    )
    twitter_note = models.CharField(
        max_length=200,
        blank=True,
        verbose_name="note on Twitter use",
        help_text="e.g. “has only sent two tweets”, “a private account”.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.CURRENT,
        help_text="Leaving: they have announced they are going. Former: they have moved or "
        "left; say where under “new post” and who replaced them under “successor”.",
    )
    new_post = models.CharField(
        max_length=200,
        blank=True,
        help_text="For former officials: where they went, e.g. British Ambassador to France.",
    )
    successor = models.CharField(
        max_length=150,
        blank=True,
        help_text="Who now holds this post, e.g. Sir Kim Darroch.",
    )
    note = models.CharField(
        max_length=255,
        blank=True,
        help_text="Anything else readers should know, e.g. “has announced she is retiring”.",
    )
    last_checked = models.DateField(
        default=timezone.localdate,
        help_text="When someone last checked this entry against the department's own list, "
        "e.g. 19/10/2012 or 19 October 2012. Entries older than the age set in "
        "Settings › People settings are flagged as possibly out of date.",
    )

    objects = OfficialQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("post"), FieldPanel("department")]),
        MultiFieldPanel(
            [FieldPanel("twitter_handle"), FieldPanel("twitter_note")], heading="Twitter"
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("new_post"),
                FieldPanel("successor"),
                FieldPanel("note"),
            ],
            heading="In post or moved on",
        ),
        FieldPanel("last_checked"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("post"),
        index.SearchField("twitter_handle"),
        index.SearchField("successor"),
        index.AutocompleteField("name"),
        index.FilterField("status"),
        index.FilterField("department"),
    ]

    class Meta:
        ordering = ["department__name", "name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.post}"

    def cache_dependents(self):
        return officials_pages()

    def clean(self):
        super().clean()
        if self.new_post and self.status == self.Status.CURRENT:
            raise ValidationError(
                {
                    "new_post": "Only a former or leaving official has a new post: "
                    "change the status, or clear this."
                }
            )
        if self.last_checked and self.last_checked > timezone.localdate():
            raise ValidationError(
                {"last_checked": "The date last checked cannot be in the future."}
            )

    @property
    def twitter_url(self) -> str:
        return f"https://twitter.com/{self.twitter_handle}" if self.twitter_handle else ""

    @property
    def has_twitter(self) -> bool:
        return bool(self.twitter_handle)

    @property
    def movement(self) -> str:
        """For readers: "Former: now British Ambassador to France; succeeded by Sir Kim
        Darroch", "Leaving"; "" for someone in post."""
        if self.status == self.Status.CURRENT:
            return ""
        text = "Former" if self.status == self.Status.FORMER else "Leaving"
        if self.new_post:
            text += f": now {self.new_post}"
        if self.successor:
            text += f"; succeeded by {self.successor}"
        return text

    def is_stale(self, today: datetime.date, stale_after_days: int) -> bool:
        """Not checked for more than `stale_after_days` days before `today`."""
        return (today - self.last_checked).days > stale_after_days
