"""Blocks for long-form bodies, shared by essays and guest posts.

`BodyBlock` is the full set editors use; `GuestBodyBlock` is the restricted set
for guest bloggers: no embeds, no tables, and rich text without raw HTML.
"""

import copy

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import Filter

EDITOR_RICH_TEXT = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]
GUEST_RICH_TEXT = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use sub-headings only under a section heading.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "core/blocks/heading.html"
        preview_value = {"text": "Why open policymaking matters", "level": "h2"}
        description = "A heading that divides the text into sections."


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The quoted words, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text="Who said or wrote it, e.g. “Michael Gove”."
    )

    class Meta:
        icon = "openquote"
        label = "Block quote"
        template = "core/blocks/quote.html"
        preview_value = {
            "quote": "Open policy making will become the default.",
            "attribution": "Civil Service Reform White Paper, June 2012",
        }
        description = "A longer quotation set apart from the text, with who said it."


class ListBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("ul", "Bulleted"), ("ol", "Numbered")], default="ul", label="List style"
    )
    items = blocks.ListBlock(
        blocks.RichTextBlock(features=["bold", "italic", "link"]), label="Items", min_num=1
    )

    class Meta:
        icon = "list-ul"
        label = "List"
        template = "core/blocks/list.html"
        preview_value = {"style": "ul", "items": ["Policy made in secret", "Evidence ignored"]}
        description = "A bulleted or numbered list."


# The renditions figure.html's <picture> asks for (WebP, with JPEG for browsers without
# it, at three widths; transparency filled with the page's paper colour, which JPEG
# needs); fetched with the images so a body of many images costs the same number of
# queries as a body of one. Keep the template's spec and this one the same.
FIGURE_RENDITIONS = Filter.expand_spec("format-{webp,jpeg} width-{400,800,1200} bgcolor-fffdf8")


class FigureImageChooserBlock(ImageChooserBlock):
    """Loads a whole stream's images, with their figure renditions, in two queries.

    It changes how values load, not what is stored, so migrations see the plain chooser
    and no page type's migrations change because of it.
    """

    def deconstruct(self):
        _, args, kwargs = super().deconstruct()
        return ("wagtail.images.blocks.ImageChooserBlock", args, kwargs)

    def bulk_to_python(self, values):
        values = list(values)
        images = self.model_class.objects.prefetch_renditions(*FIGURE_RENDITIONS).in_bulk(
            [value for value in values if value is not None]
        )
        result, seen = [], set()
        for value in values:
            image = images.get(value)
            if image is not None and value in seen:
                image = copy.copy(image)  # one instance per block, as Wagtail does
            seen.add(value)
            result.append(image)
        return result


class FigureBlock(blocks.StructBlock):
    image = FigureImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text="Describe the image for people who cannot see it. Required unless decorative.",
    )
    decorative = blocks.BooleanBlock(
        required=False, help_text="Tick only if the image adds nothing to the text."
    )
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "image"
        label = "Image"
        template = "core/blocks/figure.html"
        description = "An image with alt text and an optional caption."

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Add alt text describing the image, or tick “decorative”."
                    )
                }
            )
        return value


def paragraph_block(features: list[str]) -> blocks.RichTextBlock:
    return blocks.RichTextBlock(
        features=features,
        icon="pilcrow",
        label="Paragraph",
        template="core/blocks/paragraph.html",
        preview_value="<p>Open policymaking lets the people who run services shape policy.</p>",
        description="Text with bold, italic and links.",
    )


class ProseBlock(blocks.StreamBlock):
    """Text, headings, quotes, lists and images: what every body is written with."""

    paragraph = paragraph_block(GUEST_RICH_TEXT)
    heading = HeadingBlock()
    quote = QuoteBlock()
    list = ListBlock()
    image = FigureBlock()


class BodyBlock(ProseBlock):
    """The full body editors write essays with: fuller text formatting, embeds and tables."""

    paragraph = paragraph_block(EDITOR_RICH_TEXT)
    embed = EmbedBlock(
        icon="media",
        label="Embed",
        help_text="The address of a YouTube, Vimeo or similar page.",
        template="core/blocks/embed.html",
        description="A video or other media from another site.",
    )
    table = TableBlock(
        icon="table",
        label="Table",
        template="core/blocks/table.html",
        description="A simple table with an optional header row.",
    )


class GuestBodyBlock(ProseBlock):
    """What guest bloggers write with: text, headings, quotes, lists and images only."""
