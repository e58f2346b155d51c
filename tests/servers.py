"""The servers deployment tests start for themselves (scripts/services.py). A missing program
skips the test with what to install, except under CI (CI=true), where it is a failure."""

import os
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from scripts.services import PostgresCluster, RedisServer, ServiceMissing, free_port, wait_for_port

__all__ = ["free_port", "wait_for_port", "postgres_cluster", "redis_server", "SmtpInbox"]


def unavailable(error: ServiceMissing) -> None:
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{error} CI requires it.")
    pytest.skip(str(error))


def postgres_cluster() -> PostgresCluster:
    try:
        return PostgresCluster()
    except ServiceMissing as error:
        unavailable(error)


def redis_server(directory: Path) -> RedisServer:
    try:
        return RedisServer(directory)
    except ServiceMissing as error:
        unavailable(error)


class SmtpInbox:
    """An aiosmtpd handler keeping every message it accepts (tests run it on loopback)."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def messages_to(self, match) -> list:
        """Parsed messages whose first recipient satisfies `match` (an address or a test)."""
        test = match if callable(match) else (lambda address: address == match)
        return [
            message_from_bytes(envelope.content, policy=policy.default)
            for envelope in self.envelopes
            if any(test(address) for address in envelope.rcpt_tos)
        ]
