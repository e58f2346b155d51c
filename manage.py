#!/usr/bin/env python
"""Django's command-line utility.

The folder site/ holds the project configuration. A package cannot be called
`site` (the standard library's module always wins), so site/ itself goes on the
import path and its modules import as `settings`, `urls` and `wsgi`.
"""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
