from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published


class DraftingConfig(AppConfig):
    name = "drafting"
    verbose_name = "Open drafting"

    def ready(self):
        # Models must be loaded first.
        from drafting.models import Comment
        from drafting.signals import purge_after_comment_change, refresh_after_publish

        page_published.connect(refresh_after_publish, dispatch_uid="drafting-search-text")
        for signal, uid in (
            (post_save, "drafting-purge-saved"),
            (post_delete, "drafting-purge-deleted"),
        ):
            signal.connect(purge_after_comment_change, sender=Comment, dispatch_uid=uid)
