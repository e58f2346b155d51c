"""Write the search documents (`search.models.SearchDocument`) from pages and profiles.

Every live page is a document, and every profile of a kind the search shows (the
snippet kinds the content apps register in their `search_results` modules). A
document's title is the object's title or name; its body is the text of its other
`search_fields`, read as Wagtail's own index reads them. On
PostgreSQL the row's weighted vector is computed by the database from those two
texts, the title under weight A and the body under B.

The receivers in `search.signals` call `index_object` when a page is published or a
profile saved, and `remove_object` when a page is unpublished or anything deleted;
`manage.py rebuild_search_documents` (and the first `migrate`) rewrite them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Model

from wagtail.models import Page
from wagtail.search import index

from core.results import snippet_kinds
from search.models import SearchDocument

# PostgreSQL's text search configuration: English stemming and stop words.
CONFIG = "english"
TITLE_FIELDS = {"title", "name"}


def search_vector():
    """The document's weighted vector, computed by the database from its own columns."""
    return SearchVector("title", weight="A", config=CONFIG) + SearchVector(
        "body", weight="B", config=CONFIG
    )


def uses_vectors() -> bool:
    return connection.vendor == "postgresql"


def snippet_models() -> list[type[Model]]:
    return [kind.model for kind in snippet_kinds()]


def is_indexed_model(model: type[Model]) -> bool:
    return issubclass(model, Page) or model in snippet_models()


def content_type_id(obj: Model) -> int:
    """The specific type a page was created as, or the profile's own model."""
    if isinstance(obj, Page):
        return obj.content_type_id
    return ContentType.objects.get_for_model(obj).pk


def plain(value) -> str:
    """A search field's value (text, or lists and dicts of it from stream blocks) as text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return " ".join(text for text in map(plain, value) if text)
    return str(value)


def texts(obj: Model) -> tuple[str, str]:
    """(title, body) of an object: its title and name fields, then every other search field,
    each read as Wagtail's own index reads it (blocks' `get_searchable_content` included)."""
    title, body = [], []
    for search_field in obj.get_search_fields():
        if not isinstance(search_field, index.SearchField):
            continue
        text = plain(search_field.get_value(obj)).strip()
        if text:
            (title if search_field.field_name in TITLE_FIELDS else body).append(text)
    return " ".join(title) or str(obj), "\n".join(body)


def document_for(obj: Model) -> SearchDocument:
    title, body = texts(obj)
    return SearchDocument(
        content_type_id=content_type_id(obj), object_id=obj.pk, title=title, body=body
    )


def write(objs: Iterable[Model]) -> int:
    """Insert or replace the documents of these objects; returns how many were written."""
    documents = [document_for(obj) for obj in objs]
    if not documents:
        return 0
    with transaction.atomic():
        SearchDocument.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=["title", "body"],
        )
        if uses_vectors():
            for content_type, ids in _ids_by_type(documents).items():
                SearchDocument.objects.filter(
                    content_type_id=content_type, object_id__in=ids
                ).update(search_vector=search_vector())
    return len(documents)


def _ids_by_type(documents: list[SearchDocument]) -> dict[int, list[int]]:
    by_type: dict[int, list[int]] = {}
    for document in documents:
        by_type.setdefault(document.content_type_id, []).append(document.object_id)
    return by_type


def index_object(obj: Model) -> None:
    """Write the document of a page just published or a profile just saved."""
    if isinstance(obj, Page) and not obj.live:
        remove_object(obj)
        return
    write([obj])


def remove_object(obj: Model) -> None:
    SearchDocument.objects.filter(content_type_id=content_type_id(obj), object_id=obj.pk).delete()


def indexed_objects(chunk_size: int = 500) -> Iterator[list[Model]]:
    """Every live page (as its specific type) and every profile, in chunks."""
    pages = Page.objects.live().order_by("pk").values_list("pk", flat=True)
    ids = list(pages)
    for start in range(0, len(ids), chunk_size):
        yield list(Page.objects.filter(pk__in=ids[start : start + chunk_size]).specific())
    for model in snippet_models():
        objs = list(model._default_manager.order_by("pk"))
        for start in range(0, len(objs), chunk_size):
            yield objs[start : start + chunk_size]


def rebuild(log=None) -> int:
    """Rewrite every document from the pages and profiles; returns how many there are."""
    written = 0
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        for chunk in indexed_objects():
            written += write(chunk)
            if log:
                log(f"{written:,} documents")
    return written
