"""The project stands on its own: a clone in any folder has everything its tests read, and
no file of it names a path on the machine it was written on."""

import hashlib
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

# Folders where a machine keeps people's and projects' files, as opposed to the system's
# own (/usr/bin/chromium, /etc/postgresql), which scripts may name. A relative path that
# climbs out of the checkout is as bad: a clone has nothing beside it.
OUTSIDE = re.compile(
    r"(?<![\w.~$:/-])/(?:work|home|Users|root|tmp|srv|mnt|opt|var|private)/"
    r"|(?<![\w.])\.\.[/\\]"
)


def tracked_files() -> list[Path]:
    """Every file under version control; without git (an unpacked archive), every file
    outside the virtual environment, caches and local data."""
    try:
        # git from PATH with fixed arguments: nothing untrusted reaches the command.
        command = ["git", "ls-files", "-z"]  # noqa: S607
        listed = subprocess.run(command, cwd=ROOT, capture_output=True, check=True)  # noqa: S603
        return [ROOT / name for name in listed.stdout.decode().split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "node_modules", "media", "static_collected", "__pycache__"}
        return [
            path
            for path in ROOT.rglob("*")
            if path.is_file() and not skip.intersection(path.relative_to(ROOT).parts)
        ]


def outside_paths(text: str) -> list[str]:
    """The lines of `text` that name a path outside the repository."""
    return [line.strip() for line in text.splitlines() if OUTSIDE.search(line)]


@pytest.mark.parametrize(
    "line",
    [
        # Assembled here so that this file itself names no outside path.
        'SEED = Path("' + "/".join(["", "work", "shared", "seed", "posts.txt"]) + '")',
        "open('" + "/".join(["..", "shared", "fixtures", "blns.txt"]) + "')",
        "cd /home/someone/guerilla && make run",
        "see ..\\shared\\strings",
    ],
)
def test_a_path_outside_the_repository_is_noticed(line):
    assert outside_paths(line) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "if [ ! -x /usr/bin/chromium ]; then",
        "Path(__file__).resolve().parent / 'fixtures'",
        "DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres",
        "<a href='/roundups/feed/'>",
    ],
)
def test_system_paths_urls_and_relative_paths_inside_are_not_flagged(line):
    assert outside_paths(line) == []


def test_no_project_file_names_a_path_outside_the_repository():
    found = []
    for path in tracked_files():
        relative = path.relative_to(ROOT)
        # Fixtures are material under test (the naughty strings hold path traversals), and
        # this module spells the patterns it looks for.
        if relative.parts[:2] == ("tests", "fixtures") or path == Path(__file__).resolve():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        found += [f"{relative}: {line}" for line in outside_paths(text)]
    assert found == [], "paths outside the repository:\n" + "\n".join(found)


def test_every_fixture_is_listed_in_the_readme_with_its_checksum():
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    fixtures = [p for p in FIXTURES.rglob("*") if p.is_file() and p.name != "README.md"]
    assert fixtures
    for path in fixtures:
        relative = path.relative_to(FIXTURES).as_posix()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        row = next((line for line in readme.splitlines() if line.startswith(f"| {relative} ")), "")
        assert row, f"{relative} has no row in tests/fixtures/README.md"
        assert digest in row, f"{relative} differs from the copy the README describes"
