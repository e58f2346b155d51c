"""The excerpt block: one quoted post from a frontline blogger, with the editor's comment.

A roundup holds two streams of these (this week's excerpts and "previous reads").
Derived values (the sector an excerpt files under, the blogger's profile link,
the byline) come from `ExcerptValue`, so templates only print.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from core.dates import EXAMPLE, FlexibleDateBlock

COMMENTARY_FEATURES = ["bold", "italic", "link"]


def excerpt_anchor(block_id: str | None) -> str:
    """The fragment an excerpt is reachable at on its roundup: stable while the block exists."""
    return f"excerpt-{block_id}" if block_id else ""


class ExcerptValue(blocks.StructValue):
    """An excerpt's stored fields plus what the page derives from them."""

    @cached_property
    def effective_sector(self):
        """The sector the excerpt files under: the one chosen, else the blogger's first.
        (Callers fetch the bloggers' sectors in bulk first: see `excerpts_of`.)"""
        if self.get("sector") is not None:
            return self["sector"]
        blogger = self.get("blogger")
        return blogger.default_sector if blogger is not None else None

    @property
    def blogger_url(self) -> str:
        """The blogger's profile on this site."""
        blogger = self.get("blogger")
        return blogger.get_absolute_url() if blogger is not None else ""

    @property
    def source_name(self) -> str:
        """What the excerpt is "From": the blog's name when it has one, else the blogger's."""
        blogger = self.get("blogger")
        if blogger is None:
            return ""
        return blogger.blog_name or blogger.name

    @property
    def heading(self) -> str:
        """The post's title, or failing that the source, so every excerpt has a heading."""
        return self.get("title") or f"From {self.source_name}"


class ExcerptBlock(blocks.StructBlock):
    """One quoted post. `recent_only` blocks (this week's excerpts) reject future dates."""

    title = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text="The post's title as the blog gives it. Leave blank if it has none.",
    )
    url = blocks.URLBlock(
        label="Post address", help_text="The address of the original post, starting https://."
    )
    blogger = SnippetChooserBlock(
        "people.Blogger",
        help_text="Whose blog it is. Add them under Snippets › Bloggers first if they are new.",
    )
    author = blocks.CharBlock(
        required=False,
        max_length=200,
        label="Written by (if not the blogger)",
        help_text="For guest posts: who wrote it, e.g. “Laura Robinson” or “@craig2383”.",
    )
    posted_on = FlexibleDateBlock(
        label="Date posted", help_text=f"When the post was published, {EXAMPLE}."
    )
    quote = blocks.TextBlock(
        label="Quoted passage",
        help_text="The words quoted from the post, without quotation marks.",
    )
    commentary = blocks.RichTextBlock(
        features=COMMENTARY_FEATURES,
        help_text="Your paragraph introducing the post and why it matters.",
    )
    sector = SnippetChooserBlock(
        "people.Sector",
        required=False,
        help_text="The sector heading it appears under. Leave blank to use the blogger's "
        "first sector.",
    )
    suggested_by = blocks.CharBlock(
        required=False,
        max_length=120,
        label="Suggested by",
        help_text="The reader who suggested this post, shown as “suggested by …”. Only fill "
        "this in when they agreed to be named.",
    )

    class Meta:
        icon = "openquote"
        label = "Excerpt"
        template = "roundups/blocks/excerpt.html"
        value_class = ExcerptValue
        form_classname = "struct-block excerpt-block"
        description = "A quoted passage from a frontline blog post, with your commentary."
        preview_value = {
            "title": "What I would say to Norman Lamb",
            "url": "https://example.org/what-i-would-say-to-norman-lamb",
            "posted_on": "2012-10-18",
            "quote": "So take your pleasantries and policy ideas and come and spend a day "
            "with me in the community.",
            "commentary": "<p>A social worker on what ministers should hear.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        posted_on = value.get("posted_on")
        if isinstance(posted_on, date) and posted_on > timezone.localdate():
            raise StructBlockValidationError(
                block_errors={
                    "posted_on": ValidationError(
                        "This date is in the future: check the post's date."
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["anchor"] = excerpt_anchor((parent_context or {}).get("id"))
        return context

    def get_searchable_content(self, value):
        content = super().get_searchable_content(value)
        blogger = value.get("blogger")
        if blogger is not None:
            content += [text for text in (blogger.name, blogger.blog_name) if text]
        return content


class ExcerptStreamBlock(blocks.StreamBlock):
    excerpt = ExcerptBlock()
