from django.apps import AppConfig

from wagtail.signals import page_published


class DraftingConfig(AppConfig):
    name = "drafting"
    verbose_name = "Open drafting"

    def ready(self):
        from drafting.signals import refresh_after_publish  # models must be loaded first

        page_published.connect(refresh_after_publish, dispatch_uid="drafting-search-text")
