"""Issue 17, item 4: deploy/env.example lists every variable the settings read, so an operator
filling it in misses none (a new env(...) in center/settings/ without a line here fails)."""

import re

from tests.support.processes import ROOT

EXAMPLE = ROOT / "deploy/env.example"
# env("NAME"), env.int("NAME"), env.db(...), os.environ["NAME"], os.environ.get("NAME")
READ = re.compile(r"""(?:\benv(?:\.\w+)?\(|os\.environ(?:\.get\(|\[))\s*["']([A-Z][A-Z0-9_]*)""")
# Read by center/settings/test.py only.
TEST_ONLY = {"TEST_SMTP_PORT", "TEST_SQLITE_PATH", "PYTEST_XDIST_WORKER"}


def _listed() -> set[str]:
    """Names set or shown commented out (optional ones) in the example."""
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", EXAMPLE.read_text(), re.MULTILINE))


def _read_by_settings() -> set[str]:
    return {name for path in (ROOT / "center/settings").glob("*.py")
            for name in READ.findall(path.read_text())} - TEST_ONLY


def test_every_variable_the_settings_read_is_in_env_example():
    read = _read_by_settings()
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "PUBLICATIONS_MAX_PDF_BYTES"} <= read
    assert read - _listed() == set()


def test_the_variables_production_requires_are_set_not_commented_out():
    text = EXAMPLE.read_text()
    for name in ("DJANGO_SECRET_KEY", "SITE_DOMAIN", "EMAIL_URL", "CELERY_BROKER_URL",
                 "CACHE_URL"):
        assert re.search(rf"^# required: .*\n{name}=", text, re.MULTILINE), name
