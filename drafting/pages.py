"""The page mixin content apps use to open a page (or a whole series) for comment.

It adds two fields an editor fills in (a closing date and a question for readers), the
routes a reader uses (`comment/`, `you-said-we-did/` and its feed), and `drafting` in the
page's context: the paragraphs with their published comments, the form and the window.
"""

from dataclasses import dataclass

from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.csrf import csrf_exempt

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from core.net import sent_from_this_site
from drafting import spam
from drafting.anchors import Paragraph, paragraphs_of
from drafting.feeds import AnswersFeed
from drafting.forms import CommentForm
from drafting.models import COMMENT_MAX_LENGTH, Comment
from drafting.record import PageComments, body_items, body_of, place_comments, record_for
from drafting.tasks import send_confirmation_email


@dataclass
class Drafting:
    """What a page shows of open drafting: window, question, comments by paragraph, form."""

    window: "DraftingMixin"
    is_open: bool
    comments: PageComments
    body: list
    form: CommentForm | None

    @property
    def open_until(self):
        return self.window.comments_open_until

    @property
    def question(self) -> str:
        return self.window.comments_question


class DraftingMixin(RoutablePageMixin, models.Model):
    comments_open_until = models.DateTimeField(
        "open for comment until",
        null=True,
        blank=True,
        help_text="Readers may comment until this moment; afterwards comments and answers "
        "stay on show without the form. Leave blank for a page that never took comments. "
        "Set on a series, it opens every part.",
    )
    comments_question = models.CharField(
        "question for readers",
        max_length=300,
        blank=True,
        help_text="A short question shown above the comment form, e.g. “What would you change?”",
    )

    comments_search_text = models.TextField(
        blank=True,
        editable=False,
        help_text="Published comments and answers, so site search finds the page by them.",
    )

    drafting_panels = [
        MultiFieldPanel(
            [FieldPanel("comments_open_until"), FieldPanel("comments_question")],
            heading="Open drafting",
        )
    ]
    drafting_search_fields = [index.SearchField("comments_search_text")]
    # The StreamField whose paragraph blocks take comments; None for a page without one.
    drafting_body_field = "body"
    drafting_whole_label = "The whole essay"

    class Meta:
        abstract = True

    def drafting_parent(self) -> "DraftingMixin | None":
        """A page whose opening also opens this one (a series for its parts)."""
        return None

    def get_cached_paths(self):
        """A page that takes (or took) comments also has its record and answers feed."""
        paths = super().get_cached_paths()
        if self.drafting_window() is None:
            return paths
        record = [self.reverse_subpage("you_said_we_did"), self.reverse_subpage("answers_feed")]
        return [*paths, *record]

    def drafting_window(self) -> "DraftingMixin | None":
        """The page whose closing date and question apply here, if any does."""
        if self.comments_open_until:
            return self
        parent = self.drafting_parent()
        if parent is not None and parent.comments_open_until:
            return parent
        return None

    def is_open_for_comment(self) -> bool:
        window = self.drafting_window()
        return window is not None and timezone.now() < window.comments_open_until

    @cached_property
    def drafting_paragraphs(self) -> list[Paragraph]:
        return paragraphs_of(body_of(self)) if self.drafting_body_field else []

    def drafting_context(self, request, form: CommentForm | None = None) -> Drafting | None:
        window = self.drafting_window()
        if window is None:
            return None
        is_open = self.is_open_for_comment()
        takes_comments = is_open and bool(self.drafting_body_field)
        paragraphs = self.drafting_paragraphs
        if takes_comments and form is None:
            chosen = request.GET.get("paragraph", "") if request else ""
            form = self.comment_form(initial={"paragraph": chosen} if chosen else None)
        comments = place_comments(self, Comment.objects.filter(page=self).for_display(), paragraphs)
        return Drafting(
            window=window,
            is_open=is_open,
            comments=comments,
            body=body_items(self, paragraphs) if self.drafting_body_field else [],
            form=form if takes_comments else None,
        )

    def comment_form(self, data=None, initial=None) -> CommentForm:
        return CommentForm(
            data,
            initial=initial,
            paragraphs=self.drafting_paragraphs,
            whole_label=self.drafting_whole_label,
        )

    def get_context(self, request, *args, drafting_form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["drafting"] = self.drafting_context(request, drafting_form)
        if context["drafting"] is not None:
            context["you_said_we_did_url"] = self.url + self.reverse_subpage("you_said_we_did")
        return context

    @path("comment/", name="comment")
    @csrf_exempt  # no token in the form, so the page stays shareable: the origin is checked
    def comment_view(self, request):
        if request.method != "POST":
            return redirect(self.url + "#comment-form")
        if not (self.drafting_body_field and self.is_open_for_comment()):
            response = self.render(request, context_overrides={"comment_refused": True})
            response.status_code = 403
            return response
        if not sent_from_this_site(request):
            return self._sent_elsewhere(request)
        form = self.comment_form(request.POST)
        if form.is_trap_filled:
            # Answer as if all went well, so a bot learns nothing; nothing is stored.
            return redirect(self.url + self.reverse_subpage("comment_check_email"))
        if not form.is_valid():
            return self._form_response(request, form, 400)
        if not spam.take_comment_slot(request):
            form.add_error(
                None,
                f"You have sent {spam.COMMENTS_PER_HOUR} comments in the last hour, the most "
                "we take from one address. Please try again later: what you typed is kept.",
            )
            return self._form_response(request, form, 429)
        comment = self._store(request, form)
        if comment.state == Comment.State.UNCONFIRMED:
            send_confirmation_email.enqueue(comment.pk)
            return redirect(self.url + self.reverse_subpage("comment_check_email"))
        return redirect(self.url + self.reverse_subpage("comment_received"))

    def _sent_elsewhere(self, request):
        """A post from another site, or one that cannot show it came from here: nothing
        stored; the form again on this page, filled in with what was typed, to send here."""
        typed = {
            name: request.POST.get(name, "")[:COMMENT_MAX_LENGTH]
            for name in ("paragraph", "text", "author_name", "role", "email")
        }
        for name in ("notify_on_answer", "consent_to_publish"):
            typed[name] = bool(request.POST.get(name))
        response = self.render(
            request,
            drafting_form=self.comment_form(initial=typed),
            context_overrides={"comment_elsewhere": True},
        )
        response.status_code = 403
        return response

    def _form_response(self, request, form, status):
        response = self.render(request, drafting_form=form)
        response.status_code = status
        return response

    def _store(self, request, form: CommentForm) -> Comment:
        comment = form.save(commit=False)
        paragraph = form.chosen_paragraph()
        comment.page = self
        comment.paragraph_key = paragraph.key if paragraph else ""
        comment.paragraph_text = paragraph.text if paragraph else ""
        comment.revision_id = self.live_revision_id
        if spam.has_confirmed(request, comment.email):
            comment.state = Comment.State.NEW
            comment.confirmed_at = timezone.now()
        else:
            comment.state = Comment.State.UNCONFIRMED
        comment.save()
        return comment

    @path("comment/check-your-email/", name="comment_check_email")
    def comment_check_email(self, request):
        return self.render(
            request, template="drafting/comment_sent.html", context_overrides={"confirm": True}
        )

    @path("comment/received/", name="comment_received")
    def comment_received(self, request):
        return self.render(
            request, template="drafting/comment_sent.html", context_overrides={"confirm": False}
        )

    def drafting_record_pages(self) -> list:
        """This page and the live pages under it that take comments (a series' parts)."""
        children = self.get_children().live().public().specific()
        return [self] + [child for child in children if isinstance(child, DraftingMixin)]

    @path("you-said-we-did/", name="you_said_we_did")
    def you_said_we_did(self, request):
        return self.render(
            request,
            template="drafting/you_said_we_did.html",
            context_overrides={
                "record": record_for(self.drafting_record_pages()),
                "feed_url": self.url + self.reverse_subpage("answers_feed"),
            },
        )

    @path("you-said-we-did/feed/", name="answers_feed")
    def answers_feed(self, request):
        return AnswersFeed(self, self.drafting_record_pages())(request)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if self.comments_open_until and urls:
            urls.append(
                {
                    "location": urls[0]["location"] + self.reverse_subpage("you_said_we_did"),
                    "lastmod": urls[0].get("lastmod"),
                }
            )
        return urls
