from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from search.suggestions import forget_vocabulary

        # "Did you mean" knows the live titles: forget them when they change.
        page_published.connect(forget_vocabulary, dispatch_uid="search-vocabulary-published")
        page_unpublished.connect(forget_vocabulary, dispatch_uid="search-vocabulary-unpublished")
