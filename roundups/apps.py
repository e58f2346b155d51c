from django.apps import AppConfig


class RoundupsConfig(AppConfig):
    name = "roundups"
    verbose_name = "Roundups"

    def ready(self):
        # Django's documented place to connect receivers: importing the module does it.
        from roundups import signals  # noqa: F401
