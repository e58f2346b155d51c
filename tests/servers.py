"""The servers deployment tests start for themselves (scripts/services.py). A missing program
skips the test with what to install, except under CI (CI=true), where it is a failure."""

import os
from pathlib import Path

import pytest

from scripts.services import PostgresCluster, RedisServer, ServiceMissing, free_port, wait_for_port

__all__ = ["free_port", "wait_for_port", "postgres_cluster", "redis_server"]


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
