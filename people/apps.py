from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People"

    def ready(self):
        # Django's documented place to connect receivers: importing the module does it.
        from people import signals  # noqa: F401
