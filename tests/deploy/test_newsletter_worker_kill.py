"""A real task worker killed in the middle of mailing a roundup: after `resume_mailings`
and a new worker, every subscriber has the roundup, nobody recorded as sent gets it
twice, and the one message that may have been in flight is repeated with its Message-ID."""

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from aiosmtpd.controller import Controller

from tests.deploy.conftest import CHECKOUT, run
from tests.servers import SmtpInbox, free_port

pytestmark = pytest.mark.slow

READERS = 40

START = f"""
from newsletter.models import Mailing, Subscriber
from newsletter.sending import start_mailing
from roundups.models import RoundupPage

Subscriber.objects.filter(email__startswith="kill-test-").delete()
Subscriber.objects.update(paused=True)  # only this test's readers receive it
Subscriber.objects.bulk_create(
    Subscriber(email=f"kill-test-{{n:02}}@example.org", all_sectors=True,
               confirmed_at="2012-10-01T09:00:00Z")
    for n in range({READERS})
)
roundup = RoundupPage.objects.live().order_by("-week_ending").first()
Mailing.objects.filter(roundup=roundup).delete()
mailing, _ = start_mailing(roundup)
print(mailing.pk)
"""

COUNTS = """
import json
from newsletter.models import Mailing
print(json.dumps(Mailing.objects.get(pk={pk}).counts()))
"""


@pytest.fixture
def inbox():
    inbox = SmtpInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


def is_reader(address: str) -> bool:
    return address.startswith("kill-test-")


def worker(env: dict, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    return subprocess.Popen(  # noqa: S603
        [*command, "--interval", "0.2", *extra],
        env=env,
        cwd=CHECKOUT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def shell(env: dict, code: str) -> str:
    return run([sys.executable, "manage.py", "shell", "-c", code], env).strip().splitlines()[-1]


def test_a_killed_worker_resumes_without_skipping_or_repeating_a_reader(deployment, inbox):
    _, deployed_env, _ = deployment
    received, port = inbox
    env = {
        **deployed_env,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "NEWSLETTER_BATCH_SIZE": "6",
        "NEWSLETTER_RATE_PER_SECOND": "8",
        "NEWSLETTER_STALE_AFTER_SECONDS": "1",
    }
    mailing = int(shell(env, START))

    first = worker(env)
    try:
        deadline = time.monotonic() + 180
        while len(received.messages_to(is_reader)) < 15:  # the middle of the third batch
            assert time.monotonic() < deadline, "the worker sent too little"
            assert first.poll() is None, "the worker stopped by itself"
            time.sleep(0.05)
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    before_kill = len(received.messages_to(is_reader))
    assert before_kill < READERS
    assert json.loads(shell(env, COUNTS.format(pk=mailing)))["sent"] < READERS

    time.sleep(1.5)  # the killed worker's claimed deliveries are now stale
    resumed = run([sys.executable, "manage.py", "resume_mailings"], env)
    assert "Resumed:" in resumed
    second = worker(env, "--batch")
    assert second.wait(timeout=300) == 0

    counts = json.loads(shell(env, COUNTS.format(pk=mailing)))
    assert counts["sent"] == READERS and counts["queued"] == counts["sending"] == 0
    messages = received.messages_to(is_reader)
    per_reader = Counter(message["To"] for message in messages)
    assert len(per_reader) == READERS  # nobody skipped
    repeated = [reader for reader, copies in per_reader.items() if copies > 1]
    assert len(repeated) <= 1 and all(per_reader[reader] == 2 for reader in repeated)
    for reader in repeated:  # at most the message in flight at the kill, with its own id
        ids = {message["Message-ID"] for message in messages if message["To"] == reader}
        assert len(ids) == 1
