from django.apps import AppConfig


class GuestsConfig(AppConfig):
    name = "guests"
    verbose_name = "Guest bloggers"

    def ready(self):
        from guests.visibility import register_page_policy

        # Before any admin view asks the registry for the pages' policy.
        register_page_policy()
