"""Every way the README runs `manage.py` in production loads the production environment
first. Without it `manage.py` falls back to the development settings and an SQLite file in
the checkout: `publish_scheduled` publishes nothing and a backup archives an empty database.
The cron lines are read from the README and the units from deploy/systemd/, so neither can
lose the environment file again without a test failing."""

import re
import subprocess
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
ENV_FILE = "/etc/guerilla-policy.env"
SAMPLE_CHECKOUT = "<checkout>"
LOAD_ENV = f"set -a; . {ENV_FILE}; set +a;"
CRON_SCHEDULE = re.compile(r"^([0-9*/,-]+\s+){5}")
UNITS = sorted((CHECKOUT / "deploy" / "systemd").glob("*.service"))


def readme_cron_lines() -> list[str]:
    """The crontab lines in the README's code blocks (five schedule fields, then a command)."""
    readme = (CHECKOUT / "README.md").read_text()
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", readme, flags=re.DOTALL | re.MULTILINE)
    return [
        line
        for block in blocks
        for line in block.splitlines()
        if CRON_SCHEDULE.match(line) and "manage.py" in line
    ]


def test_the_readme_has_cron_lines_for_the_scheduled_jobs():
    commands = " ".join(readme_cron_lines())
    for job in ("publish_scheduled", "backup", "prune_db_task_results"):
        assert f"manage.py {job}" in commands


@pytest.mark.parametrize("line", readme_cron_lines())
def test_each_cron_line_loads_the_environment_file_before_manage_py(line):
    command = CRON_SCHEDULE.sub("", line)
    assert command.startswith(LOAD_ENV), f"the job must load {ENV_FILE} first: {line}"
    assert command.index(LOAD_ENV) < command.index("manage.py")


def test_the_sample_environment_file_chooses_the_production_settings():
    sample = (CHECKOUT / "deploy" / "guerilla-policy.env.example").read_text()
    assert "DJANGO_SETTINGS_MODULE=settings.production" in sample.splitlines()


def unit(path: Path) -> ConfigParser:
    parser = ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read(path)
    return parser


def test_there_are_units_for_the_web_server_the_worker_and_scheduled_publishing():
    commands = [unit(path)["Service"]["ExecStart"] for path in UNITS]
    assert any("gunicorn -c gunicorn.conf.py" in command for command in commands)
    assert any("manage.py db_worker" in command for command in commands)
    assert any("manage.py publish_scheduled" in command for command in commands)


@pytest.mark.parametrize("path", UNITS, ids=lambda path: path.name)
def test_each_unit_runs_in_the_checkout_with_the_environment_file(path):
    service = unit(path)["Service"]
    assert service.get("EnvironmentFile") == ENV_FILE
    # gunicorn.conf.py and manage.py are found relative to the checkout.
    assert service.get("WorkingDirectory") == SAMPLE_CHECKOUT


@pytest.mark.parametrize("path", sorted((CHECKOUT / "deploy" / "systemd").glob("*.timer")))
def test_each_timer_starts_a_unit_that_exists(path):
    assert path.with_suffix(".service") in UNITS


def test_the_readme_backup_line_uses_the_environment_file_it_loads(tmp_path):
    """Run the README's own backup line with a stand-in environment file naming a database
    that is not there: the refusal names that database, so the file really was read (and
    the checkout's development database was not backed up instead)."""
    (line,) = [line for line in readme_cron_lines() if "manage.py backup" in line]
    missing = tmp_path / "production.sqlite3"
    env_file = tmp_path / "guerilla-policy.env"
    env_file.write_text(
        "DJANGO_SETTINGS_MODULE=settings.production\n"
        "SECRET_KEY='a-long-random-secret-with-$hell-characters-#-0123456789abcdef'\n"
        f"DATABASE_URL=sqlite:///{missing}\n"
        "REDIS_URL=redis://127.0.0.1:1/0\n"
        "ALLOWED_HOSTS=www.example.org\n"
        "WAGTAILADMIN_BASE_URL=https://www.example.org\n"
    )
    command = (
        CRON_SCHEDULE.sub("", line)
        .replace(ENV_FILE, str(env_file))
        .replace(SAMPLE_CHECKOUT, str(CHECKOUT))
        .replace(".venv/bin/python", sys.executable)
    )
    archives_before = set((CHECKOUT / "backups").glob("*"))
    result = subprocess.run(  # noqa: S603
        ["/bin/sh", "-c", command],  # cron's shell
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},  # cron's bare environment
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert f"No SQLite database at {missing}" in result.stderr
    assert not missing.exists()
    assert set((CHECKOUT / "backups").glob("*")) == archives_before
