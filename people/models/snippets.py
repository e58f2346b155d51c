"""The profiles editors keep as snippets: sectors, bloggers, and the featured-excerpt index."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Sector(index.Indexed, models.Model):
    """A part of public service (Social care, Health…). Its order is the roundups' order."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Used in addresses, e.g. /bloggers/#social-care."
    )
    sort_order = models.IntegerField(
        default=0, editable=False, help_text="Roundups group excerpts in this order."
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """This sector's group in the blogger directory ("" while there is no live directory)."""
        from people.models.pages import blogger_directory_url

        directory = blogger_directory_url()
        return f"{directory}#{self.slug}" if directory else ""


class Blogger(index.Indexed, models.Model):
    """A frontline blogger the roundups quote: a person or a pseudonym and their blog."""

    name = models.CharField(
        max_length=120,
        help_text="Name or pseudonym as the blogger uses it: Ermintrude2, Dr Grumble.",
    )
    slug = models.SlugField(max_length=120, unique=True, help_text="The profile's address.")
    blog_name = models.CharField(max_length=200, blank=True, help_text="e.g. Whose Shoes?")
    blog_url = models.URLField(blank=True, verbose_name="blog address")
    twitter_handle = models.CharField(
        max_length=15, blank=True, help_text="With or without the @, or the profile's address."
    )
    sectors = models.ManyToManyField(
        Sector,
        blank=True,
        related_name="bloggers",
        help_text="The first is the default sector for this blogger's excerpts.",
    )
    role = models.CharField(
        max_length=200, blank=True, help_text="What they do, e.g. “works in dementia services”."
    )
    bio = models.TextField(blank=True, verbose_name="short bio")
    picture = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("blog_name"),
        FieldPanel("blog_url"),
        FieldPanel("twitter_handle"),
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
        from people.models.pages import blogger_profile_url

        return blogger_profile_url(self.slug)

    @property
    def twitter_url(self) -> str:
        return f"https://twitter.com/{self.twitter_handle}" if self.twitter_handle else ""


class FeaturedExcerpt(models.Model):
    """One excerpt of a blogger's post on a live page, kept by the page's app on publish.

    The blogger's profile lists these instead of scanning every roundup's stream.
    """

    blogger = models.ForeignKey(Blogger, on_delete=models.CASCADE, related_name="featured")
    sector = models.ForeignKey(Sector, null=True, blank=True, on_delete=models.SET_NULL)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    anchor = models.CharField(max_length=100, blank=True, help_text="Fragment on the page.")
    post_title = models.CharField(max_length=255, blank=True)
    post_url = models.URLField(max_length=500, blank=True)
    posted_on = models.DateField(null=True, blank=True)
    page_date = models.DateField(help_text="The featuring page's date (a roundup's week ending).")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-page_date", "position"]
        indexes = [models.Index(fields=["blogger", "-page_date"])]

    def __str__(self) -> str:
        return f"{self.blogger}: {self.post_title or self.post_url}"
