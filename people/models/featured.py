"""The featured-excerpt index that content apps fill when they publish."""

from django.db import models

from people.models.snippets import Blogger, Sector


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
