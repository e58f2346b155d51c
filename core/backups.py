"""Backups of the whole site: the database and the media files, in one archive.

An archive (`.tar.gz`) holds `database.dump` (PostgreSQL's custom format, from pg_dump) or
`database.sqlite3` (a consistent copy made with SQLite's online backup), `media/` (every
uploaded file, when media are local files) and `manifest.json` (what is inside). Restoring
replaces the database's contents and the media folder with the archive's. With media on an
object store, the store keeps (and versions) the files itself and only the database is
saved here.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections

MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"


def database() -> dict:
    return settings.DATABASES["default"]


def is_sqlite() -> bool:
    return database()["ENGINE"] == "django.db.backends.sqlite3"


def local_media() -> Path | None:
    """MEDIA_ROOT when uploads are local files, None on an object store."""
    backend = settings.STORAGES["default"]["BACKEND"]
    return Path(settings.MEDIA_ROOT) if backend.endswith("FileSystemStorage") else None


def pg_environment() -> dict:
    """libpq's variables for the configured database: no password on a command line."""
    config = database()
    env = {**os.environ}
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if config.get(key):
            env[variable] = str(config[key])
    return env


def run(command: list[str]) -> None:
    result = subprocess.run(  # noqa: S603 (fixed programs, arguments from settings)
        command, env=pg_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")


def open_sqlite_for_backup() -> sqlite3.Connection:
    """The configured SQLite database, opened read-only, or CommandError.

    sqlite3.connect() creates a missing file, so a backup run with the wrong settings (cron
    without the production environment, a mistyped DATABASE_URL) would otherwise "succeed"
    with an empty database and be discovered only when someone needed to restore it."""
    path = Path(database()["NAME"])
    if not path.is_file():
        raise CommandError(
            f"No SQLite database at {path}: nothing backed up. Check DATABASE_URL and "
            "DJANGO_SETTINGS_MODULE (cron and systemd must load the production environment)."
        )
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    (tables,) = source.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    if not tables:
        source.close()
        raise CommandError(
            f"The SQLite database at {path} is empty (never migrated): nothing backed up."
        )
    return source


def dump_database(folder: Path) -> str:
    if is_sqlite():
        source = open_sqlite_for_backup()
        target = sqlite3.connect(folder / SQLITE_COPY)
        with target:
            source.backup(target)
        source.close()
        target.close()
        return SQLITE_COPY
    run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(folder / PG_DUMP)]
    )
    return PG_DUMP


def load_database(folder: Path, manifest: dict) -> None:
    connections.close_all()
    if manifest["database"] == SQLITE_COPY:
        if not is_sqlite():
            raise CommandError("This backup is of an SQLite database; DATABASE_URL is not one.")
        source = sqlite3.connect(folder / SQLITE_COPY)
        target = sqlite3.connect(database()["NAME"], timeout=30)
        with target:
            source.backup(target)
        source.close()
        target.close()
        return
    if is_sqlite():
        raise CommandError("This backup is of a PostgreSQL database; DATABASE_URL is SQLite.")
    # Replace every table the dump holds, all or nothing: a failure leaves the database as
    # it was.
    run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "-d",
            database()["NAME"],
            str(folder / PG_DUMP),
        ]
    )


def make_backup(output: Path) -> dict:
    """Write the archive to `output`; return its manifest."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        manifest = {
            "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": dump_database(folder),
            "media": False,
        }
        media = local_media()
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / manifest["database"], manifest["database"])
            if media is not None and media.exists():
                archive.add(media, "media")
                manifest["media"] = True
            info = tarfile.TarInfo(MANIFEST)
            data = json.dumps(manifest, indent=2).encode()
            info.size = len(data)
            archive.addfile(info, fileobj=io.BytesIO(data))
        partial.replace(output)  # never leave a half-written archive under the real name
    return manifest


def restore_backup(source: Path) -> dict:
    """Replace the database and media with the archive's; return its manifest."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        with tarfile.open(source, "r:gz") as archive:
            archive.extractall(folder, filter="data")
        manifest = json.loads((folder / MANIFEST).read_text())
        load_database(folder, manifest)
        media = local_media()
        if manifest["media"] and media is not None:
            if media.exists():
                shutil.rmtree(media)
            shutil.copytree(folder / "media", media)
    return manifest
