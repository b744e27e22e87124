from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .models import Campaign, Delivery, Subscriber

RATE_WINDOW = timedelta(seconds=30)


@dataclass
class Progress:
    total: int
    sent: int
    failed: int
    skipped: int
    pending: int
    per_second: float
    seconds_left: int | None

    @property
    def percent(self) -> int:
        done = self.total - self.pending
        return round(100 * done / self.total) if self.total else 0

    def as_dict(self) -> dict:
        return {**self.__dict__, "percent": self.percent}


def _counts(queryset: QuerySet) -> dict:
    return queryset.aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
        failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
        skipped=Count("pk", filter=Q(status=Delivery.Status.SKIPPED)),
        pending=Count("pk", filter=Q(status=Delivery.Status.PENDING)),
    )


def campaign_progress(campaign: Campaign, *, now=None) -> Progress:
    """Counts, the send rate over the last 30 seconds and the time left at that rate."""
    now = now or timezone.now()
    deliveries = Delivery.objects.filter(campaign=campaign)
    counts = _counts(deliveries)
    recent = deliveries.filter(sent_at__gte=now - RATE_WINDOW).count()
    per_second = recent / RATE_WINDOW.total_seconds()
    left = None
    if counts["pending"] and per_second and campaign.status == Campaign.Status.SENDING:
        left = round(counts["pending"] / per_second)
    return Progress(per_second=round(per_second, 2), seconds_left=left, **counts)


def campaign_audience(campaign: Campaign, *, chunk_size: int = 2000) -> Iterator[int]:
    """The ids of the readers the campaign reaches: the confirmed subscribers of its
    language who chose one of its topics (any, when it has none). Topics are a JSON list,
    so they are matched here rather than in SQL (SQLite too)."""
    wanted = set(campaign.topics or [])
    readers = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED,
                                        language=campaign.language)
    for pk, topics in readers.values_list("pk", "topics").iterator(chunk_size=chunk_size):
        if not wanted or wanted & set(topics or []):
            yield pk


def campaign_audience_count(campaign: Campaign) -> int:
    """How many readers "Send now" would reach right now (campaign_audience)."""
    if not campaign.topics:
        return Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED,
                                         language=campaign.language).count()
    return sum(1 for _pk in campaign_audience(campaign))


def campaigns_with_totals(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        total_sent=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)),
        total_failed=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.FAILED)),
        total_pending=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.PENDING)),
    )


def subscriber_by_token(token: str) -> Subscriber | None:
    if not token or len(token) > 64:
        return None
    return Subscriber.objects.filter(token=token).first()


def published_campaign(public_id) -> Campaign | None:
    # Drafts stay private even to someone who guesses the address.
    return Campaign.objects.filter(
        public_id=public_id, status__in=[Campaign.Status.SENDING, Campaign.Status.SENT]).first()


def subscriber_data_export(subscriber: Subscriber) -> dict:
    """Everything stored about one subscriber, for a data-subject request."""
    def when(value):
        return value.isoformat() if value else None

    return {
        "email": subscriber.email,
        "status": subscriber.status,
        "language": subscriber.language,
        "topics": subscriber.topics,
        "signed_up": when(subscriber.created_at),
        "confirmed": when(subscriber.confirmed_at),
        "unsubscribed": when(subscriber.unsubscribed_at),
        "consent_records": [
            {"action": record.action, "when": when(record.created_at),
             "privacy_text_version": record.privacy_version, "language": record.language,
             "topics": record.topics, "ip_address": record.ip_address,
             "user_agent": record.user_agent, "source_page": record.source,
             "confirmed": when(record.confirmed_at)}
            for record in subscriber.consents.order_by("created_at", "pk")
        ],
        "deliveries": [
            {"campaign": delivery.campaign.subject, "status": delivery.status,
             "sent": when(delivery.sent_at), "message_id": delivery.message_id}
            for delivery in subscriber.deliveries.select_related("campaign").order_by("pk")
        ],
    }


def pending_deliveries_by_sending_campaign() -> dict[int, int]:
    """Messages still to send of each campaign that is sending: one query, for /metrics."""
    return dict(Delivery.objects.filter(status=Delivery.Status.PENDING,
                                        campaign__status=Campaign.Status.SENDING)
                .order_by().values_list("campaign_id").annotate(n=Count("id")))
