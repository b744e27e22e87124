from pathlib import Path

import pytest
from cms.utils.apphook_reload import get_local_revision, reload_urlconf

from center.site.demo.loader import load_demo_pages

pytest_plugins = ["tests.mail_sink"]  # the smtp_sink fixture: a real SMTP server on loopback

INTEGRATION = Path(__file__).parent / "integration"


def pytest_collection_modifyitems(items):
    for item in items:
        _require_serialized_rollback(item)
    # Under pytest-xdist (`make test` runs one process per core) the tests that start a real
    # Celery worker, gunicorn and SMTP servers run one after another in one process: their
    # time bounds assume a machine not also busy with another of them.
    for item in items:
        if INTEGRATION in item.path.parents:
            item.add_marker(pytest.mark.xdist_group("celery-worker"))


def _require_serialized_rollback(item):
    # A transactional test without it ends in a flush that recreates the content types; the
    # next test with serialized rollback then fails to restore its own copy of them
    # (duplicate key), so which tests fail depends on the order the tests ran in.
    names = getattr(item, "fixturenames", ())
    if ({"transactional_db", "live_server"} & set(names)
            and "django_db_serialized_rollback" not in names):
        raise pytest.UsageError(f"{item.nodeid}: a transactional_db or live_server test needs "
                                "django_db_serialized_rollback as well")


_apphook_urls = {"loaded": False}


@pytest.fixture
def demo_pages(db):
    """The demo page tree, as `make run` builds it, with its apphook URLs (news, events,
    speakers...) resolvable in the test itself, not only after a first request."""
    pages = load_demo_pages()
    reload_urlconf()
    _apphook_urls["loaded"] = True
    return pages


@pytest.fixture(autouse=True)
def _no_apphook_urls_from_earlier_tests(django_db_blocker):
    # The apphook URLs live in the process, not the rolled-back database: drop them after
    # the test that loaded them (itself, or a request that saw new apphooks), or later tests
    # pass or fail by the order they ran in.
    revision = get_local_revision()
    yield
    if _apphook_urls["loaded"] or get_local_revision() != revision:
        with django_db_blocker.unblock():
            reload_urlconf()
        _apphook_urls["loaded"] = False


@pytest.fixture
def staff_user(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "secret")


@pytest.fixture(autouse=True)
def _fresh_cache():
    # django CMS caches menus and pages; rows from an earlier test must not leak through.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request through the test client leaves its language active in this thread.
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()
