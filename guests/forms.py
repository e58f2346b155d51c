from PIL import Image as PILImage

from django import forms
from django.contrib.auth import get_user_model, password_validation

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


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


DAMAGED_IMAGE = "This image is damaged or incomplete. Export it again and upload the new copy."


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, turning an unreadable image header into a form error.

    Wagtail catches Willow failing to recognise a file, but not Pillow failing part-way
    through a truncated header (OSError), which otherwise becomes a server error.
    """

    def to_python(self, data):
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, ValueError) as error:
            raise forms.ValidationError(DAMAGED_IMAGE, code="damaged_image") from error


class CheckedImageForm(BaseImageForm):
    """Wagtail's image form, refusing damaged or cut-short images with a message.

    Used for every image upload (WAGTAILIMAGES_IMAGE_FORM_BASE): Wagtail reads only an
    image's header; decoding the whole image here catches files that would fail later.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField):
            # Same field, same settings; only the error handling differs.
            field.__class__ = CheckedImageField

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file is None or getattr(file, "content_type", "") == "image/svg+xml":
            return file
        if not hasattr(file, "seek"):
            return file
        try:
            file.seek(0)
            with PILImage.open(file) as image:
                image.load()
        except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as error:
            raise forms.ValidationError(DAMAGED_IMAGE, code="damaged_image") from error
        finally:
            file.seek(0)
        return file
