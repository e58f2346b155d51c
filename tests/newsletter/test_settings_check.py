"""The sending settings are checked at start-up (and by `make deploy`): a batch that takes
longer than the stale-after time would be queued again while still being sent."""

import pytest

from django.core.management import call_command
from django.core.management.base import SystemCheckError

from newsletter.checks import sending_settings


def problems(settings, batch: int, rate: float, stale: int) -> list[str]:
    settings.NEWSLETTER_BATCH_SIZE = batch
    settings.NEWSLETTER_RATE_PER_SECOND = rate
    settings.NEWSLETTER_STALE_AFTER_SECONDS = stale
    return [error.id for error in sending_settings()]


def test_the_defaults_pass(settings):
    assert problems(settings, 200, 10, 600) == []


def test_no_rate_limit_passes(settings):
    assert problems(settings, 5000, 0, 60) == []


def test_a_batch_slower_than_the_stale_after_time_stops_the_site_starting(settings):
    # 200 messages at 0.25 a second take 800 seconds, past the 600 of the stale-after time.
    assert problems(settings, 200, 0.25, 600) == ["newsletter.E004"]
    with pytest.raises(SystemCheckError) as refused:
        call_command("check")
    message = str(refused.value)
    assert "One batch of 200 messages at 0.25 a second takes 800 seconds" in message
    assert "NEWSLETTER_STALE_AFTER_SECONDS (600)" in message
    assert "Lower NEWSLETTER_BATCH_SIZE, or raise NEWSLETTER_STALE_AFTER_SECONDS" in message


def test_a_batch_exactly_as_long_as_the_stale_after_time_is_refused_too(settings):
    assert problems(settings, 600, 1, 600) == ["newsletter.E004"]


@pytest.mark.parametrize(
    "batch, rate, stale, error",
    [
        (0, 10, 600, "newsletter.E001"),
        (200, -1, 600, "newsletter.E002"),
        (200, 10, 0, "newsletter.E003"),
    ],
)
def test_impossible_values_are_named(settings, batch, rate, stale, error):
    assert problems(settings, batch, rate, stale) == [error]
