"""The work waiting in the outboxes, as gauges read at each scrape of /metrics (one query per
app): what a stuck worker or a dead broker leaves behind grows here first."""

import logging

from django.db import DatabaseError
from prometheus_client.core import GaugeMetricFamily

from center.newsletter.selectors import pending_deliveries_by_sending_campaign
from center.registrations.selectors import pending_notices
from center.trials.selectors import outbox_backlog

logger = logging.getLogger(__name__)


class BacklogCollector:
    def collect(self):
        try:
            trials = outbox_backlog()
            notices = pending_notices()
            campaigns = pending_deliveries_by_sending_campaign()
        except DatabaseError as error:  # the request metrics still answer; readyz says why
            logger.warning("Backlog metrics skipped: %s", str(error).strip().splitlines()[:1])
            return
        emails = GaugeMetricFamily("portal_trial_emails_unsent",
                                   "Apply for Trial emails not sent, by status", labels=["status"])
        for status, count in trials.items():
            emails.add_metric([status], count)
        yield emails
        yield GaugeMetricFamily("portal_registration_notices_pending",
                                "Emails to event registrants not sent yet", value=notices)
        deliveries = GaugeMetricFamily("portal_campaign_deliveries_pending",
                                       "Newsletter messages still to send, per sending campaign",
                                       labels=["campaign"])
        for campaign_id, count in sorted(campaigns.items()):
            deliveries.add_metric([str(campaign_id)], count)
        yield deliveries
