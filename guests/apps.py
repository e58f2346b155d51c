from django.apps import AppConfig


class GuestsConfig(AppConfig):
    name = "guests"
    verbose_name = "Guest bloggers"

    def ready(self):
        # Django's documented place to connect receivers: importing the module does it.
        from guests import signals  # noqa: F401
        from guests.visibility import register_page_policy

        # Before any admin view asks the registry for the pages' policy.
        register_page_policy()
