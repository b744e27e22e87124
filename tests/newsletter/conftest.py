import pytest

from center.site.demo.loader import load_demo_pages


@pytest.fixture
def newsletter_page(db, client):
    """The demo pages with the newsletter apphook attached and its URLs loaded."""
    load_demo_pages()
    client.get("/en/")  # the CMS loads the new apphook URLs on the next request
    return "/en/newsletter/"


@pytest.fixture
def signup_data():
    return {"email": "ann@example.org", "language": "en", "topics": ["news", "events"],
            "consent": "on", "website": "", "source": "/en/about-us/"}


@pytest.fixture
def subscribe(client, signup_data, django_capture_on_commit_callbacks):
    """Posts the sign-up form like a visitor, running the tasks queued on commit."""
    def post(ip="198.51.100.7", path="/en/newsletter/", **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path, {**signup_data, **overrides}, REMOTE_ADDR=ip,
                               HTTP_USER_AGENT="Mozilla/5.0 test")
    return post


@pytest.fixture(autouse=True)
def _unthrottled(settings):
    # Pacing is tested on its own; elsewhere it would only slow the suite down.
    settings.NEWSLETTER_SEND_RATE = 0


@pytest.fixture
def send_now(django_capture_on_commit_callbacks):
    """Starts a campaign the way the admin button does; tasks run in-process (eager)."""
    from center.newsletter.services import campaign_send_now

    def start(campaign):
        with django_capture_on_commit_callbacks(execute=True):
            campaign_send_now(campaign=campaign)
        campaign.refresh_from_db()
        return campaign
    return start
