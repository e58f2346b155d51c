from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Development tooling: `manage.py search_benchmark`. Installed by the dev and test
    settings only, never in production."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
