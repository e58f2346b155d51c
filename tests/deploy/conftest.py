"""The production site as the README's Deployment section runs it: its own PostgreSQL
cluster and Redis on free ports, `scripts/deploy.sh`, the demo content, then gunicorn with
gunicorn.conf.py. Started once for the tests that ask for it; everything is thrown away."""

import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from scripts.services import HOST, production_environment
from tests.servers import free_port, postgres_cluster, redis_server, wait_for_port

CHECKOUT = Path(__file__).resolve().parents[2]


@dataclass
class Reply:
    status: int
    headers: dict
    body: bytes
    cookies: list[str] = field(default_factory=list)  # every Set-Cookie header

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(
    base_url: str,
    path: str,
    headers: dict | None = None,
    timeout: float = 90,
    data: dict | None = None,
) -> Reply:
    """GET `path` (POST `data`, form-encoded) as the reverse proxy would pass it on: our
    host name, over HTTPS."""
    request = urllib.request.Request(  # noqa: S310 (loopback only)
        base_url + path,
        headers={"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})},
        data=urllib.parse.urlencode(data).encode() if data is not None else None,
    )
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return Reply(
                response.status,
                dict(response.headers),
                response.read(),
                response.headers.get_all("Set-Cookie") or [],
            )
    except urllib.error.HTTPError as error:
        return Reply(
            error.code, dict(error.headers), error.read(), error.headers.get_all("Set-Cookie") or []
        )


def run(command: list[str], env: dict, timeout: float = 900) -> str:
    result = subprocess.run(  # noqa: S603
        command, env=env, cwd=CHECKOUT, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


class Gunicorn:
    def __init__(self, env: dict, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": "2"}
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            env=self.env,
            cwd=CHECKOUT,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(self.port, timeout=120)
            self.warm_up()
        except (TimeoutError, OSError):
            self.stop()
            raise AssertionError("gunicorn did not start:\n" + log.read_text()) from None

    def warm_up(self) -> None:
        """Let each worker load its code and render a page once before tests time anything."""
        for _ in range(4):
            fetch(self.url, "/", timeout=300)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def deployment(tmp_path_factory):
    """A deployed site: (gunicorn, environment, PostgreSQL cluster)."""
    tmp = tmp_path_factory.mktemp("deployment")
    postgres = postgres_cluster()
    redis = redis_server(tmp)
    try:
        env = production_environment(tmp, postgres.createdb("guerilla"), redis.url)
        run(["bash", "scripts/deploy.sh"], env)
        run([sys.executable, "manage.py", "load_demo_content"], env)
        server = Gunicorn(env, tmp / "gunicorn.log")
        try:
            yield server, env, postgres
        finally:
            server.stop()
    finally:
        redis.stop()
        postgres.remove()
