"""The public forms: subscribe (with a honeypot) and a subscriber's preferences."""

from django import forms
from django.core.cache import cache

from newsletter.models import Subscriber
from people.models import Sector

SECTORS_HELP = "Tick the sectors you want, or none to receive every sector."
SECTOR_CHOICES_KEY = "newsletter:sector-choices"


def sector_choices() -> list[tuple[int, str]]:
    """The sectors in editorial order, kept in the shared cache: the subscribe box on
    every roundup page costs no query."""
    choices = cache.get(SECTOR_CHOICES_KEY)
    if choices is None:
        choices = list(Sector.objects.values_list("pk", "name"))
        cache.set(SECTOR_CHOICES_KEY, choices, None)
    return choices


class SectorsField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", sector_choices)
        kwargs.setdefault("coerce", int)
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "Sectors")
        kwargs.setdefault("help_text", SECTORS_HELP)
        super().__init__(**kwargs)

    def clean(self, value) -> list[Sector]:
        return list(Sector.objects.filter(pk__in=super().clean(value)))


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    sectors = SectorsField()
    essays = forms.BooleanField(required=False, label="Also send me new essays")
    notify_empty = forms.BooleanField(
        required=False,
        label="Tell me when my sectors have nothing that week",
    )
    # Hidden from people by the stylesheet; bots fill in every field they find.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class PreferencesForm(forms.ModelForm):
    sectors = SectorsField()

    class Meta:
        model = Subscriber
        fields = ["sectors", "essays", "notify_empty", "paused"]
        labels = {
            "essays": "Also send me new essays",
            "notify_empty": "Tell me when my sectors have nothing that week",
            "paused": "Pause: send me nothing until I come back here",
        }
        help_texts = {"essays": "", "notify_empty": "", "paused": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["sectors"] = (
            []
            if self.instance.all_sectors
            else [sector.pk for sector in self.instance.sectors.all()]
        )

    def save(self, commit=True):
        subscriber = super().save(commit=False)
        subscriber.all_sectors = not self.cleaned_data["sectors"]
        subscriber.save()
        subscriber.sectors.set(self.cleaned_data["sectors"])
        return subscriber
