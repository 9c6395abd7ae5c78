"""Running the ``advocate`` command in-process for tests, never for longer than a deadline.

A test of bounded work must fail, not hang, if the bound is lost: :func:`run_cli`
raises :class:`Overran` when the command has not returned after ``deadline``
seconds (a generous guard against a hang, not a measurement: nothing asserts
how long a command took).
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

from typer.testing import CliRunner, Result

from advocate.cli import app


class Overran(AssertionError):
    """The command ran past its deadline: some input made its work unbounded."""


@contextmanager
def deadline(seconds: int):
    if not hasattr(signal, "SIGALRM"):  # no alarm clock (Windows): run without the guard
        yield
        return

    def stop(signum, frame):
        raise Overran(f"still running after {seconds} s: the work is not bounded")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_cli(*args, deadline_seconds: int = 120) -> Result:
    """``advocate ARGS`` run in this process, with its exit code, stdout and stderr."""
    with deadline(deadline_seconds):
        return CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=True)


def error_lines(result: Result) -> list[str]:
    """The lines of stderr that report an error."""
    return [line for line in result.stderr.splitlines() if "error:" in line]
