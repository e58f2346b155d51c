"""Reader suggestions: posts readers think the roundup missed, in the editors' inbox."""

from django.db import models
from django.utils import timezone


class ReaderSuggestion(models.Model):
    """One suggestion sent through the "Suggest a post" page. Never shown on the site as is."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        USED = "used", "Used in a roundup"
        DECLINED = "declined", "Declined"

    post_url = models.URLField(max_length=500, verbose_name="post address")
    blog = models.CharField(max_length=200, verbose_name="blogger or blog")
    reason = models.TextField(verbose_name="why it matters")
    name = models.CharField(max_length=120, blank=True, verbose_name="reader's name")
    email = models.EmailField(blank=True, verbose_name="reader's email")
    credit = models.BooleanField(
        default=False,
        verbose_name="may credit by name",
        help_text="The reader agreed to be named as “suggested by …” on the roundup.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    submitted_at = models.DateTimeField(default=timezone.now, editable=False)
    roundup = models.ForeignKey(
        "roundups.RoundupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
        help_text="The roundup it was added to.",
    )
    editor_notes = models.TextField(blank=True, help_text="For editors only.")

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = "reader suggestion"

    def __str__(self) -> str:
        return f"{self.blog}: {self.post_url}"

    @property
    def credit_name(self) -> str:
        """The name to print as "suggested by …", only when the reader agreed to it."""
        return self.name.strip() if self.credit else ""
