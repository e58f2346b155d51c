from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminPageForm


class EssayPageForm(WagtailAdminPageForm):
    """Refuses a new part once its series has all the parts it plans."""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None or self.parent_page is None:
            return cleaned_data
        parent = self.parent_page.specific
        planned = getattr(parent, "planned_parts", None)
        if planned is not None:
            existing = parent.get_children().count()
            if existing >= planned:
                raise ValidationError(
                    f"“{parent.title}” plans {planned} parts and already has {existing}. "
                    "Raise the number of planned parts on the series first, then add this part."
                )
        return cleaned_data
