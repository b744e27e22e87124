"""What the download-time check of a whitepaper PDF costs (center/publications/services.py:
whitepaper_pdf_open): the SHA-256 of the stored file, against the one the page shows.

    PYTHONPATH=. .venv/bin/python bench/publications/pdf_check.py [--megabytes 50] [--runs 5]

The first download after a file changes hashes it (a streamed read); later downloads find
the hash in the cache under the file's inode, size and modification time. Test settings:
the process's own memory cache (a shared Redis cache adds one round trip)."""

import argparse
import os
import statistics
import tempfile
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "center.settings.test")
django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.files import File  # noqa: E402

from center.publications import services  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "paper.pdf")
        with open(path, "wb") as stored:
            stored.write(b"%PDF-1.7\n" + os.urandom(args.megabytes * 1024 * 1024 - 9))

        def check() -> float:
            with open(path, "rb") as raw:
                start = time.perf_counter()
                services._stored_digest(File(raw), path)
                return (time.perf_counter() - start) * 1000

        first, cached = [], []
        for _ in range(args.runs):
            cache.clear()
            first.append(check())
            cached.append(check())
    print(f"{args.megabytes} MB PDF, {args.runs} runs: first download after a change "
          f"{statistics.median(first):.0f} ms median ({min(first):.0f}–{max(first):.0f}), "
          f"later downloads {statistics.median(cached):.2f} ms median")


if __name__ == "__main__":
    main()
