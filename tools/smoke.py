"""What a new user sees, checked: start the portal the way the README says, then fetch the
pages every visitor, crawler and feed reader asks for. Standard library only, so it runs
before any venv exists.

    python3 tools/smoke.py [--venv DIR] [--timeout S] [-- COMMAND ...]

COMMAND (default `make run PORT={port} VENV={venv}`) is started in its own process group
on a free port; `{port}` and `{venv}` are filled in. Fails (exit 1) when the portal does not
come up, a page does not answer as it should, a sitemap/feed link points somewhere other than
where the portal is served, or the server's log holds a traceback. A module that center/
imports but the venv lacks is named: "missing runtime dependency: <module>".
"""

import argparse
import ast
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Fixed addresses and what they must answer; sitemap entries are added at run time.
EXPECTED = [
    ("/", 302),  # chooses the language from Accept-Language
    ("/healthz", 200),
    ("/robots.txt", 200),
    ("/favicon.ico", 200),
    ("/sitemap.xml", 200),
    ("/en/", 200),
    ("/zh-hans/", 200),
    ("/en/news/feed/", 200),
    ("/zh-hans/news/feed/", 200),
    ("/en/events/calendar.ics", 200),
    ("/zh-hans/events/calendar.ics", 200),
]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with OPENER.open(url, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def imported_modules() -> set[str]:
    """Top-level names of every absolute import in center/, function bodies included."""
    names = set()
    for path in (ROOT / "center").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - {"center"} - set(sys.stdlib_module_names)


def missing_modules(python: Path) -> list[str]:
    """Asks the venv's own interpreter, so only what requirements.txt installed counts."""
    probe = ("import importlib.util, sys\n"
             "print(' '.join(n for n in sys.argv[1:] if importlib.util.find_spec(n) is None))")
    result = subprocess.run([str(python), "-c", probe, *sorted(imported_modules())],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    return result.stdout.split()


class AssetLinks(HTMLParser):
    """Same-page assets a browser would fetch: stylesheets, icons, scripts, images."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "apple-touch-icon"}:
            self.urls.append(attrs.get("href") or "")
        elif tag in {"script", "img"} and attrs.get("src"):
            self.urls.append(attrs["src"])


class Smoke:
    def __init__(self, base: str):
        self.base = base
        self.failures: list[str] = []
        self.checked: set[str] = set()

    def expect(self, path_or_url: str, status: int) -> bytes:
        url = path_or_url if "://" in path_or_url else self.base + path_or_url
        self.checked.add(url)
        got, headers, body = fetch(url)
        mark = "ok " if got == status else "BAD"
        moved = f" -> {headers.get('Location')}" if 300 <= got < 400 else ""
        print(f"  {mark} {got} {url}{moved}")
        if got != status:
            self.failures.append(f"{url} answered {got}, expected {status}")
        if "text/html" in headers.get("Content-Type", "") and got == 200:
            self.check_assets(body.decode("utf-8", "replace"))
        return body

    def check_assets(self, html: str) -> None:
        parser = AssetLinks()
        parser.feed(html)
        for src in parser.urls:
            if src.startswith("/") and not src.startswith("//"):
                url = self.base + src
                if url not in self.checked:
                    self.expect(url, 200)

    def same_site(self, url: str, where: str) -> None:
        if not url.startswith(self.base + "/"):
            self.failures.append(f"{where} links to {url}, not to the portal at {self.base}")

    def run(self) -> None:
        bodies = {path: self.expect(path, status) for path, status in EXPECTED}
        location = fetch(self.base + "/")[1].get("Location", "")
        if not location.endswith("/en/"):
            self.failures.append(f"/ redirects to {location!r}, expected the English home")
        robots = bodies["/robots.txt"].decode()
        if f"Sitemap: {self.base}/sitemap.xml" not in robots:
            self.failures.append("robots.txt does not name the sitemap at this address")
        self.check_sitemap(bodies["/sitemap.xml"])
        for feed in ("/en/news/feed/", "/zh-hans/news/feed/"):
            for link in ElementTree.fromstring(bodies[feed]).iter("link"):
                self.same_site(link.text or "", feed)
        for calendar in ("/en/events/calendar.ics", "/zh-hans/events/calendar.ics"):
            for url in re.findall(rb"^URL:(\S+)", bodies[calendar], flags=re.M):
                self.same_site(url.decode(), calendar)

    def check_sitemap(self, body: bytes) -> None:
        locations = [loc.text.strip() for loc in
                     ElementTree.fromstring(body).findall("sm:url/sm:loc", SITEMAP_NS)]
        if len(locations) < 10:
            self.failures.append(f"the sitemap lists only {len(locations)} addresses")
        for url in locations:
            self.same_site(url, "sitemap.xml")
            if url.startswith(self.base + "/"):
                self.expect(url, 200)


def wait_until_up(base: str, server: subprocess.Popen, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            if fetch(base + "/healthz")[0] in (200, 503):
                return True
        except OSError:
            pass
        time.sleep(1)
    return False


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def explain_start_failure(log: str, venv: Path) -> None:
    named = set(re.findall(r"No module named '([\w.]+)'", log))
    python = venv / "bin" / "python"
    if python.exists():
        named.update(missing_modules(python))
    for module in sorted(named):
        print(f"FAIL: missing runtime dependency: {module} (center/ imports it; "
              "requirements.txt does not install it)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", default=str(ROOT / ".venv"))
    parser.add_argument("--timeout", type=float, default=900,
                        help="seconds to wait for install + migrate + demo + server")
    parser.add_argument("command", nargs="*")
    args = parser.parse_args()
    venv = Path(args.venv).resolve()
    port = free_port()
    command = [part.format(port=port, venv=venv) for part in
               (args.command or ["make", "run", "PORT={port}", "VENV={venv}"])]
    base = f"http://127.0.0.1:{port}"

    # Kept after the run (delete=False): its path is printed for reading the whole log.
    log_file = tempfile.NamedTemporaryFile(  # noqa: SIM115 (the server writes it until stop)
        "w+", prefix="smoke-", suffix=".log", delete=False)
    print(f"smoke: {' '.join(command)}  (log: {log_file.name})", flush=True)
    server = subprocess.Popen(command, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, start_new_session=True)
    smoke = Smoke(base)
    try:
        if not wait_until_up(base, server, args.timeout):
            log = Path(log_file.name).read_text(errors="replace")
            print(log[-6000:])
            explain_start_failure(log, venv)
            print(f"FAIL: the portal did not come up on {base}")
            return 1
        missing = missing_modules(venv / "bin" / "python")
        for module in missing:
            smoke.failures.append(f"missing runtime dependency: {module} (center/ imports it; "
                                  "requirements.txt does not install it)")
        smoke.run()
    finally:
        stop(server)
    log = Path(log_file.name).read_text(errors="replace")
    for marker in ("Traceback (most recent call last)", "have changes that are not yet reflected"):
        if marker in log:
            at = log.index(marker)
            print(log[max(0, at - 200):at + 3000])
            smoke.failures.append(f"the server's log holds {marker!r}")
    for failure in smoke.failures:
        print(f"FAIL: {failure}")
    if smoke.failures:
        return 1
    print(f"smoke: {len(smoke.checked)} addresses answered as expected, the log is clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
