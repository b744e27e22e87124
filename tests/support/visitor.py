"""A visitor over real HTTP (urllib): cookies kept, redirects followed, and the form's own
hidden tokens read back from the page, as a browser would post them."""

import html
import re
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar, DefaultCookiePolicy


class LoopbackIsSecure(DefaultCookiePolicy):
    """Browsers treat http://127.0.0.1 as a secure context and send it Secure cookies (the
    production settings' CSRF and session cookies); urllib does not unless told."""

    def return_ok_secure(self, cookie, request):
        host = urllib.parse.urlsplit(request.get_full_url()).hostname
        return host in ("127.0.0.1", "localhost") or super().return_ok_secure(cookie, request)


class Browser:
    def __init__(self, base: str, timeout: float = 30):
        self.base = base
        self.timeout = timeout
        jar = CookieJar(policy=LoopbackIsSecure())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def get(self, path: str):
        with self.opener.open(self.base + path, timeout=self.timeout) as response:
            return response.status, response.geturl(), response.read().decode()

    def post(self, path: str, data: dict):
        body = urllib.parse.urlencode(data, doseq=True).encode()
        with self.opener.open(self.base + path, data=body, timeout=self.timeout) as response:
            return response.status, response.geturl(), response.read().decode()


def hidden_value(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page) or re.search(
        rf'value="([^"]*)" name="{name}"', page)
    assert match, f"no hidden {name} in the form"
    return html.unescape(match.group(1))
