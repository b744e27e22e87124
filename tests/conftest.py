import pytest

from center.site.demo.loader import load_demo_pages

pytest_plugins = ["tests.mail_sink"]  # the smtp_sink fixture: a real SMTP server on loopback


@pytest.fixture
def demo_pages(db):
    """The demo page tree, as `make run` builds it."""
    return load_demo_pages()


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
