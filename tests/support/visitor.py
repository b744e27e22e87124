"""A visitor over real HTTP (urllib): cookies kept, redirects followed, and the form's own
hidden tokens read back from the page, as a browser would post them."""

import html
import re
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar


class Browser:
    def __init__(self, base: str, timeout: float = 30):
        self.base = base
        self.timeout = timeout
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

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
