"""Page throughput: the app uncached, the app's page cache, Varnish and nginx, side by side.

    make bench            (BENCH_DATABASE_URL, ROUND_SECONDS, ROUNDS, BENCH_JSON)

On a database that already holds the demo content and the generated archive (`make bench`
prepares it), this starts on loopback ports of its own: Redis, gunicorn twice (2 workers,
production settings, persistent connections; one with the page cache off, one with it on),
a task worker, Varnish with deploy/varnish/default.vcl in front of the uncached gunicorn,
and nginx serving a stored copy of each page's HTML. Then wrk drives each server in turn
for each page, in interleaved rounds, and the table gives requests per second, median and
99th-percentile latency, and the ratios to nginx. Last it times, three times each, until
Varnish shows a change: an essay's edit published, the essay unpublished (gone), and a
blogger renamed (on their profile and on a roundup that quotes them). `--changes-only`
times the changes alone. Needs wrk, varnishd, nginx and redis-server
(Debian: apt-get install wrk varnish nginx redis-server).
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BASE_PORT = int(os.environ.get("BENCH_BASE_PORT", "21540"))
PAGES_SCRIPT = """
import json
from essays.models import EssayPage, SeriesPage
from people.models import Blogger
from people.models.pages import BloggerIndexPage, OfficialIndexPage
from roundups.models import RoundupIndexPage, RoundupPage
series = SeriesPage.objects.live().filter(numchild__gt=0).first()
directory = BloggerIndexPage.objects.live().first()
blogger = Blogger.objects.order_by("-featured_count").first()
essay = EssayPage.objects.live().filter(slug__startswith="benchmark-essay-").newest_first().first()
pages = {
    "home": "/",
    "essay": essay.url,
    "series part": EssayPage.objects.live().child_of(series).first().url,
    "series page": series.url,
    # A generated roundup of 20 excerpts (the demo's own weeks may share their slugs).
    "roundup": RoundupPage.objects.live().filter(excerpt_count=20).order_by("-week_ending")[4].url,
    "roundup archive": RoundupIndexPage.objects.live().first().url,
    "blogger profile": directory.url
    + directory.reverse_subpage("blogger", kwargs={"slug": blogger.slug}),
    "officials directory": OfficialIndexPage.objects.live().first().url,
    "search": "/search/?q=policy",
}
# A roundup that quotes the blogger, to see a rename reach it.
quoting = blogger.featured.order_by("-page_date").first().page
print("PAGES" + json.dumps({
    "pages": pages, "essay_id": essay.pk, "blogger_id": blogger.pk, "quoting": quoting.url,
}))
"""
# Each change prints when it started and when its transaction committed.
CHANGE_SCRIPTS = {
    "publish": """
import time
from essays.models import EssayPage
essay = EssayPage.objects.get(pk=ESSAY_ID).get_latest_revision_as_object()
essay.title = MARKER
started = time.time()
essay.save_revision().publish()
print("CHANGED", started, time.time())
""",
    "unpublish": """
import time
from essays.models import EssayPage
essay = EssayPage.objects.get(pk=ESSAY_ID)
started = time.time()
essay.unpublish()
print("CHANGED", started, time.time())
""",
    "republish": """
from essays.models import EssayPage
EssayPage.objects.get(pk=ESSAY_ID).get_latest_revision().publish()
""",
    "rename": """
import time
from people.models import Blogger
blogger = Blogger.objects.get(pk=BLOGGER_ID)
blogger.name = MARKER
started = time.time()
blogger.save()
print("CHANGED", started, time.time())
""",
}


def free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def wait_for(port: int, process: subprocess.Popen, name: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while free(port):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"{name} did not start on port {port}.")
        time.sleep(0.2)


def get(url: str, host: str = "localhost") -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Host": host})  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wrk(url: str, seconds: float, connections: int) -> dict:
    output = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk") or "/usr/bin/wrk",
            "-t2",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            "-H",
            "Host: localhost",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(label: str) -> float:
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


class Stack:
    """Every server of the benchmark, started in order and stopped together."""

    def __init__(self, database_url: str, work: Path):
        self.work = work
        self.processes: list[subprocess.Popen] = []
        self.ports = {
            name: BASE_PORT + offset
            for offset, name in enumerate(["redis", "uncached", "page cache", "varnish", "nginx"])
        }
        for name, port in self.ports.items():
            if not free(port):
                raise SystemExit(f"Port {port} ({name}) is taken: set BENCH_BASE_PORT.")
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "DATABASE_URL": database_url,
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "SECRET_KEY": "bench-" + "x" * 50,
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "WAGTAILADMIN_BASE_URL": "http://localhost",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(work / "static"),
            "CONN_MAX_AGE": "600",
            "VARNISH_PURGE_URL": f"http://127.0.0.1:{self.ports['varnish']}",
            "LOG_LEVEL": "ERROR",
        }

    def start(self, name: str, command: list[str], port: int | None = None, **env) -> None:
        log = open(self.work / f"{name.replace(' ', '-')}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603
            command,
            cwd=CHECKOUT,
            env={**self.env, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        if port:
            wait_for(port, process, name)

    def manage(self, *args: str) -> str:
        return subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *args],
            cwd=CHECKOUT,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def gunicorn(self, name: str, page_cache: bool) -> None:
        self.start(
            name,
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            self.ports[name],
            GUNICORN_BIND=f"127.0.0.1:{self.ports[name]}",
            WEB_CONCURRENCY="2",
            PAGE_CACHE="true" if page_cache else "false",
        )

    def up(self) -> None:
        self.start(
            "redis",
            [
                "redis-server",
                "--port",
                str(self.ports["redis"]),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            self.ports["redis"],
        )
        self.manage("collectstatic", "--no-input", "-v0")
        self.gunicorn("uncached", page_cache=False)
        self.gunicorn("page cache", page_cache=True)
        self.start("worker", [PYTHON, "manage.py", "db_worker", "--interval", "0.05"])
        vcl = self.work / "bench.vcl"
        vcl.write_text(
            re.sub(
                r'\.port = "\d+";',
                f'.port = "{self.ports["uncached"]}";',
                (CHECKOUT / "deploy" / "varnish" / "default.vcl").read_text(),
            )
        )
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        self.start(
            "varnish",
            [varnishd, "-F", "-j", "none", "-n", str(self.work / "varnish"), "-f", str(vcl)]
            + ["-a", f"127.0.0.1:{self.ports['varnish']}", "-s", "malloc,256m"],
            self.ports["varnish"],
        )

    def nginx(self, pages: dict[str, str]) -> None:
        """nginx serving the uncached app's HTML of each page, stored as files."""
        root = self.work / "html"
        for path in pages.values():
            status, body = get(f"http://127.0.0.1:{self.ports['uncached']}{path}")
            if status != 200:
                raise SystemExit(f"{path} answered {status}.")
            target = root / path.split("?")[0].strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
        conf = self.work / "nginx.conf"
        conf.write_text(
            f"""daemon off;
worker_processes 2;
pid {self.work}/nginx.pid;
error_log {self.work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {self.work}/nginx-body;
    proxy_temp_path {self.work}/nginx-proxy;
    fastcgi_temp_path {self.work}/nginx-fastcgi;
    uwsgi_temp_path {self.work}/nginx-uwsgi;
    scgi_temp_path {self.work}/nginx-scgi;
    default_type text/html;
    server {{
        listen 127.0.0.1:{self.ports["nginx"]};
        root {root};
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.start("nginx", [nginx, "-c", str(conf), "-p", str(self.work)], self.ports["nginx"])

    def down(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def time_change(stack: Stack, kind: str, ids: dict, paths: list[str], shown) -> dict:
    """Seconds from the start of a change, and from its commit, until Varnish serves every
    page in `paths` as `shown(status, body, marker)` says the change should look."""
    urls = [f"http://127.0.0.1:{stack.ports['varnish']}{path}" for path in paths]
    for url in urls:
        get(url)  # cached before the change
    marker = f"Edited at {time.time():.3f}"
    script = CHANGE_SCRIPTS[kind].replace("MARKER", repr(marker))
    for name, value in ids.items():
        script = script.replace(name, str(value))
    output = stack.manage("shell", "-c", script)
    started, committed = map(float, re.search(r"CHANGED ([\d.]+) ([\d.]+)", output).groups())
    deadline = time.time() + 30
    waiting = list(urls)
    while waiting:
        if time.time() > deadline:
            return {"from_change": float("inf"), "from_commit": float("inf")}
        waiting = [url for url in waiting if not shown(*get(url), marker)]
        time.sleep(0.01)
    visible = time.time()
    return {"from_change": visible - started, "from_commit": visible - committed}


def time_changes(stack: Stack, found: dict) -> dict:
    """Publish, unpublish and blogger rename, three times each, timed through Varnish."""
    essay = found["pages"]["essay"]
    ids = {"ESSAY_ID": found["essay_id"], "BLOGGER_ID": found["blogger_id"]}
    timings = {"publish": [], "unpublish": [], "rename": []}
    for _ in range(3):
        timings["publish"].append(
            time_change(stack, "publish", ids, [essay], lambda s, body, m: m.encode() in body)
        )
        timings["unpublish"].append(
            time_change(stack, "unpublish", ids, [essay], lambda s, body, m: s == 404)
        )
        stack.manage(
            "shell", "-c", CHANGE_SCRIPTS["republish"].replace("ESSAY_ID", str(ids["ESSAY_ID"]))
        )
        paths = [found["pages"]["blogger profile"], found["quoting"]]
        timings["rename"].append(
            time_change(stack, "rename", ids, paths, lambda s, body, m: m.encode() in body)
        )
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("ROUND_SECONDS", 5)))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("ROUNDS", 2)))
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--json", default=os.environ.get("BENCH_JSON", "bench.json"))
    parser.add_argument(
        "--changes-only", action="store_true", help="Time the changes through Varnish only."
    )
    options = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL") or os.environ["DATABASE_URL"]
    with tempfile.TemporaryDirectory(prefix="page-bench-") as work:
        stack = Stack(database_url, Path(work))
        try:
            stack.up()
            found = json.loads(stack.manage("shell", "-c", PAGES_SCRIPT).split("PAGES", 1)[1])
            pages = found["pages"]
            stack.nginx(pages)
            servers = ["uncached", "page cache", "varnish", "nginx"]
            for server in servers:  # warm every cache and connection before timing
                for path in pages.values():
                    get(f"http://127.0.0.1:{stack.ports[server]}{path}")
            results = {page: {server: [] for server in servers} for page in pages}
            load = []
            for round_number in range(0 if options.changes_only else options.rounds):
                load.append(os.getloadavg())
                for page, path in pages.items():
                    for server in servers:
                        url = f"http://127.0.0.1:{stack.ports[server]}{path}"
                        results[page][server].append(wrk(url, options.seconds, options.connections))
                print(
                    f"round {round_number + 1} of {options.rounds} done, load {os.getloadavg()}",
                    flush=True,
                )
            changes = time_changes(stack, found)
        finally:
            stack.down()
    report(results, changes, load, options)


def report(results: dict, changes: dict, load: list, options) -> None:
    def median(rows: list[dict], key: str) -> float:
        return statistics.median(row[key] for row in rows)

    summary = {}
    header = (
        f"{'page':<20}"
        + "".join(f"{name:>22}" for name in ("uncached", "page cache", "varnish", "nginx"))
        + f"{'unc/nginx':>11}{'cache/nginx':>12}{'varn/nginx':>11}{'cache/unc':>10}"
    )
    print()
    print("req/s (p50 ms / p99 ms), median of rounds")
    print(header)
    for page, by_server in results.items() if not options.changes_only else ():
        row = {
            server: {
                "rps": median(rows, "rps"),
                "p50_ms": median(rows, "p50_ms"),
                "p99_ms": median(rows, "p99_ms"),
                "errors": sum(r["errors"] for r in rows),
            }
            for server, rows in by_server.items()
        }
        nginx = row["nginx"]["rps"]
        row["ratios"] = {
            "uncached/nginx": row["uncached"]["rps"] / nginx,
            "page cache/nginx": row["page cache"]["rps"] / nginx,
            "varnish/nginx": row["varnish"]["rps"] / nginx,
            "page cache/uncached": row["page cache"]["rps"] / row["uncached"]["rps"],
        }
        summary[page] = row
        cells = "".join(
            f"{row[s]['rps']:>8.0f} ({row[s]['p50_ms']:.1f}/{row[s]['p99_ms']:.1f})".rjust(22)
            for s in ("uncached", "page cache", "varnish", "nginx")
        )
        ratios = row["ratios"]
        print(
            f"{page:<20}{cells}{ratios['uncached/nginx']:>11.3f}{ratios['page cache/nginx']:>12.3f}"
            f"{ratios['varnish/nginx']:>11.3f}{ratios['page cache/uncached']:>10.1f}"
        )
    print()
    print("change to visible through Varnish, seconds (from the change / from its commit):")
    for kind, runs in changes.items():
        times = ", ".join(f"{t['from_change']:.2f} / {t['from_commit']:.2f}" for t in runs)
        print(f"  {kind:<10} {times}")
    print(f"load average before each round: {load}")
    Path(options.json).write_text(
        json.dumps(
            {
                "seconds_per_round": options.seconds,
                "rounds": options.rounds,
                "connections": options.connections,
                "load": load,
                "pages": summary,
                "change_to_varnish_seconds": changes,
            },
            indent=2,
        )
    )
    print(f"written to {options.json}")


if __name__ == "__main__":
    main()
