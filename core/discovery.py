"""Find the optional module each of our apps may contribute (demo content, roles)."""

from collections.abc import Iterator
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps

PROJECT_APPS = (
    "core",
    "drafting",
    "home",
    "people",
    "essays",
    "roundups",
    "guests",
    "search",
    "newsletter",
)


def app_modules(module_name: str) -> Iterator[ModuleType]:
    """Yield `<app>.<module_name>` for each project app that has one, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        if config.name not in PROJECT_APPS:
            continue
        dotted = f"{config.name}.{module_name}"
        if find_spec(dotted) is not None:
            yield import_module(dotted)
