from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        # Django's documented place to connect receivers: importing the module does it.
        from search import signals  # noqa: F401
