"""The grade Mozilla's HTTP Observatory would give a page, computed here from its published
scoring (MDN's "HTTP Observatory: Tests & Scoring"), so a change to the headers shows its
grade before it ships. Standard library only.

    python3 tools/observatory.py URL [--tls-proxy]

Prints each test's result and modifier, the score and the grade; exits 1 below A+.

Scoring: start at 100, add every penalty; only if that leaves 90 or more, add the bonuses.
100+ is A+, 90 A, 85 A-, 80 B+, 70 B, 65 B-, 60 C+, 50 C, 45 C-, 40 D+, 30 D, 25 D-, else F.
The Cross-Origin-Resource-Policy modifiers are those of the live grader's score table
(same-origin or same-site +10, cross-origin or missing 0, invalid -5); the page's own table
for that newer test disagrees with the grader. The +5 for a domain on the browsers' HSTS
preload list cannot be known from here and is never given.

--tls-proxy is for a portal on loopback behind no TLS: the http:// URL is first fetched as
is (the redirection test), then again with `X-Forwarded-Proto: https`, as the TLS proxy of
a production install would send it (DJANGO_BEHIND_TLS_PROXY=true), and scored as https.
"""

import argparse
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

BROAD = {"*", "http:", "https:", "ftp:", "http://*", "https://*", "http://*.*", "https://*.*"}
INLINE = {"'unsafe-inline'", "data:"}
GRADES = [(100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"),
          (50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F")]
# Cookie names the Observatory treats as session and anti-CSRF cookies (by substring).
SESSION_NAMES = ("session", "sess", "sid", "login", "auth")
CSRF_NAMES = ("csrf", "xsrf")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, headers: dict | None = None):
    """(status, headers as a message, body) without following redirects."""
    request = urllib.request.Request(url, headers={"User-Agent": "observatory.py",
                                                   **(headers or {})})
    try:
        with OPENER.open(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def parse_csp(value: str) -> dict[str, set[str]] | None:
    """Directive -> sources; None when the header cannot be parsed (a repeated directive)."""
    directives = {}
    for part in value.split(";"):
        words = part.split()
        if not words:
            continue
        name = words[0].lower()
        if name in directives:
            return None
        directives[name] = {w if w.startswith("'") else w.lower() for w in words[1:]}
    return directives or None


def test_csp(headers, https: bool):
    values = headers.get_all("Content-Security-Policy") or []
    if not values:
        return "csp-not-implemented", -25, None
    csp = parse_csp(";".join(values))
    if csp is None:
        return "csp-header-invalid", -25, None

    def sources(name):
        return set(csp.get(name) or csp.get("default-src") or {"*"})

    script, style, objects = sources("script-src"), sources("style-src"), sources("object-src")
    for directive in (script, style):  # beside a nonce or a hash, browsers drop unsafe-inline
        if any(s.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-")) for s in directive):
            directive.discard("'unsafe-inline'")
    passive = {"img-src", "media-src"}
    active = set(script).union(*(v for k, v in csp.items() if k not in passive | {"script-src"}))
    passive_sources = set().union(*(sources(name) for name in passive))

    def insecure(group):
        return https and any(s.startswith(("http:", "ftp:")) for s in group)

    if script & (BROAD | INLINE) or objects & BROAD:
        return "csp-implemented-with-unsafe-inline", -20, csp
    if insecure(active):
        return "csp-implemented-with-insecure-scheme", -20, csp
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval", -10, csp
    if insecure(passive_sources):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10, csp
    if style & (BROAD | INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0, csp
    if csp.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10, csp
    return "csp-implemented-with-no-unsafe", 5, csp


def parse_cookies(headers):
    cookies = []
    for line in headers.get_all("Set-Cookie") or []:
        name = line.split("=", 1)[0].strip()
        flags = {}
        for attribute in line.split(";")[1:]:
            key, _, value = attribute.strip().partition("=")
            flags[key.lower()] = value.strip()
        cookies.append((name.lower(), flags))
    return cookies


def test_cookies(headers, https: bool, hsts: bool):
    cookies = parse_cookies(headers)
    if not cookies:
        return "cookies-not-found", 0
    results = []
    for name, flags in cookies:
        secure = "secure" in flags and https
        session = any(word in name for word in SESSION_NAMES)
        samesite = flags.get("samesite", "").lower()
        if samesite and samesite not in ("strict", "lax"):
            results.append(("cookies-samesite-flag-invalid", -20))
        if any(word in name for word in CSRF_NAMES) and not samesite:
            results.append(("cookies-anticsrf-without-samesite-flag", -20))
        if session and not secure:
            results.append(("cookies-session-without-secure-flag-but-protected-by-hsts", -10)
                           if hsts else ("cookies-session-without-secure-flag", -40))
        elif session and "httponly" not in flags:
            results.append(("cookies-session-without-httponly-flag", -30))
        elif not secure:
            results.append(("cookies-without-secure-flag-but-protected-by-hsts", -5)
                           if hsts else ("cookies-without-secure-flag", -20))
    if results:
        return min(results, key=lambda result: result[1])
    if all(flags.get("samesite", "").lower() in ("strict", "lax") for _name, flags in cookies):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def test_cors(url: str, proxy_headers: dict):
    status, headers, _body = fetch(url, {**proxy_headers, "Origin": "https://observatory.example"})
    allowed = headers.get("Access-Control-Allow-Origin", "")
    credentials = headers.get("Access-Control-Allow-Credentials", "").lower() == "true"
    if allowed == "https://observatory.example" and credentials:
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    for policy_file in ("/crossdomain.xml", "/clientaccesspolicy.xml"):
        status, headers, _body = fetch(urljoin(url, policy_file), proxy_headers)
        if status == 200 and "xml" in headers.get("Content-Type", ""):
            return "cross-origin-resource-sharing-implemented-with-restricted-access", 0
    if allowed == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access", 0
    if allowed:
        return "cross-origin-resource-sharing-implemented-with-restricted-access", 0
    return "cross-origin-resource-sharing-not-implemented", 0


def test_redirection(http_url: str):
    try:
        status, headers, _body = fetch(http_url)
    except urllib.error.URLError:
        return "redirection-not-needed-no-http", 0
    if status not in (301, 302, 303, 307, 308):
        return "redirection-missing", -20
    target = urlsplit(urljoin(http_url, headers["Location"]))
    if target.scheme != "https":
        return "redirection-not-to-https-on-initial-redirection", -10
    if target.hostname != urlsplit(http_url).hostname:
        return "redirection-off-host-from-http", -5
    return "redirection-to-https", 0


def test_referrer_policy(headers):
    value = headers.get("Referrer-Policy")
    if value is None:
        return "referrer-policy-not-implemented", 0
    known = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin",
             "origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
    # Browsers use the last value they understand.
    policies = [p.strip().lower() for p in value.split(",") if p.strip().lower() in known]
    if not policies:
        return "referrer-policy-header-invalid", -5
    if policies[-1] in ("no-referrer", "same-origin", "strict-origin",
                        "strict-origin-when-cross-origin"):
        return "referrer-policy-private", 5
    return "referrer-policy-unsafe", -5


def test_hsts(headers, https: bool):
    if not https:
        return "hsts-not-implemented-no-https", -20
    value = headers.get("Strict-Transport-Security")
    if value is None:
        return "hsts-not-implemented", -20
    for part in value.split(";"):
        key, _, number = part.strip().partition("=")
        if key.lower() == "max-age" and number.strip().strip('"').isdigit():
            if int(number.strip().strip('"')) >= 15768000:
                return "hsts-implemented-max-age-at-least-six-months", 0
            return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-header-invalid", -20


class Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []  # (src, has integrity)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.scripts.append((attributes["src"], bool(attributes.get("integrity"))))


def test_sri(url: str, headers, body: bytes):
    if not headers.get("Content-Type", "").startswith("text/html"):
        return "sri-not-implemented-response-not-html", 0
    parser = Scripts()
    try:
        parser.feed(body.decode("utf-8"))
    except UnicodeDecodeError:
        return "html-not-parsable", -20
    if not parser.scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    site = urlsplit(url).hostname
    external = [(urlsplit(urljoin(url, src)), sri) for src, sri in parser.scripts
                if urlsplit(urljoin(url, src)).hostname != site]
    insecure = any(src.scheme != "https" for src, _sri in external)
    every_sri = all(sri for _src, sri in parser.scripts)
    if not external:
        return (("sri-implemented-and-all-scripts-loaded-securely", 5) if every_sri
                else ("sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0))
    if insecure:
        return (("sri-implemented-but-external-scripts-not-loaded-securely", -20) if every_sri
                else ("sri-not-implemented-and-external-scripts-not-loaded-securely", -50))
    return (("sri-implemented-and-external-scripts-loaded-securely", 5) if every_sri
            else ("sri-not-implemented-but-external-scripts-loaded-securely", -5))


def test_content_type_options(headers):
    value = headers.get("X-Content-Type-Options")
    if value is None:
        return "x-content-type-options-not-implemented", -5
    if value.strip().lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return "x-content-type-options-header-invalid", -5


def test_frame_options(headers, csp):
    ancestors = (csp or {}).get("frame-ancestors")
    if ancestors and not ancestors & BROAD:
        return "x-frame-options-implemented-via-csp", 5
    value = headers.get("X-Frame-Options")
    if value is None:
        return "x-frame-options-not-implemented", -20
    value = value.strip().lower()
    if value in ("deny", "sameorigin"):
        return "x-frame-options-sameorigin-or-deny", 0
    if value.startswith("allow-from "):
        return "x-frame-options-allow-from-origin", 0
    return "x-frame-options-header-invalid", -20


def test_corp(headers):
    value = headers.get("Cross-Origin-Resource-Policy")
    if value is None:
        return "corp-not-implemented", 0
    value = value.strip().lower()
    if value in ("same-origin", "same-site"):
        return f"corp-implemented-with-{value}", 10
    if value == "cross-origin":
        return "corp-implemented-with-cross-origin", 0
    return "corp-header-invalid", -5


def grade(score: int) -> str:
    return next(letter for floor, letter in GRADES if score >= floor)


def scan(url: str, tls_proxy: bool):
    parts = urlsplit(url)
    https = parts.scheme == "https" or tls_proxy
    proxy_headers = {"X-Forwarded-Proto": "https"} if tls_proxy else {}
    for _hop in range(10):  # the page scored is where redirects end, as in the Observatory
        try:
            status, headers, body = fetch(url, proxy_headers)
        except urllib.error.URLError as error:
            raise SystemExit(
                f"cannot fetch {url}: {error.reason} (no TLS here? --tls-proxy)") from None
        if status not in (301, 302, 303, 307, 308):
            break
        url = urljoin(url, headers["Location"])
        if tls_proxy and url.startswith("https:"):
            url = "http:" + url[6:]  # the proxy's https is this loopback http
    if status != 200:
        raise SystemExit(f"{url} answered {status}; scan a page that answers 200")
    csp_result, csp_modifier, csp = test_csp(headers, https)
    hsts = test_hsts(headers, https)
    results = [
        ("Content Security Policy", csp_result, csp_modifier),
        ("Cookies", *test_cookies(headers, https, hsts[1] == 0)),
        ("Cross-Origin Resource Sharing", *test_cors(url, proxy_headers)),
        ("Redirection", *test_redirection(parts._replace(scheme="http").geturl())),
        ("Referrer Policy", *test_referrer_policy(headers)),
        ("Strict Transport Security", *hsts),
        ("Subresource Integrity", *test_sri(url, headers, body)),
        ("X-Content-Type-Options", *test_content_type_options(headers)),
        ("X-Frame-Options", *test_frame_options(headers, csp)),
        ("Cross-Origin-Resource-Policy", *test_corp(headers)),
    ]
    penalties = sum(modifier for *_rest, modifier in results if modifier < 0)
    bonuses = sum(modifier for *_rest, modifier in results if modifier > 0)
    score = max(0, 100 + penalties)
    if score >= 90:
        score += bonuses
    return results, score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--tls-proxy", action="store_true",
                        help="score an http:// portal as its TLS proxy would serve it")
    args = parser.parse_args()
    results, score = scan(args.url, args.tls_proxy)
    for test, result, modifier in results:
        print(f"{test:30} {modifier:+4d}  {result}")
    print(f"{'Score':30} {score:4d}  grade {grade(score)}")
    return 0 if score >= 100 else 1


if __name__ == "__main__":
    sys.exit(main())
