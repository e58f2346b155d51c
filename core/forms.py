"""Forms the whole site uses."""

from PIL import Image as PILImage

from django import forms

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

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
