"""The roundup page's edit form, and the public "Suggest a post" form."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from wagtail.admin.forms import WagtailAdminPageForm

from core.dates import EXAMPLE, FlexibleDateField
from people.models import Blogger, Sector
from roundups.models.suggestions import ReaderSuggestion

# Enough for "a sentence or two", and a bound on what one reader can make editors read.
REASON_MAX_LENGTH = 2000
HONEYPOT_MAX_LENGTH = 200
HONEYPOT_MESSAGE = "This field must be left empty: it catches automated submissions."


class NeverRedisplayed(forms.TextInput):
    """A text input that comes back empty when the form is shown again with errors."""

    def format_value(self, value):
        return None


class SuggestionForm(forms.ModelForm):
    post_url = forms.URLField(
        label="Address of the post",
        max_length=500,
        assume_scheme="https",
        help_text="Copy it from your browser's address bar, e.g. https://example.org/my-post.",
        error_messages={
            "required": "Give the address of the post you are suggesting.",
            "invalid": "Enter the post's full address, e.g. https://example.org/my-post.",
            "max_length": "That address is too long: at most %(limit_value)d characters.",
        },
    )
    # Robots fill every field; people never see this one (hidden by CSS, labelled to leave it).
    # Its length is capped and it is never shown again, so a robot's megabyte is neither
    # cleaned at length nor sent back in the page that refuses it.
    website = forms.CharField(
        required=False,
        max_length=HONEYPOT_MAX_LENGTH,
        label="Leave this field empty",
        widget=NeverRedisplayed(attrs={"autocomplete": "off", "tabindex": "-1"}),
        error_messages={"max_length": HONEYPOT_MESSAGE},
    )

    class Meta:
        model = ReaderSuggestion
        fields = ["post_url", "blog", "reason", "name", "email", "credit"]
        labels = {
            "blog": "Blogger or blog name",
            "reason": "Why it matters",
            "name": "Your name (optional)",
            "email": "Your email (optional)",
            "credit": "You may thank me by name on the roundup",
        }
        help_texts = {
            "blog": "e.g. Ermintrude2, or “Whose Shoes?”.",
            "reason": "A sentence or two on what the post shows about public services.",
            "email": "Only so we can reply; never published or shared.",
            "credit": "We print “suggested by” and your name under the excerpt.",
        }
        error_messages = {
            "blog": {
                "required": "Tell us whose blog it is.",
                "max_length": "Keep the blogger or blog name under %(limit_value)d characters "
                "(it has %(show_value)d).",
            },
            "reason": {
                "required": "Tell us in a sentence why the post matters.",
                "max_length": "Keep it to a sentence or two: at most %(limit_value)d characters "
                "(it has %(show_value)d).",
            },
            "name": {
                "max_length": "Keep your name under %(limit_value)d characters "
                "(it has %(show_value)d).",
            },
            "email": {
                "invalid": "Enter a valid email address, or leave it empty.",
                "max_length": "That email address is too long: at most %(limit_value)d characters.",
            },
        }
        widgets = {"reason": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # The model keeps any length of text; the public form does not.
        reason = self.fields["reason"]
        reason.max_length = REASON_MAX_LENGTH
        reason.validators.append(MaxLengthValidator(REASON_MAX_LENGTH))
        reason.widget.attrs["maxlength"] = str(REASON_MAX_LENGTH)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(HONEYPOT_MESSAGE)
        return ""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("credit") and not (cleaned_data.get("name") or "").strip():
            self.add_error("name", "Give your name if you would like to be thanked by name.")
        return cleaned_data


class RoundupPageForm(WagtailAdminPageForm):
    """The slug is derived from the week ending unless the editor types one; one per week."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields[
                "slug"
            ].help_text = (
                "Leave blank to use the week-ending date, e.g. week-ending-19-october-2012."
            )

    def clean(self):
        cleaned_data = super().clean()
        week_ending = cleaned_data.get("week_ending")
        if week_ending and self.parent_page is not None:
            roundups = type(self.instance).objects.child_of(self.parent_page)
            clash = roundups.filter(week_ending=week_ending)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            existing = clash.first()
            if existing is not None:
                self.add_error("week_ending", week_taken_message(existing))
        return cleaned_data


def week_taken_message(existing) -> str:
    """The week's roundup already exists: name it and link it. When it is a draft never
    published nor sent for review (most often an autosave left behind, perhaps by this very
    editor), carrying on in it is the likely wish, so that is the main action, with
    deleting it offered beside."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[existing.pk])
    if existing.first_published_at is not None or existing.workflow_in_progress:
        return format_html(
            'There is already a roundup for this week, “{}”: <a href="{}">edit that one</a> '
            "instead.",
            existing.title,
            edit_url,
        )
    edited = existing.latest_revision_created_at
    owner = existing.owner
    owner_name = (owner.get_full_name() or owner.get_username()) if owner else ""
    return format_html(
        "There is already a draft roundup for this week, “{}” (never published{}{}). "
        '<a class="button button-small" href="{}">Continue in that draft</a> '
        'or, if it was left behind, <a href="{}">delete it</a> and save this one again.',
        existing.title,
        f", last saved {date_format(timezone.localtime(edited), 'j F Y, H:i')}" if edited else "",
        f", started by {owner_name}" if owner_name else "",
        edit_url,
        reverse("wagtailadmin_pages:delete", args=[existing.pk]),
    )


class SuggestionExcerptForm(forms.Form):
    """The excerpt a suggestion becomes, checked by the editor before it joins the draft.

    Every field may stay empty (the draft is finished in the roundup's editor); the page's
    script fills them from the post's address, as in the roundup's own excerpt blocks.
    """

    prefix = "excerpt"

    url = forms.URLField(label="Post address", required=False, assume_scheme="https")
    title = forms.CharField(label="Title", required=False, max_length=255)
    author = forms.CharField(
        label="Written by (if not the blogger)", required=False, max_length=200
    )
    posted_on = FlexibleDateField(
        label="Date posted",
        required=False,
        help_text=f"When the post was published, {EXAMPLE}.",
        widget=forms.TextInput(attrs={"placeholder": "e.g. 19/10/2012"}),
    )
    blogger = forms.ModelChoiceField(Blogger.objects.all(), required=False)
    sector = forms.ModelChoiceField(
        Sector.objects.all(),
        required=False,
        help_text="Leave blank to use the blogger's first sector.",
    )
    quote = forms.CharField(
        label="Quoted passage",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The words quoted from the post, without quotation marks.",
    )
