from django.apps import AppConfig


class RoundupsConfig(AppConfig):
    name = "roundups"
    verbose_name = "Roundups"

    def ready(self):
        from roundups import signals  # noqa: F401 - connects the receivers
