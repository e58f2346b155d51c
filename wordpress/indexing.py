"""Search and reference indexing once per imported object, at the end of the import.

Wagtail indexes a page on every save, and an import saves each page several times
(created, revised, published). During an import each save only notes the object; when
the import ends, each noted object is indexed once. A dry run, rolled back, skips it.
"""

from contextlib import contextmanager

from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler

from django.db.models.signals import post_save

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexed_once(enabled: bool = True):
    touched: dict[tuple[type, int], None] = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            touched[(type(instance), instance.pk)] = None

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(
            remember, sender=model, weak=False, dispatch_uid=f"wp-{model._meta.label}"
        )
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid=f"wp-{model._meta.label}")
            post_save.connect(post_save_signal_handler, sender=model)
    if not enabled:
        return
    for model, pk in touched:
        instance = model._default_manager.filter(pk=pk).first()
        if instance is None:
            continue
        index.insert_or_update_object(instance)
        if ReferenceIndex.is_indexed(model):
            ReferenceIndex.create_or_update_for_object(instance)
