"""Prometheus metrics at /metrics (center/core/metrics.py): only for the monitoring network
or a bearer token; requests counted by view and status, front-cache hits included; the
outbox and campaign backlogs read from the database at each scrape."""

import pytest
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from center.newsletter.models import Campaign, Delivery
from center.trials.models import EmailOutbox
from tests.newsletter.factories import CampaignFactory, DeliveryFactory
from tests.trials.factories import application_create

PAGE = "/en/about-us/ethical-and-responsible-ai/"
OUTSIDE = "203.0.113.9"


def scrape(client=None) -> dict[tuple, float]:
    response = (client or Client()).get("/metrics")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(response.content.decode())
            for sample in family.samples}


def requests_of(samples, view, status="200") -> float:
    key = ("portal_http_requests_total",
           (("method", "GET"), ("status", status), ("view", view)))
    return samples.get(key, 0.0)


def test_metrics_are_refused_from_outside_with_a_plain_404(db):
    outsider = Client(REMOTE_ADDR=OUTSIDE)
    assert outsider.get("/metrics").status_code == 404
    assert outsider.get("/metrics", HTTP_AUTHORIZATION="Bearer guess").status_code == 404


def test_a_bearer_token_or_an_allowed_network_opens_them(db, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    settings.METRICS_ALLOWED_IPS = ["10.8.0.0/16"]
    assert Client(REMOTE_ADDR=OUTSIDE).get(
        "/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token").status_code == 200
    assert Client(REMOTE_ADDR="10.8.3.4").get("/metrics").status_code == 200
    assert Client(REMOTE_ADDR="127.0.0.1").get("/metrics").status_code == 404  # not listed


def test_behind_a_proxy_the_visitor_address_counts_not_the_proxys(db, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    via_proxy = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=OUTSIDE)
    assert via_proxy.get("/metrics").status_code == 404


def test_robots_txt_disallows_them(db):
    assert "Disallow: /metrics\n" in Client().get("/robots.txt").content.decode()


def grown(before, after) -> dict[tuple, float]:
    """Request counters that moved between two scrapes: {(method, status, view): by how much}."""
    return {tuple(value for _label, value in labels): value - before.get((name, labels), 0.0)
            for (name, labels), value in after.items()
            if name == "portal_http_requests_total" and value > before.get((name, labels), 0.0)}


def test_page_views_and_front_cache_hits_are_counted(demo_pages):
    before = scrape()
    first = Client().get(PAGE)   # rendered, then stored by the front cache
    second = Client().get(PAGE)  # answered by the front cache
    Client().get("/en/no-such-page-here/")
    after = scrape()

    assert first.status_code == second.status_code == 200
    counted = grown(before, after)
    rendered = {key for key in counted if key[1] == "200" and key[2] != "front_cache"}
    assert counted.pop(("GET", "200", "front_cache")) == 1
    assert counted.pop(("GET", "200", "metrics")) == 1  # the first scrape
    (page_view,) = rendered - {("GET", "200", "metrics")}
    assert counted.pop(page_view) == 1  # by the CMS page view's URL name
    ((method, status, _view),) = counted  # the missing page
    assert (method, status) == ("GET", "404")
    hits = ("portal_http_request_duration_seconds_count", (("view", "front_cache"),))
    assert after[hits] == before.get(hits, 0.0) + 1


def test_backlog_gauges_follow_the_pending_rows(db):
    assert scrape()[("portal_trial_emails_unsent", (("status", "pending"),))] == 0
    application_create()  # its emails wait in the outbox (no commit: not sent here)
    pending = EmailOutbox.objects.filter(status="pending").count()
    EmailOutbox.objects.filter(pk=EmailOutbox.objects.first().pk).update(status="failed")
    sending = CampaignFactory(status=Campaign.Status.SENDING)
    DeliveryFactory.create_batch(3, campaign=sending)
    DeliveryFactory(campaign=sending, status=Delivery.Status.SENT)
    DeliveryFactory(campaign=CampaignFactory(status=Campaign.Status.DRAFT))

    samples = scrape()

    assert pending > 0
    assert samples[("portal_trial_emails_unsent", (("status", "pending"),))] == pending - 1
    assert samples[("portal_trial_emails_unsent", (("status", "failed"),))] == 1
    assert samples[("portal_registration_notices_pending", ())] == 0
    campaigns = {labels: value for (name, labels), value in samples.items()
                 if name == "portal_campaign_deliveries_pending"}
    assert campaigns == {(("campaign", str(sending.pk)),): 3}


@pytest.mark.parametrize("path", ["/healthz", "/metrics"])
def test_probes_and_scrapes_are_counted_by_name(db, path):
    Client().get(path)
    assert requests_of(scrape(), path.strip("/")) >= 1
