"""The reader's comment form, and the editors' moderation-and-answer form."""

from django import forms
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Revision

from drafting.models import COMMENT_MAX_LENGTH, Comment

WHOLE_ESSAY = ""


class CommentForm(forms.ModelForm):
    """What a reader fills in. `website` is a trap: people never see it, naive bots fill it."""

    paragraph = forms.ChoiceField(
        label="What are you commenting on?", required=False, choices=[(WHOLE_ESSAY, "")]
    )
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    consent_to_publish = forms.BooleanField(
        required=True,
        label="I agree that my comment, name and role may be published on this site",
        error_messages={"required": "We can only take comments we may publish: tick the box."},
    )

    class Meta:
        model = Comment
        fields = ["text", "author_name", "role", "email", "notify_on_answer", "consent_to_publish"]
        labels = {
            "text": "Your comment",
            "author_name": "Your name",
            "role": "Your role (optional)",
            "email": "Your email address",
            "notify_on_answer": "Email me when the editors answer my comment",
        }
        help_texts = {
            "text": f"Plain text, up to {COMMENT_MAX_LENGTH:,} characters.",
            "author_name": "Shown with your comment. A pseudonym is fine.",
            "role": "Shown with your comment, e.g. “social worker”, “service user”, “head "
            "teacher”.",
            "email": "Never shown. We send a link to confirm your first comment, and tell you "
            "of the answer if you ask.",
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}

    field_order = [
        "paragraph",
        "text",
        "author_name",
        "role",
        "email",
        "notify_on_answer",
        "consent_to_publish",
        "website",
    ]

    def __init__(self, *args, paragraphs=(), whole_label="The whole essay", **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["notify_on_answer"].help_text = "Once, when they answer."
        self.paragraphs = {paragraph.key: paragraph for paragraph in paragraphs}
        self.fields["paragraph"].choices = [(WHOLE_ESSAY, whole_label)] + [
            (paragraph.key, f"Paragraph {paragraph.number}: {paragraph.excerpt}")
            for paragraph in paragraphs
        ]
        for name in ("text", "author_name", "email"):
            self.fields[name].required = True
        self.fields["text"].widget.attrs["maxlength"] = COMMENT_MAX_LENGTH

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Write your comment.")
        return text

    @property
    def is_trap_filled(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def chosen_paragraph(self):
        return self.paragraphs.get(self.cleaned_data.get("paragraph") or WHOLE_ESSAY)


class RevisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, revision: Revision) -> str:
        by = f" by {revision.user.get_full_name() or revision.user}" if revision.user else ""
        when = timezone.localtime(revision.created_at)
        return f"Revision {revision.pk}, {when:%-d %B %Y %H:%M}{by}"


class CommentAdminForm(WagtailAdminModelForm):
    """The edit form in the inbox: revisions to link are only this comment's page's revisions."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("change_revision")
        if field is not None:
            page_id = self.instance.page_id
            self.fields["change_revision"] = RevisionChoiceField(
                queryset=Revision.page_revisions.filter(object_id=str(page_id))
                .defer("content")
                .select_related("user")
                .order_by("-created_at"),
                required=False,
                label=field.label,
                help_text=field.help_text,
            )
