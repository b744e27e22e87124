"""Real servers a test starts itself (gunicorn, Celery workers): started with their output in a
log file, stopped for sure, and their log shown with the test's output when they stop."""

import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def logged_process(command: list[str], log_path: Path, env: dict, label: str):
    """Run `command` for the duration of the block; stop it (TERM, then KILL) whatever
    happens inside, and print the end of its log so a failure shows what the process said."""
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        stop(process)
        sys.stdout.write(f"\n--- {label} log ---\n{log_path.read_text()[-4000:]}\n")


def stop(process: subprocess.Popen, timeout: float = 20):
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def gunicorn_command(port: int) -> list[str]:
    return [str(ROOT / ".venv/bin/gunicorn"), "center.wsgi", "--config",
            "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]


def wait_until_serving(url: str, process: subprocess.Popen, log_path: Path, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=10).close()
            return
        except OSError:  # refused, reset or timed out (URLError is one too)
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"{url} did not answer:\n{log_path.read_text()[-4000:]}") from None
            time.sleep(0.3)
