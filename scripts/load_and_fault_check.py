"""A load-and-fault check anyone can run (not a test): the production site under bounded load
on loopback while its PostgreSQL restarts in the middle.

    .venv/bin/python scripts/load_and_fault_check.py [--seconds 60] [--clients 8]

It starts everything it uses on 127.0.0.1 and stops it afterwards: a PostgreSQL cluster of
its own (never the machine's server), Redis, and gunicorn with gunicorn.conf.py on
production settings, after `scripts/deploy.sh` and the demo content. Then clients read
public pages (from the sitemap) and search, and post reader suggestions, each from its own
forwarded address, as readers behind the reverse proxy would. A third of the way in,
PostgreSQL is stopped for --outage seconds and started again.

It prints the responses by status (before, during and after the outage), how long after
PostgreSQL was back the site answered again, and whether every suggestion that was
accepted is in the database. With --data DIR the cluster and its demo site are kept in DIR,
so later runs start in seconds; without it they live in a temporary folder (a whole
PostgreSQL cluster, media and gunicorn's log), removed at the end unless --keep is given.
Load stays on this machine, bounded in time and count.
"""

import argparse
import collections
import http.cookiejar
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))

from scripts.services import (  # noqa: E402
    HOST,
    PostgresCluster,
    RedisServer,
    production_environment,
    wait_for_port,
)

SEARCHES = ["policy", "social care", "nhs", "consultation", "frontline bloggers", "dementia"]
MAX_REQUESTS = 200_000


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = collections.Counter()  # (phase, kind, status)
        self.accepted: list[str] = []
        self.phase = "before"

    def record(self, kind: str, status: int) -> None:
        with self.lock:
            self.statuses[(self.phase, kind, status)] += 1

    def total(self) -> int:
        return sum(self.statuses.values())


class BehindTheProxy(http.cookiejar.DefaultCookiePolicy):
    """The reverse proxy ends TLS, so the site marks its cookies Secure (the CSRF cookie
    among them) while the proxy talks plain HTTP on loopback: send them back anyway."""

    def return_ok_secure(self, cookie, request):
        return True


def client(base: str, forwarded_for: str):
    """An opener that sends what the reverse proxy would, keeping cookies."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(policy=BehindTheProxy())),
        NoRedirect,
    )
    headers = {
        "Host": HOST,
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": forwarded_for,
        "Origin": f"https://{HOST}",
        "Referer": f"https://{HOST}/",
    }

    def request(path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(base + path, data=body, headers=headers)  # noqa: S310
        try:
            with opener.open(req, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")
        except (OSError, urllib.error.URLError):
            return 0, ""  # no answer at all

    return request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def suggest(request, results: Results) -> None:
    status, html = request("/roundups/suggest-a-post/")
    results.record("suggestion form", status)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if status != 200 or token is None:
        return
    marker = uuid.uuid4().hex
    status, _ = request(
        "/roundups/suggest-a-post/",
        {
            "csrfmiddlewaretoken": token.group(1),
            "post_url": f"https://frontline.example/{marker}",
            "blog": "Load check",
            "reason": f"Checking that nothing accepted is lost ({marker}).",
            "website": "",
        },
    )
    results.record("suggestion sent", status)
    if status == 302:
        with results.lock:
            results.accepted.append(marker)


def reader(number: int, base: str, pages: list[str], deadline: float, results: Results):
    rng = random.Random(number)  # noqa: S311 (a load pattern, not a secret)
    sent = 0
    while time.monotonic() < deadline and results.total() < MAX_REQUESTS:
        # Each reader's own address, changed after four suggestions (the limit is five).
        request = client(base, f"198.51.{number}.{sent // 4 % 250 + 1}")
        roll = rng.random()
        if roll < 0.1:
            suggest(request, results)
            sent += 1
        elif roll < 0.3:
            query = urllib.parse.quote(rng.choice(SEARCHES))
            results.record("search", request(f"/search/?q={query}")[0])
        else:
            results.record("page", request(rng.choice(pages))[0])


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        env=env,
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare(postgres: PostgresCluster, redis: RedisServer, work: Path) -> dict:
    env = production_environment(work, postgres.database_url("guerilla"), redis.url)
    if postgres.created:
        postgres.createdb("guerilla")
        print("Deploying and loading the demo content (once per --data folder)…", flush=True)
        deploy = ["bash", str(CHECKOUT / "scripts" / "deploy.sh")]
        subprocess.run(deploy, env=env, cwd=CHECKOUT, check=True, capture_output=True)  # noqa: S603,S607
        manage(env, "load_demo_content")
    return env


def accepted_in_database(env: dict, markers: list[str]) -> set[str]:
    code = (
        "import json\nfrom roundups.models import ReaderSuggestion\n"
        "urls = ReaderSuggestion.objects.filter(blog='Load check')"
        ".values_list('post_url', flat=True)\n"
        "print(json.dumps([u.rsplit('/', 1)[-1] for u in urls]))"
    )
    found = json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])
    return set(found) & set(markers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="length of the load")
    parser.add_argument("--clients", type=int, default=8, help="concurrent readers")
    parser.add_argument("--outage", type=float, default=5, help="seconds PostgreSQL is down")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--port", type=int, default=31310, help="first of three loopback ports")
    parser.add_argument("--data", type=Path, help="keep the cluster and media here between runs")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="without --data, keep the temporary folder (cluster, media, gunicorn.log)",
    )
    options = parser.parse_args()

    work = options.data or Path(tempfile.mkdtemp(prefix="guerilla-load-"))
    temporary = options.data is None
    work.mkdir(parents=True, exist_ok=True)
    work.chmod(0o755)  # under root the cluster runs as postgres, who must reach its folder
    postgres = PostgresCluster(port=options.port, directory=work / "postgres")
    redis = RedisServer(work, port=options.port + 1)
    gunicorn = None
    try:
        env = prepare(postgres, redis, work)
        env.update(
            {
                "GUNICORN_BIND": f"127.0.0.1:{options.port + 2}",
                "WEB_CONCURRENCY": str(options.workers),
            }
        )
        gunicorn = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            env=env,
            cwd=CHECKOUT,
            stdout=subprocess.DEVNULL,
            stderr=(work / "gunicorn.log").open("wb"),
        )
        wait_for_port(options.port + 2, timeout=120)
        base = f"http://127.0.0.1:{options.port + 2}"
        sitemap = client(base, "198.51.0.1")("/sitemap.xml")[1]
        pages = [
            urllib.parse.urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)
        ]
        print(
            f"{len(pages)} public pages; {options.clients} clients for {options.seconds:.0f} s; "
            f"PostgreSQL down for {options.outage:.0f} s from {options.seconds / 3:.0f} s."
        )

        results = Results()
        start = time.monotonic()
        deadline = start + options.seconds
        threads = [
            threading.Thread(target=reader, args=(n + 1, base, pages, deadline, results))
            for n in range(options.clients)
        ]
        for thread in threads:
            thread.start()
        time.sleep(options.seconds / 3)
        results.phase = "during"
        postgres.stop()
        time.sleep(options.outage)
        postgres.start()
        back = time.monotonic()
        probe = client(base, "198.51.0.2")
        while probe("/")[0] != 200 and time.monotonic() < deadline + 60:
            time.sleep(0.05)
        recovered = time.monotonic() - back
        results.phase = "after"
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - start

        report(results, elapsed, recovered, env, work)
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        redis.stop()
        if temporary and not options.keep:
            postgres.remove()  # stops the cluster, then deletes its data directory
            shutil.rmtree(work, ignore_errors=True)
        else:
            postgres.stop()
            print(f"Kept the cluster, media and gunicorn.log in {work}")


def report(results: Results, elapsed: float, recovered: float, env: dict, work: Path) -> None:
    total = results.total()
    print(f"\n{total} requests in {elapsed:.1f} s ({total / elapsed:.0f}/s)")
    for phase in ("before", "during", "after"):
        by_status = collections.Counter()
        for (p, _, status), count in results.statuses.items():
            if p == phase:
                by_status[status] += count
        shown = ", ".join(
            f"{status or 'no answer'}: {n}" for status, n in sorted(by_status.items())
        )
        print(f"  {phase:>6} the outage: {shown}")
    errors = collections.Counter()
    for (_, kind, status), count in results.statuses.items():
        if status >= 400 or status == 0:
            errors[(kind, status)] += count
    print(
        "Errors by kind and status:",
        ", ".join(
            f"{kind} {status or 'no answer'}: {n}" for (kind, status), n in sorted(errors.items())
        )
        or "none",
    )
    print(f"Answered 200 again {recovered:.2f} s after PostgreSQL was back.")
    found = accepted_in_database(env, results.accepted)
    missing = len(results.accepted) - len(found)
    print(
        f"Suggestions accepted: {len(results.accepted)}; in the database: {len(found)}; "
        f"missing: {missing}."
    )
    log = (work / "gunicorn.log").read_text(errors="replace")
    print(
        f"Log: {log.count('Database unavailable')} outage line(s), "
        f"{log.count('Traceback')} traceback(s)."
    )
    if missing:
        sys.exit(1)


if __name__ == "__main__":
    main()
