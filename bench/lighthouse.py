"""Lighthouse (mobile) on the pages issue 13 names, against a portal that is already running:
`make lighthouse` (or .venv/bin/python bench/lighthouse.py http://127.0.0.1:8000 --runs 3).

Uses npm's lighthouse from .cache/lighthouse (`make lighthouse` installs it) and Debian's
Chromium (CHROME_PATH=/usr/bin/chromium). Prints, for each page, the lowest score of the runs
for performance, accessibility, best practices and SEO, the worst layout shift, and the bytes
transferred."""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / ".cache/lighthouse/node_modules/.bin/lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
FIXED = {"home": "/en/", "home zh-hans": "/zh-hans/", "trial form": "/en/apply-for-trial/"}
FROM_SITEMAP = {"an event": r"/en/events/(?!calendar)[^/]+/$",
                "a speaker": r"/en/speakers/[^/]+/$",
                "a whitepaper": r"/en/whitepapers/[^/]+/$"}


def _pages(base: str) -> dict[str, str]:
    sitemap = urllib.request.urlopen(base + "/sitemap.xml", timeout=30).read().decode()
    paths = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)", sitemap)]
    pages = {name: base + path for name, path in FIXED.items()}
    for name, pattern in FROM_SITEMAP.items():
        found = next((p for p in paths if re.search(pattern, p)), None)
        if found:
            pages[name] = base + found
    return pages


def _report(url: str) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for attempt in range(3):  # Chromium sometimes fails to start under load: try again
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder) / "report.json"
            done = subprocess.run(
                [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], env=env,
                capture_output=True, text=True)
            if done.returncode == 0:
                return json.loads(report.read_text())
        print(f"lighthouse failed on {url} (attempt {attempt + 1}): {done.stderr[-300:]}",
              file=sys.stderr)
    sys.exit(f"lighthouse could not measure {url}")


def _run(url: str) -> dict:
    data = _report(url)
    audits = data["audits"]
    return {
        **{name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES},
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "failed": sorted(key for key, audit in audits.items()
                         if audit.get("score") is not None and audit["score"] < 0.9
                         and audit.get("scoreDisplayMode") in ("binary", "numeric")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"lighthouse missing at {LIGHTHOUSE}: run `make lighthouse`")
    print("| page | performance | accessibility | best practices | SEO | CLS | KB | below 0.9 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, url in _pages(args.base.rstrip("/")).items():
        runs = [_run(url) for _ in range(args.runs)]
        low = {key: min(run[key] for run in runs) for key in CATEGORIES}
        failed = sorted({audit for run in runs for audit in run["failed"]})
        print(f"| {name} | {low['performance']} | {low['accessibility']} | "
              f"{low['best-practices']} | {low['seo']} | {max(r['cls'] for r in runs):.3f} | "
              f"{max(r['bytes'] for r in runs) / 1024:.0f} | {', '.join(failed) or '-'} |",
              flush=True)


if __name__ == "__main__":
    main()
