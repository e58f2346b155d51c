"""Does a page's cost grow with the archive? The same pages timed on the demo site and on
the demo site plus 10,000 essays and 1,000 roundups, in one run.

    make size-bench       (DEMO_DATABASE_URL, BENCH_DATABASE_URL, ROUNDS)

DEMO_DATABASE_URL holds the demo content alone (`make size-bench` prepares it);
BENCH_DATABASE_URL the demo content and the generated archive (as `make bench` prepares
it). Each round renders every page of each site in turn, in a child process with
production settings (no page cache, no Varnish: the cost of rendering), each page once
untimed and then REPEAT times, and keeps the median. The table gives each page's median
over the rounds on each site and the ratio large / demo; the goal is at most 1.5.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
GOAL = 1.5

# Run by `manage.py shell` on one site: finds the pages of each type the way a reader
# would meet them (the newest essay, the latest roundup…) and times their rendering.
TIMING_SCRIPT = """
import json, statistics, time
from django.test import Client
from essays.models import EssayIndexPage, EssayPage, SeriesPage
from people.models import Blogger
from people.models.pages import BloggerIndexPage, OfficialIndexPage
from roundups.models import RoundupIndexPage, RoundupPage

series = SeriesPage.objects.live().filter(numchild__gt=0).first()
directory = BloggerIndexPage.objects.live().first()
blogger = Blogger.objects.order_by("-featured_count", "pk").first()
pages = {
    "home": "/",
    "essay": EssayPage.objects.live().newest_first().first().url,
    "essay index": EssayIndexPage.objects.live().first().url,
    "series part": EssayPage.objects.live().child_of(series).first().url,
    "series page": series.url,
    "roundup": RoundupPage.objects.live().order_by("-week_ending").first().url,
    "roundup archive": RoundupIndexPage.objects.live().first().url,
    "blogger directory": directory.url,
    "blogger profile": directory.url
    + directory.reverse_subpage("blogger", kwargs={"slug": blogger.slug}),
    "officials directory": OfficialIndexPage.objects.live().first().url,
    "search": "/search/?q=policy",
}
client = Client(HTTP_HOST="localhost")
timings = {}
for name, path in pages.items():
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    runs = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        client.get(path)
        runs.append((time.perf_counter() - started) * 1000)
    timings[name] = statistics.median(runs)
print("TIMINGS" + json.dumps(timings))
"""


def production_env(database_url: str, redis_url: str, static_root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "size-bench-" + "x" * 40,
        "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "PAGE_CACHE": "false",
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "ERROR",
        "REDIS_URL": redis_url,
        "WAGTAILADMIN_BASE_URL": "http://localhost",
        "STATIC_ROOT": str(static_root),
    }


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=CHECKOUT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"manage.py {args[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def time_site(env: dict[str, str], repeat: int) -> dict[str, float]:
    output = manage(env, "shell", "-c", TIMING_SCRIPT.replace("REPEAT", str(repeat)))
    return json.loads(output.split("TIMINGS", 1)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("ROUNDS", 3)))
    parser.add_argument("--repeat", type=int, default=20, help="Timed views per page a round.")
    parser.add_argument("--json", default=os.environ.get("SIZE_BENCH_JSON", "size-bench.json"))
    options = parser.parse_args()
    redis = os.environ.get("SIZE_BENCH_REDIS", "redis://127.0.0.1:6379")
    static_root = Path(tempfile.mkdtemp(prefix="size-bench-static-"))
    sites = {  # a Redis database each, so that neither site reads the other's cache
        "demo": production_env(os.environ["DEMO_DATABASE_URL"], f"{redis}/14", static_root),
        "large": production_env(os.environ["BENCH_DATABASE_URL"], f"{redis}/15", static_root),
    }
    manage(sites["demo"], "collectstatic", "--no-input", "-v0")
    results: dict[str, dict[str, list[float]]] = {site: {} for site in sites}
    load = []
    for round_number in range(options.rounds):
        load.append(os.getloadavg())
        for site, env in sites.items():  # interleaved: demo, large, demo, large…
            for page, ms in time_site(env, options.repeat).items():
                results[site].setdefault(page, []).append(ms)
        print(f"round {round_number + 1} of {options.rounds} done, load {os.getloadavg()}")
    print()
    print(f"{'page':<22}{'demo ms':>10}{'large ms':>10}{'large/demo':>12}")
    summary = {}
    for page in results["demo"]:
        demo = statistics.median(results["demo"][page])
        large = statistics.median(results["large"][page])
        summary[page] = {"demo_ms": demo, "large_ms": large, "ratio": large / demo}
        flag = "" if large / demo <= GOAL else f"   over {GOAL}"
        print(f"{page:<22}{demo:>10.1f}{large:>10.1f}{large / demo:>12.2f}{flag}")
    print(f"load average before each round: {load}")
    Path(options.json).write_text(
        json.dumps({"rounds": results, "summary": summary, "load": load}, indent=2)
    )
    print(f"written to {options.json}")


if __name__ == "__main__":
    main()
