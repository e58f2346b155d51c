"""Model fields several page types share, defined once."""

from wagtail.fields import RichTextField

# Short introductory text: emphasis and links, no headings or lists.
INTRO_FEATURES = ["bold", "italic", "link"]


def introduction_field(help_text: str, **kwargs) -> RichTextField:
    """The optional introduction a page shows above its own content."""
    return RichTextField(features=INTRO_FEATURES, blank=True, help_text=help_text, **kwargs)
