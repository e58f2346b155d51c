"""The comments inbox: filter, publish and reject in bulk, and answer one comment at a time.

Editors see the paragraph as it was when the reader commented, beside the comment.
Comments awaiting their writer's email confirmation stay out of the inbox unless asked
for, so unconfirmed floods never reach editors.
"""

import django_filters

from django.utils import timezone

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.models import Page
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from drafting.forms import CommentAdminForm
from drafting.indexing import refresh_comments_search_text
from drafting.models import Comment
from drafting.purging import purge_comment_pages
from drafting.tasks import send_answer_email

STATUS_CHOICES = [
    ("new", "New"),
    ("published", "Published, not answered"),
    ("answered", "Answered"),
    ("rejected", "Rejected"),
    ("unconfirmed", "Awaiting email confirmation"),
]


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_CHOICES, method="filter_status", empty_label="All"
    )
    page = django_filters.ModelChoiceFilter(
        label="Essay",
        queryset=Page.objects.filter(drafting_comments__isnull=False).distinct().order_by("title"),
    )
    paragraph_key = django_filters.CharFilter(label="Paragraph anchor")

    class Meta:
        model = Comment
        fields = ["status", "page", "paragraph_key", "outcome"]

    def filter_status(self, queryset, name, value):
        if value == "answered":
            return queryset.filter(state=Comment.State.PUBLISHED).answered()
        if value == "published":
            return queryset.filter(state=Comment.State.PUBLISHED, outcome="")
        return queryset.filter(state=value)


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Reader comments"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "reader-comments"
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = CommentFilterSet
    search_fields = ["text", "author_name", "role"]
    list_per_page = 50
    list_display = [
        "__str__",
        "author_name",
        Column("page_title", label="Essay"),
        Column("paragraph_link", label="Paragraph"),
        Column("get_state_display", label="State"),
        Column("get_outcome_display", label="Answer"),
        DateColumn("created_at", label="Received"),
    ]
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("page", read_only=True),
                    FieldPanel("paragraph_text", read_only=True, heading="Paragraph as it was"),
                    FieldPanel("revision", read_only=True),
                    FieldPanel("text", read_only=True),
                    FieldPanel("author_name", read_only=True),
                    FieldPanel("role", read_only=True),
                    FieldPanel("notify_on_answer", read_only=True),
                    FieldPanel("created_at", read_only=True),
                ],
                heading="The reader's comment",
            ),
            FieldPanel("state"),
            MultiFieldPanel(
                [FieldPanel("outcome"), FieldPanel("reason"), FieldPanel("change_revision")],
                heading="The editors’ answer",
                help_text="Publish the comment, then answer it. Readers see the answer under "
                "their comment and on “You said, we did”.",
            ),
        ],
        base_form_class=CommentAdminForm,
    )

    def get_queryset(self, request):
        queryset = Comment.objects.select_related("page")
        if request.GET.get("status") != "unconfirmed":
            queryset = queryset.in_inbox()
        return queryset


register_snippet(CommentViewSet)


class StateBulkAction(SnippetBulkAction):
    """Sets the state of the chosen comments; only editors who may change comments see it."""

    models = [Comment]
    template_name = "drafting/admin/confirm_bulk_state.html"
    new_state = ""

    def check_perm(self, snippet):
        return self.request.user.has_perm("drafting.change_comment")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_name": self.display_name}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        moderated = [comment for comment in objects if comment.state != cls.new_state]
        num_parent_objects = Comment.objects.filter(
            pk__in=[comment.pk for comment in moderated]
        ).update(state=cls.new_state)
        refresh_comments_search_text(comment.page_id for comment in objects)
        for comment in moderated:
            comment.state = cls.new_state  # as stored; the state it was loaded in is kept
        purge_comment_pages(comment.page_id for comment in moderated if comment.is_or_was_shown)
        return num_parent_objects, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} comment(s) {self.past_tense}."


@hooks.register("register_bulk_action")
class PublishBulkAction(StateBulkAction):
    display_name = "Publish"
    aria_label = "Publish the selected comments"
    action_type = "publish"
    action_priority = 10
    new_state = Comment.State.PUBLISHED
    past_tense = "published"


@hooks.register("register_bulk_action")
class RejectBulkAction(StateBulkAction):
    display_name = "Reject"
    aria_label = "Reject the selected comments"
    action_type = "reject"
    action_priority = 20
    new_state = Comment.State.REJECTED
    past_tense = "rejected"


@hooks.register("after_edit_snippet")
def record_answer(request, instance):
    """Stamp who answered and when, email the reader if they asked, refresh search."""
    if not isinstance(instance, Comment):
        return
    refresh_comments_search_text([instance.page_id])
    if not instance.is_answered:
        return
    if instance.answered_at is None:
        Comment.objects.filter(pk=instance.pk).update(
            answered_at=timezone.now(), answered_by=request.user
        )
        if instance.state == Comment.State.PUBLISHED:
            purge_comment_pages([instance.page_id])  # the answer's date is shown
    if instance.notify_on_answer and instance.answer_emailed_at is None:
        send_answer_email.enqueue(instance.pk)
