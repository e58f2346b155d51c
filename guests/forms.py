from django import forms
from django.contrib.auth import get_user_model, password_validation


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
