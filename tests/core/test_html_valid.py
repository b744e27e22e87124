"""The Nu Html Checker (vnu.jar, `make vnu`) finds no error on any page of the sitemap, nor on
the search, form, thanks and status pages."""

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings

from center.registrations.forms import started_token
from center.trials.models import TrialApplication
from center.trials.tokens import status_token, thanks_token
from tests.registrations.conftest import open_event
from tests.trials.factories import application_create

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must check the HTML)")
    pytest.skip(reason)


def _pages(client) -> dict[str, str]:
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    application = application_create()
    # The demo's assessed applications: a decided one's status page carries its letter.
    assessed = TrialApplication.objects.filter(assessment__isnull=False)
    for language in ("en", "zh-hans"):
        paths += [f"/{language}/search/?q=ethics", f"/{language}/apply-for-trial/",
                  f"/{language}/code-of-ethics/v/1.0/principles/2/",
                  f"/{language}/newsletter/",
                  f"/{language}/apply-for-trial/thanks/?ref={thanks_token(application)}",
                  f"/{language}/apply-for-trial/status/{status_token(application)}/"]
        paths += [f"/{language}/apply-for-trial/status/{status_token(a)}/" for a in assessed]
    pages = {}
    for path in dict.fromkeys(paths):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    for language in ("en", "zh-hans"):  # the form sent back with its errors
        response = client.post(f"/{language}/apply-for-trial/", {"email": "not an email"})
        assert response.status_code in (200, 400), response.status_code
        pages[f"/{language}/apply-for-trial/ (POST with errors)"] = response.content.decode()
    pages.update(_registration_pages(client))
    return pages


def _registration_pages(client) -> dict[str, str]:
    """An event open for registration: its page, its form (blank and with errors), and the
    result page after registering."""
    setup = open_event(capacity=3)
    setup.mode, setup.invitation_code = "invitation", "K7Q2-MX94-TR8D"
    setup.save()
    event = setup.event  # whole seconds, as staff enter them (the factory's have microseconds)
    event.start, event.end = (event.start.replace(microsecond=0),
                              event.end.replace(microsecond=0))
    event.save()
    pages = {}
    for language in ("en", "zh-hans"):
        form = f"/{language}/registrations/{setup.event.slug}/"
        for path in (f"/{language}/events/{setup.event.slug}/", form):
            pages[path] = client.get(path).content.decode()
        response = client.post(form, {"email": "not an email", "invitation_code": "WRONG"})
        assert response.status_code == 200, response.status_code
        pages[f"{form} (POST with errors)"] = response.content.decode()
        with override_settings(REGISTRATIONS_MIN_FILL_SECONDS=0):
            response = client.post(form, {
                "name": "Ada", "email": f"ada-{language}@example.org", "consent": "on",
                "invitation_code": "K7Q2-MX94-TR8D", "started": started_token()}, follow=True)
        assert "registered/" in response.redirect_chain[-1][0], response.redirect_chain
        pages[f"{form} (registered)"] = response.content.decode()
    return pages


@pytest.mark.django_db
def test_every_page_is_valid_html(demo_pages, client, tmp_path):
    java = shutil.which("java")
    if not java:
        _unavailable("no java: `apt-get install default-jre-headless` to check the HTML")
    if not VNU_JAR.exists():
        _unavailable(f"vnu.jar missing at {VNU_JAR}: run `make vnu`")
    call_command("load_demo", stdout=io.StringIO())  # every app's demo content
    pages = _pages(client)
    files = {}
    for number, (path, html) in enumerate(pages.items()):
        file = tmp_path / f"{number}.html"
        file.write_text(html)
        files[str(file)] = path
    # One JVM for all pages: starting Java is most of the time.
    run = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                          *files], capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}:"
              f"{m.get('lastLine')}: {m['message']}" for m in messages]
    assert len(pages) > 40
    assert any('class="trial-letter"' in html for html in pages.values())  # a decided letter
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
