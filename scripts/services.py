"""Servers started for a while on loopback by the deployment tests and the load-and-fault
check: Redis, and a PostgreSQL cluster of their own (never the machine's own server).
A missing program raises ServiceMissing, naming what to install."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The host name throwaway deployments answer to (the reverse proxy's Host header).
HOST = "guerilla.test"


class ServiceMissing(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listened on 127.0.0.1:{port} within {timeout} s")


def missing(what: str, hint: str) -> None:
    raise ServiceMissing(f"{what} is not installed ({hint}).")


class RedisServer:
    def __init__(self, directory: Path, port: int | None = None):
        binary = shutil.which("redis-server")
        if binary is None:
            missing("redis-server", "apt-get install redis-server")
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(  # noqa: S603
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def postgres_bin_dir() -> Path | None:
    """Debian's PostgreSQL server binaries (initdb, pg_ctl), newest version first."""
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    return None


class PostgresCluster:
    """A throwaway PostgreSQL cluster in a temporary folder, on a free port, trust auth.

    The folder is outside pytest's (root-only) temporary tree, because under root the
    cluster runs as the postgres user, who must be able to reach it."""

    def __init__(self, port: int | None = None, directory: Path | None = None):
        """A new cluster, or the one already in `directory` (kept between runs)."""
        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            missing("PostgreSQL's server binaries", "apt-get install postgresql")
        self.bin_dir = bin_dir
        self.directory = directory or Path(tempfile.mkdtemp(prefix="guerilla-pg-"))
        self.directory.mkdir(parents=True, exist_ok=True)
        self.data = self.directory / "pgdata"
        self.port = port or free_port()
        self.log = self.directory / "postgres.log"
        self.created = not self.data.exists()
        if self.created:
            initdb = [str(bin_dir / "initdb"), "-D", str(self.data), "-U", "postgres"]
            self.run_as_owner([*initdb, "--auth=trust", "--no-sync", "-E", "UTF8"])
        self.url = self.database_url("postgres")
        self.start()

    def run_as_owner(self, command: list[str]) -> None:
        """PostgreSQL refuses to run as root: run as the directory's owner (postgres)."""
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True)  # noqa: S603

    def pg_ctl(self, *args: str) -> None:
        self.run_as_owner(
            [str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", *args]
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories="
            f"{self.data.parent} -c fsync=off -c full_page_writes=off"
        )
        self.pg_ctl("-o", options, "start")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "stop")

    def remove(self) -> None:
        """Stop the cluster if it runs, and delete its files."""
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def createdb(self, name: str) -> str:
        address = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        self.run_as_owner([str(self.bin_dir / "createdb"), *address, name])
        return self.database_url(name)

    def database_url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


def production_environment(work: Path, database_url: str, redis_url: str) -> dict:
    """The environment the README's Deployment section lists, for a throwaway deployment
    whose media and static files live in `work`, behind one (imagined) reverse proxy."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("TEST_DB_NAME", None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "SECRET_KEY": "a-long-random-secret-for-this-throwaway-deployment-0123456789",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "ALLOWED_HOSTS": HOST,
            "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
            "MEDIA_ROOT": str(work / "media"),
            "STATIC_ROOT": str(work / "static"),
            "TRUSTED_PROXY_COUNT": "1",
            "PYTHON": sys.executable,
        }
    )
    return env
