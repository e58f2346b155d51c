"""SQLite as the embedded database: an editor's Save meeting an autosave of the same page
waits its turn instead of failing with "database is locked" (a 500 in the admin).

Each save reads the page, then writes a revision and updates the page, in one transaction,
as Wagtail's save_revision does. Two of them start together on one database file through the
site's own SQLite settings; with SQLite's default (deferred) transactions the control shows
the collision the settings prevent."""

import threading
import time

import pytest

from django.db import OperationalError
from django.db.utils import ConnectionHandler

from settings.environment import SQLITE_OPTIONS, database_from_url


def save_revision(connections, name: str, start: threading.Barrier, errors: list) -> None:
    """One save, in one transaction begun as `transaction.atomic()` begins it on SQLite
    (atomic() itself works on the site's own connections, not these)."""
    connection = connections["default"]
    start.wait()
    try:
        connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT title FROM page WHERE id = 1")
            cursor.fetchone()
            time.sleep(0.3)  # building the revision's content
            cursor.execute("INSERT INTO revision (page_id, saved_by) VALUES (1, %s)", [name])
            cursor.execute("UPDATE page SET latest = %s WHERE id = 1", [name])
        connection.commit()
    except OperationalError as error:
        errors.append(str(error))
        connection.rollback()
    finally:
        connection.close()


def collide(path, options: dict) -> tuple[list[str], int]:
    config = database_from_url(f"sqlite:///{path}")
    config["OPTIONS"] = options
    connections = ConnectionHandler({"default": config})
    with connections["default"].cursor() as cursor:
        cursor.execute("CREATE TABLE page (id INTEGER PRIMARY KEY, title TEXT, latest TEXT)")
        cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, page_id, saved_by TEXT)")
        cursor.execute("INSERT INTO page (id, title) VALUES (1, 'Ten reasons')")
    connections["default"].close()
    errors: list[str] = []
    start = threading.Barrier(2)
    threads = [
        threading.Thread(target=save_revision, args=(connections, name, start, errors))
        for name in ("editor", "autosave")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM revision")
        saved = cursor.fetchone()[0]
    connections["default"].close()
    return errors, saved


@pytest.fixture
def own_database(django_db_blocker):
    """These connections are to a file of the test's own, not the test database."""
    with django_db_blocker.unblock():
        yield


def test_the_sites_sqlite_settings_use_wal_a_busy_timeout_and_immediate_transactions():
    config = database_from_url("sqlite:///site.db")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 5
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_a_save_and_an_autosave_of_one_page_both_succeed(tmp_path, own_database):
    errors, saved = collide(tmp_path / "site.db", SQLITE_OPTIONS)
    assert errors == []
    assert saved == 2


@pytest.mark.parametrize("journal", ["WAL", "DELETE"])
def test_control_with_deferred_transactions_the_same_saves_collide(tmp_path, own_database, journal):
    deferred = {"init_command": f"PRAGMA journal_mode={journal};", "timeout": 5}
    errors, saved = collide(tmp_path / "site.db", deferred)
    assert errors and "database is locked" in errors[0]
    assert saved == 1
