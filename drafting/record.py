"""Placing published comments against a page's paragraphs, for the page and the record.

Everything here works on comments already fetched in one query and on the body the page
already holds, so a page with 500 comments costs the same queries as one with five.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from drafting.anchors import Locator, Paragraph, paragraphs_of
from drafting.diff import word_diff
from drafting.models import Comment


@dataclass
class RemovedParagraph:
    """A paragraph no longer in the page, kept with the comments made on it."""

    text: str
    revision: object
    comments: list = field(default_factory=list)


@dataclass
class PageComments:
    """One page's published comments, placed by paragraph."""

    page: object
    paragraphs: list[Paragraph]
    general: list[Comment] = field(default_factory=list)
    removed: list[RemovedParagraph] = field(default_factory=list)

    @property
    def commented_paragraphs(self) -> list[Paragraph]:
        return [paragraph for paragraph in self.paragraphs if paragraph.comments]

    @property
    def comments(self) -> list[Comment]:
        placed = [c for paragraph in self.paragraphs for c in paragraph.comments]
        return self.general + placed + [c for removed in self.removed for c in removed.comments]

    @property
    def counts(self) -> "Counts":
        return Counts.of(self.comments)


@dataclass
class Counts:
    comments: int = 0
    answered: int = 0
    adopted: int = 0
    partly: int = 0

    @classmethod
    def of(cls, comments) -> "Counts":
        comments = list(comments)
        return cls(
            comments=len(comments),
            answered=sum(1 for comment in comments if comment.is_answered),
            adopted=sum(1 for comment in comments if comment.outcome == Comment.Outcome.ADOPTED),
            partly=sum(1 for comment in comments if comment.outcome == Comment.Outcome.PARTLY),
        )


def body_of(page):
    return getattr(page, page.drafting_body_field, None) or []


def place_comments(page, comments, paragraphs: list[Paragraph] | None = None) -> PageComments:
    """Put each comment under the paragraph it now belongs to, or among removed ones.

    Each comment gains `current_text` (the paragraph as it reads now, None if removed) and,
    for answers that changed the text, `changes`: the word-level difference.
    """
    if paragraphs is None:
        paragraphs = paragraphs_of(body_of(page))
    placed = PageComments(page=page, paragraphs=paragraphs)
    locator = Locator(paragraphs)
    removed: dict[tuple[str, str], RemovedParagraph] = {}
    for comment in comments:
        comment.current_text = None
        comment.paragraph = None
        if not comment.paragraph_key:
            placed.general.append(comment)
        else:
            paragraph = locator.locate(comment.paragraph_key, comment.paragraph_text)
            if paragraph is None:
                key = (comment.paragraph_key, comment.paragraph_text)
                if key not in removed:
                    removed[key] = RemovedParagraph(comment.paragraph_text, comment.revision)
                removed[key].comments.append(comment)
            else:
                paragraph.comments.append(comment)
                comment.paragraph = paragraph
                comment.current_text = paragraph.text
        comment.changes = (
            word_diff(comment.paragraph_text, comment.current_text or "")
            if comment.made_a_change and comment.paragraph_key
            else None
        )
    placed.removed = list(removed.values())
    return placed


@dataclass
class BodyItem:
    """A block of the body as the template prints it: paragraphs with anchors, or as is."""

    block: object
    paragraphs: list[Paragraph]


def body_items(page, paragraphs: list[Paragraph]) -> list[BodyItem]:
    by_block = defaultdict(list)
    for paragraph in paragraphs:
        by_block[paragraph.block_id].append(paragraph)
    return [BodyItem(block, by_block.get(str(block.id), [])) for block in body_of(page)]


@dataclass
class Record:
    """“You said, we did” for a page and the pages under it that take comments."""

    sections: list[PageComments]

    @property
    def counts(self) -> Counts:
        return Counts.of(comment for section in self.sections for comment in section.comments)


def record_for(pages) -> Record:
    pages = list(pages)
    by_page = defaultdict(list)
    for comment in Comment.objects.filter(page__in=[page.pk for page in pages]).for_display():
        by_page[comment.page_id].append(comment)
    return Record(
        sections=[place_comments(page, by_page[page.pk]) for page in pages if by_page.get(page.pk)]
    )
