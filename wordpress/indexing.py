"""The reference index once per imported object, at the end of the import.

Wagtail rewrites an object's references (images, snippets, pages it uses) on every save,
and an import saves each page several times (created, revised, published). During an
import each save only notes the object; when the import ends, each is indexed once. A dry
run, rolled back, skips it. (Search indexing stays on Wagtail's own signals.)
"""

from contextlib import contextmanager

from django.db.models.signals import post_save

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexed_once(enabled: bool = True):
    touched: dict[tuple[type, int], None] = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and ReferenceIndex.is_indexed(type(instance)):
            touched[(type(instance), instance.pk)] = None

    post_save.connect(remember, weak=False, dispatch_uid="wordpress-import-references")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="wordpress-import-references")
    if not enabled:
        return
    for model, pk in touched:
        instance = model._default_manager.filter(pk=pk).first()
        if instance is not None:
            ReferenceIndex.create_or_update_for_object(instance)
