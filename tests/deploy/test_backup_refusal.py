"""`manage.py backup` refuses, with a message and a failing exit status, to back up an SQLite
database that is not there or holds nothing, instead of archiving an empty file (as it did
when run by cron on the wrong settings)."""

import sqlite3
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]


def backup(database: Path, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "backup", "--output", str(output)],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "settings.dev",
            "DATABASE_URL": f"sqlite:///{database}",
            "MEDIA_ROOT": str(database.parent / "media"),
        },
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_backup_refuses_a_missing_sqlite_database_and_does_not_create_it(tmp_path):
    database = tmp_path / "site.sqlite3"
    result = backup(database, tmp_path / "site.tar.gz")
    assert result.returncode == 1
    assert f"CommandError: No SQLite database at {database}: nothing backed up." in result.stderr
    assert "DJANGO_SETTINGS_MODULE" in result.stderr
    assert not database.exists()
    assert not (tmp_path / "site.tar.gz").exists()


def test_backup_refuses_an_sqlite_database_with_no_tables(tmp_path):
    database = tmp_path / "site.sqlite3"
    sqlite3.connect(database).close()
    result = backup(database, tmp_path / "site.tar.gz")
    assert result.returncode == 1
    assert "is empty (never migrated): nothing backed up" in result.stderr
    assert not (tmp_path / "site.tar.gz").exists()
