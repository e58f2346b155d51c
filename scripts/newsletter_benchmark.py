"""Benchmark: mail one roundup to N generated subscribers through a local SMTP sink.

    .venv/bin/python scripts/newsletter_benchmark.py --subscribers 50000 --runs 3

Builds a throwaway SQLite database (or uses DATABASE_URL) with the demo content and N
subscribers choosing sectors at random, starts an SMTP sink on loopback in its own
process, then for each run starts a fresh sending process that mails the demo roundup
to the first N subscribers over real SMTP through the task worker (`db_worker`), and
prints messages per second and the worker's peak memory (RSS). Memory must not grow
with the subscriber count, so it also runs a tenth of the list for comparison. Not part
of the test suite.
"""

import argparse
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SINK = """
import asyncio, signal, sys
from aiosmtpd.controller import Controller

class Count:
    received = 0
    async def handle_DATA(self, server, session, envelope):
        Count.received += 1
        return "250 OK"

controller = Controller(Count(), hostname="127.0.0.1", port=int(sys.argv[1]))
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
controller.start()
print("ready", flush=True)
signal.sigwait({signal.SIGTERM, signal.SIGINT})
controller.stop()
print(Count.received, flush=True)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def setup_django() -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    import django

    django.setup()


def build(subscribers: int) -> None:
    """Migrate, load the demo content and generate the subscribers."""
    from django.conf import settings
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the demo's mail
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", password=os.urandom(12).hex(), stdout=quiet)

    from django_tasks_db.models import DBTaskResult

    from newsletter.models import Subscriber
    from people.models import Sector

    DBTaskResult.objects.all().delete()  # the demo's own queued work is not this benchmark's

    sectors = list(Sector.objects.values_list("pk", flat=True))
    chooser = random.Random(18)
    Through = Subscriber.sectors.through
    for start in range(0, subscribers, 5000):
        rows = [
            Subscriber(
                email=f"reader{number:06}@example.org",
                all_sectors=chooser.random() < 0.2,
                essays=chooser.random() < 0.3,
                notify_empty=chooser.random() < 0.1,
                confirmed_at="2012-10-01T09:00:00Z",
            )
            for number in range(start, min(start + 5000, subscribers))
        ]
        created = Subscriber.objects.bulk_create(rows)
        Through.objects.bulk_create(
            Through(subscriber_id=row.pk, sector_id=sector)
            for row in created
            if not row.all_sectors
            for sector in chooser.sample(sectors, chooser.randint(1, 3))
        )


def send(limit: int) -> None:
    """In a fresh process: queue the demo roundup for the first `limit` subscribers, then
    run the real task worker (`db_worker --batch`, exiting when the queue is empty) as
    this process's only child, so its peak memory is this run's alone."""
    from newsletter.models import Mailing, Subscriber
    from newsletter.sending import start_mailing
    from roundups.models import RoundupPage

    Mailing.objects.all().delete()
    first = Subscriber.objects.order_by("pk").values_list("pk", flat=True)[limit - 1]
    Subscriber.objects.filter(pk__lte=first).update(paused=False)
    Subscriber.objects.filter(pk__gt=first).update(paused=True)
    roundup = RoundupPage.objects.live().order_by("-week_ending").first()
    started = time.perf_counter()
    mailing, _ = start_mailing(roundup)
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay"],
        check=True,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,  # the worker's line per task
    )
    seconds = time.perf_counter() - started
    worker = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = worker.ru_utime + worker.ru_stime
    counts = mailing.counts()
    print(
        f"{limit:>7} subscribers: {counts['sent']} sent, {counts['skipped']} with nothing, "
        f"{counts['failed']} failed, {counts['queued'] + counts['sending']} left "
        f"in {seconds:.1f} s = {(counts['sent'] + counts['skipped']) / seconds:.0f} deliveries/s, "
        f"{counts['sent'] / seconds:.0f} messages/s ({counts['sent'] / cpu:.0f} per CPU second "
        f"of the worker); worker's peak RSS {worker.ru_maxrss / 1024:.0f} MB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--send", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()

    if args.send:
        setup_django()
        send(args.send)
        return

    workdir = tempfile.mkdtemp(prefix="newsletter-benchmark-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/benchmark.sqlite3")
    port = free_port()
    os.environ.update(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        NEWSLETTER_RATE_PER_SECOND="0",
        NEWSLETTER_BATCH_SIZE="500",
        DEBUG="0",  # no query log growing in the worker
        LOG_LEVEL="ERROR",
    )
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; CPUs: {os.cpu_count()}")
    setup_django()
    started = time.perf_counter()
    build(args.subscribers)
    print(f"built {args.subscribers} subscribers in {time.perf_counter() - started:.0f} s")

    sink = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SINK, str(port)], stdout=subprocess.PIPE, text=True
    )
    if sink.stdout.readline().strip() != "ready":
        raise SystemExit("The SMTP sink did not start.")
    try:
        sizes = [args.subscribers // 10] + [args.subscribers] * args.runs
        for size in sizes:
            subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--send", str(size)], check=True, cwd=ROOT
            )
    finally:
        sink.terminate()
        received = sink.communicate(timeout=30)[0].strip()
    print(f"the SMTP sink received {received} messages in all")
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
