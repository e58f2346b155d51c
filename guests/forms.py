from django import forms
from django.contrib.auth import get_user_model, password_validation

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from guests.models.accounts import GuestProfile


class AcceptInvitationForm(forms.Form):
    """What a guest fills in when following an invitation: a username and a password."""

    username = forms.CharField(max_length=150, help_text="You will sign in with this.")
    password1 = forms.CharField(label="Password", strip=False, widget=forms.PasswordInput)
    password2 = forms.CharField(label="Password again", strip=False, widget=forms.PasswordInput)

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        User = get_user_model()
        try:
            User.username_validator(username)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from error
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("That username is taken; please choose another.")
        return username

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords differ.")
        elif first:
            user = get_user_model()(
                username=cleaned.get("username", ""), email=self.invitation.email
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        if self.invitation.blogger is not None and hasattr(
            self.invitation.blogger, "guest_profile"
        ):
            raise forms.ValidationError(
                "This invitation's profile already belongs to another account; "
                "ask the editors for a new invitation."
            )
        return cleaned


class GuestPostForm(WagtailAdminPageForm):
    """Sets the byline from the author's linked profile: guests never choose whose name it bears.

    Also refuses images the author may not choose: the chooser only offers permitted ones,
    but a hand-made POST could name any image's id.
    """

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body is None or self.for_user is None:
            return cleaned
        image_ids = {
            block.value["image"].pk
            for block in body
            if block.block_type == "image" and block.value.get("image") is not None
        }
        if image_ids:
            policy = policy_registry.get_by_type(get_image_model())
            allowed = set(
                policy.instances_user_has_any_permission_for(self.for_user, ["choose"])
                .filter(pk__in=image_ids)
                .values_list("pk", flat=True)
            )
            if image_ids - allowed:
                self.add_error(
                    "body", "Choose images from the collections open to you, such as Guest uploads."
                )
        return cleaned

    @property
    def show_schedule_publishing_toggle(self):
        """Offer "Set schedule" only to those whose form has the schedule's fields."""
        return "go_live_at" in self.fields

    def save(self, commit=True):
        page = super().save(commit=False)
        if page.byline_id is None and self.for_user is not None:
            profile = GuestProfile.objects.filter(user=self.for_user).first()
            if profile is not None:
                page.byline_id = profile.blogger_id
        if commit:
            page.save()
            self.save_m2m()
        return page
