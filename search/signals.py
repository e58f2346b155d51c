"""Keep what search knows in step with what is live: the documents it ranks
(`search.documents`) and the titles "did you mean" suggests from."""

from django.apps import apps as django_apps
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from drafting.indexing import search_text_changed
from search import documents
from search.models import SearchDocument
from search.suggestions import forget_vocabulary


@receiver(page_published, dispatch_uid="search-document-published")
@receiver(search_text_changed, dispatch_uid="search-document-text-changed")
def index_page(instance, **kwargs) -> None:
    documents.index_object(instance)


@receiver(page_unpublished, dispatch_uid="search-document-unpublished")
def remove_page(instance, **kwargs) -> None:
    documents.remove_object(instance)


def index_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """A profile saved, or a page saved live (a factory, an import) or taken offline.

    A save of a few fields (a revision's bookkeeping) leaves the object in memory
    holding unsaved draft values, so the stored row is read back first, as Wagtail's
    own index does."""
    if raw:
        return
    if update_fields is not None:
        instance = sender._default_manager.filter(pk=instance.pk).first()
        if instance is None:
            return
    documents.index_object(instance)


def remove_deleted(sender, instance, **kwargs) -> None:
    documents.remove_object(instance)


def connect_document_receivers() -> None:
    """Connect the save and delete receivers to the indexed models only (once the content
    apps have registered their kinds): a receiver for every model would cost every other
    bulk delete in the project its fast path."""
    page_models = [model for model in django_apps.get_models() if issubclass(model, Page)]
    for model in [*page_models, *documents.snippet_models()]:
        post_save.connect(index_saved, sender=model, dispatch_uid=f"search-saved-{model._meta}")
    for model in [Page, *documents.snippet_models()]:
        post_delete.connect(
            remove_deleted, sender=model, dispatch_uid=f"search-deleted-{model._meta}"
        )


@receiver(post_migrate, dispatch_uid="search-documents-after-migrate")
def fill_after_migrate(sender, **kwargs) -> None:
    """A database migrated to the documents table gets its documents at once (when the
    search app's turn comes and the table is still empty while pages are live)."""
    if sender.name != "search":
        return
    if not SearchDocument.objects.exists() and Page.objects.live().filter(depth__gt=1).exists():
        documents.rebuild()


# "Did you mean" knows the live titles: forget them when they change.
@receiver(page_published, dispatch_uid="search-vocabulary-published")
@receiver(page_unpublished, dispatch_uid="search-vocabulary-unpublished")
def forget_live_titles(**kwargs) -> None:
    forget_vocabulary()
