"""Readers' comments on a page's paragraphs, and the editors' answers to them.

A comment's fields are the plain facts a reader typed (name, email, role, text) plus
where and when it was made (page, paragraph anchor and text, revision, date), so an
importer can write comments from another system straight into this model.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html

from wagtail.fields import RichTextField
from wagtail.models import Revision

ANSWER_FEATURES = ["bold", "italic", "link"]
COMMENT_MAX_LENGTH = 2000


def clean_answer_html(html: str) -> str:
    """Answer text reduced to the answer's features, however it arrived (admin or import)."""
    if not html:
        return html
    # The converter module loads the Page model when imported, so not at model-load time.
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    converter = ContentstateConverter(features=ANSWER_FEATURES)
    return converter.to_database_format(converter.from_database_format(html))


class CommentQuerySet(models.QuerySet):
    def published(self) -> "CommentQuerySet":
        return self.filter(state=Comment.State.PUBLISHED)

    def in_inbox(self) -> "CommentQuerySet":
        """What editors moderate: everything but comments whose email is still unconfirmed."""
        return self.exclude(state=Comment.State.UNCONFIRMED)

    def answered(self) -> "CommentQuerySet":
        return self.exclude(outcome="")

    def for_display(self) -> "CommentQuerySet":
        """What a public listing prints, in one query: the revision dates come along."""
        return (
            self.published()
            .select_related("revision", "change_revision")
            .defer("revision__content", "change_revision__content")
            .order_by("created_at", "pk")
        )


class Comment(models.Model):
    """A reader's comment on a page, or on one paragraph of it, with the editors' answer."""

    class State(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "Awaiting email confirmation"
        NEW = "new", "New"
        PUBLISHED = "published", "Published"
        REJECTED = "rejected", "Rejected"

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", "Adopted"
        PARTLY = "partly", "Partly adopted"
        NOT_ADOPTED = "not_adopted", "Not adopted"
        NOTED = "noted", "Noted"

    CHANGED = (Outcome.ADOPTED, Outcome.PARTLY)

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="drafting_comments"
    )
    paragraph_key = models.CharField(
        max_length=80,
        blank=True,
        verbose_name="paragraph anchor",
        help_text="The paragraph commented on; blank for the essay as a whole.",
    )
    paragraph_text = models.TextField(
        blank=True, help_text="The paragraph's text when the comment was made."
    )
    revision = models.ForeignKey(
        Revision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The revision of the page the reader was reading.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text="The comment this one replies to (imported threads).",
    )
    author_name = models.CharField("name", max_length=80)
    email = models.EmailField(help_text="Never shown; used only to confirm and to answer.")
    role = models.CharField(
        max_length=80, blank=True, help_text="e.g. “social worker”, “service user”."
    )
    text = models.TextField("comment", max_length=COMMENT_MAX_LENGTH)
    consent_to_publish = models.BooleanField(default=False)
    notify_on_answer = models.BooleanField(
        default=False, help_text="The reader asked to be emailed when the comment is answered."
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.UNCONFIRMED)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    outcome = models.CharField(
        "answer", max_length=12, choices=Outcome.choices, blank=True, db_index=True
    )
    reason = RichTextField(
        features=ANSWER_FEATURES,
        blank=True,
        help_text="What was done with the comment and why. Shown publicly under it.",
    )
    change_revision = models.ForeignKey(
        Revision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="revision that made the change",
        help_text="For an adopted or partly adopted comment: the page revision that changed "
        "the text.",
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer_emailed_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "state"])]
        verbose_name = "reader comment"

    def __str__(self) -> str:
        words = self.text if len(self.text) <= 60 else self.text[:57].rstrip() + "…"
        return f"{self.author_name}: {words}"

    def save(self, *args, **kwargs):
        self.reason = clean_answer_html(self.reason)
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        comment = super().from_db(db, field_names, values)
        comment.state_when_loaded = comment.__dict__.get("state")
        return comment

    @property
    def is_or_was_shown(self) -> bool:
        """Whether readers see it, or saw it before this change: its pages need purging."""
        shown = self.State.PUBLISHED
        return shown in (self.state, getattr(self, "state_when_loaded", None))

    @property
    def page_title(self) -> str:
        return self.page.title

    @property
    def paragraph_link(self) -> str:
        """For the inbox: the paragraph as it was, linking to its other comments."""
        if not self.paragraph_key:
            return "Whole essay"
        excerpt = self.paragraph_text[:60] + ("…" if len(self.paragraph_text) > 60 else "")
        return format_html(
            '<a href="?paragraph_key={}&amp;page={}" title="Comments on this paragraph">{}</a>',
            self.paragraph_key,
            self.page_id,
            excerpt,
        )

    @property
    def is_answered(self) -> bool:
        return bool(self.outcome)

    @property
    def made_a_change(self) -> bool:
        return self.outcome in self.CHANGED

    def clean(self):
        super().clean()
        if self.outcome and self.state != self.State.PUBLISHED:
            raise ValidationError(
                {"outcome": "Only published comments are answered: set the state to Published."}
            )
        if self.outcome in self.CHANGED and self.change_revision_id is None:
            raise ValidationError({"change_revision": "Choose the revision that made the change."})
        if self.change_revision_id and self.outcome not in self.CHANGED:
            raise ValidationError(
                {"change_revision": "Only adopted or partly adopted answers link a revision."}
            )
        if self.outcome and not self.reason:
            raise ValidationError({"reason": "Say what was done and why."})
