"""The officials directory's filters: a plain GET form, so they work without JavaScript."""

from django import forms

from people.models.snippets import Department, Official


class OfficialFilterForm(forms.Form):
    HAS_TWITTER_CHOICES = [("", "Everyone"), ("yes", "Has an account"), ("no", "Has no account")]
    STATUS_CHOICES = [("", "Current and former"), *Official.Status.choices]

    department = forms.ModelChoiceField(
        queryset=Department.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All departments",
    )
    twitter = forms.ChoiceField(
        label="Twitter account", choices=HAS_TWITTER_CHOICES, required=False
    )
    status = forms.ChoiceField(label="In post", choices=STATUS_CHOICES, required=False)

    def filter(self, officials):
        """`officials` narrowed by every filter that was valid; invalid ones are ignored
        (their errors show on the form)."""
        data = self.cleaned_data if self.is_bound else {}
        if data.get("department"):
            officials = officials.filter(department=data["department"])
        if data.get("status") == Official.Status.CURRENT:
            # Someone who has announced they are leaving is still in post.
            officials = officials.exclude(status=Official.Status.FORMER)
        elif data.get("status"):
            officials = officials.filter(status=data["status"])
        return officials

    @property
    def twitter_choice(self) -> str:
        return (self.cleaned_data.get("twitter") or "") if self.is_bound else ""

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)
