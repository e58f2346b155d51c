from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        # Each content app says how its pages and snippets appear as results in its own
        # `search_results` module, registering them with `core.results`.
        autodiscover_modules("search_results")
        # Django's documented place to connect receivers: importing the module does it.
        from search import signals

        signals.connect_document_receivers()
