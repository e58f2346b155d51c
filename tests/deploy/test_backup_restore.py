"""`make backup` and `make restore` (manage.py backup/restore) round-trip the demo site on
PostgreSQL and on SQLite: every model's row count, the revisions, the reader suggestions
and the bytes of every uploaded image come back as they were."""

import json
import sys
from pathlib import Path

import pytest

from scripts.services import production_environment
from tests.deploy.conftest import fetch, run
from tests.deploy.test_production_from_readme import UPLOAD

pytestmark = pytest.mark.slow

SUGGEST = """
from roundups.models import ReaderSuggestion
ReaderSuggestion.objects.create(
    post_url="https://ermintrude2.example/2012/10/lamb", blog="Ermintrude2",
    reason="A social worker on what ministers should hear.", name="Jo Reader",
)
"""

# What a restore must bring back, as JSON: rows of every model, the revisions' content,
# the suggestions, and a digest of every stored image file.
SNAPSHOT = """
import hashlib, json
from django.apps import apps
from django.core.files.storage import default_storage
from wagtail.images import get_image_model
from wagtail.models import Revision
from roundups.models import ReaderSuggestion
counts = {m._meta.label: m._default_manager.count() for m in apps.get_models()}
files = {}
for image in get_image_model().objects.all():
    for f in [image.file, *(r.file for r in image.renditions.all())]:
        with default_storage.open(f.name) as handle:
            files[f.name] = hashlib.sha256(handle.read()).hexdigest()
print(json.dumps({
    "counts": counts,
    "revisions": sorted(hashlib.sha256(json.dumps(r.content, sort_keys=True).encode()).hexdigest()
                        for r in Revision.objects.all()),
    "suggestions": sorted(ReaderSuggestion.objects.values_list("post_url", "reason", "name")),
    "files": files,
}, sort_keys=True))
"""

DAMAGE = """
from django.core.files.storage import default_storage
from wagtail.images import get_image_model
from wagtail.models import Page
from roundups.models import ReaderSuggestion
ReaderSuggestion.objects.all().delete()
get_image_model().objects.all().delete()
Page.objects.filter(depth__gte=3).first().specific.save_revision()
"""


def shell(env: dict, code: str) -> str:
    return run([sys.executable, "manage.py", "shell", "-c", code], env)


def snapshot(env: dict) -> dict:
    return json.loads(shell(env, SNAPSHOT).strip().splitlines()[-1])


def round_trip(env: dict, archive) -> tuple[dict, dict, dict]:
    """Snapshot, back up, damage, restore: the snapshots before, after damage, after restore."""
    shell(env, UPLOAD)
    shell(env, SUGGEST)
    before = snapshot(env)
    assert before["files"] and before["suggestions"] and before["revisions"]
    run([sys.executable, "manage.py", "backup", "--output", str(archive)], env)
    shell(env, DAMAGE)
    for name in before["files"]:
        (Path(env["MEDIA_ROOT"]) / name).unlink(missing_ok=True)
    damaged = snapshot(env)
    run([sys.executable, "manage.py", "restore", str(archive), "--no-input"], env)
    return before, damaged, snapshot(env)


def test_postgresql_round_trip_of_the_demo_site(deployment, tmp_path):
    server, env, _ = deployment
    before, damaged, restored = round_trip(env, tmp_path / "site.tar.gz")
    assert damaged != before  # the damage was real
    assert restored == before
    assert fetch(server.url, "/").status == 200
    some_image = next(iter(before["files"]))
    assert fetch(server.url, f"/media/{some_image}").status == 200


def test_sqlite_round_trip_of_the_demo_site(tmp_path):
    env = production_environment(
        tmp_path, f"sqlite:///{tmp_path / 'site.sqlite3'}", "redis://unused"
    )
    # One server on SQLite: the development settings, whose cache is the process's own.
    env["DJANGO_SETTINGS_MODULE"] = "settings.dev"
    env.pop("REDIS_URL")
    run([sys.executable, "manage.py", "migrate", "--no-input"], env)
    run([sys.executable, "manage.py", "load_demo_content"], env)
    before, damaged, restored = round_trip(env, tmp_path / "site.tar.gz")
    assert damaged != before
    assert restored == before
