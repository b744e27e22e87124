import enum
import logging
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext

from center.core.audit import audit_log
from center.core.queue import enqueue, enqueue_on_commit

from .content import html_sanitize
from .delivery import campaign_fail_start, campaigns_resume_stalled
from .digest import latest_content_html
from .emails import CampaignMail, confirmation_email, new_message_id
from .models import (
    Campaign,
    CampaignStartFailed,
    ConsentRecord,
    Delivery,
    Language,
    Subscriber,
    has_control_characters,
)
from .tokens import TokenInvalid

logger = logging.getLogger(__name__)

# A confirmation email whose task has not run after this long is sent again by the sweep.
CONFIRMATION_OUTBOX_DELAY = timedelta(minutes=2)


class ConfirmOutcome(enum.Enum):
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"  # a replayed link: nothing changes
    SUPERSEDED = "superseded"  # a newer confirmation email was sent since
    WITHDRAWN = "withdrawn"  # the address unsubscribed after this link was sent


def _client(*, ip: str | None, user_agent: str, source: str) -> dict:
    return {"ip_address": ip or None, "user_agent": (user_agent or "")[:500],
            "source": (source or "")[:500]}


def _locked_subscriber(email: str) -> Subscriber | None:
    return (Subscriber.objects.select_for_update().annotate(email_lower=Lower("email"))
            .filter(email_lower=email.lower()).first())


@transaction.atomic
def subscriber_subscribe(*, email: str, language: str, topics: list[str], ip: str | None,
                         user_agent: str = "", source: str = "") -> ConsentRecord | None:
    """Record a sign-up and email a confirmation link. A confirmed address gets nothing
    new (returns None); a pending or unsubscribed one starts over with a fresh link."""
    email = email.strip()
    subscriber = _locked_subscriber(email)
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email, language=language,
                                                       topics=topics)
        except IntegrityError:  # the same address, signed up at the same moment
            subscriber = _locked_subscriber(email)
    if subscriber.is_confirmed:
        return None
    subscriber.status = Subscriber.Status.PENDING
    subscriber.language, subscriber.topics = language, topics
    subscriber.save(update_fields=["status", "language", "topics", "updated_at"])
    consent = ConsentRecord.objects.create(
        subscriber=subscriber, action=ConsentRecord.Action.SUBSCRIBE, language=language,
        topics=topics, privacy_version=settings.NEWSLETTER_PRIVACY_VERSION,
        **_client(ip=ip, user_agent=user_agent, source=source))
    # A visitor waits for this email: with the broker down it is sent here and now.
    enqueue_on_commit("newsletter.send_confirmation", consent.pk, if_broker_down="run_here")
    return consent


def consent_send_confirmation(*, consent_id: int) -> bool:
    consent = (ConsentRecord.objects.select_related("subscriber")
               .filter(pk=consent_id, confirmed_at__isnull=True).first())
    if consent is None or consent.subscriber.status != Subscriber.Status.PENDING:
        return False
    confirmation_email(consent=consent).send()
    ConsentRecord.objects.filter(pk=consent.pk).update(confirmation_sent_at=timezone.now())
    return True


@transaction.atomic
def subscriber_confirm(*, consent_id: int, now: datetime | None = None) -> ConfirmOutcome:
    """Confirm the sign-up a link names. Raises TokenInvalid when it names no sign-up."""
    consent = ConsentRecord.objects.filter(
        pk=consent_id, action=ConsentRecord.Action.SUBSCRIBE).first()
    if consent is None:
        raise TokenInvalid
    subscriber = Subscriber.objects.select_for_update().get(pk=consent.subscriber_id)
    if consent.confirmed_at or subscriber.is_confirmed:
        return ConfirmOutcome.ALREADY_CONFIRMED
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return ConfirmOutcome.WITHDRAWN
    latest = subscriber.consents.filter(action=ConsentRecord.Action.SUBSCRIBE).order_by(
        "-created_at", "-pk").first()
    if latest.pk != consent.pk:
        return ConfirmOutcome.SUPERSEDED
    now = now or timezone.now()
    consent.confirmed_at = now
    consent.save(update_fields=["confirmed_at"])
    subscriber.status, subscriber.confirmed_at = Subscriber.Status.CONFIRMED, now
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at", "updated_at"])
    return ConfirmOutcome.CONFIRMED


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber, ip: str | None = None,
                           user_agent: str = "", source: str = "") -> bool:
    """Stop every email at once, including the rest of a campaign being sent. False when
    the address was already unsubscribed."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return False
    subscriber.status, subscriber.unsubscribed_at = (Subscriber.Status.UNSUBSCRIBED,
                                                     timezone.now())
    subscriber.save(update_fields=["status", "unsubscribed_at", "updated_at"])
    subscriber.deliveries.filter(status=Delivery.Status.PENDING).update(
        status=Delivery.Status.SKIPPED, claimed_until=None)
    ConsentRecord.objects.create(
        subscriber=subscriber, action=ConsentRecord.Action.UNSUBSCRIBE,
        language=subscriber.language, topics=subscriber.topics,
        privacy_version=settings.NEWSLETTER_PRIVACY_VERSION,
        **_client(ip=ip, user_agent=user_agent, source=source))
    return True


@transaction.atomic
def subscriber_update_preferences(*, subscriber: Subscriber, language: str, topics: list[str],
                                  ip: str | None = None, user_agent: str = "",
                                  source: str = "") -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriber.language, subscriber.topics = language, topics
    subscriber.save(update_fields=["language", "topics", "updated_at"])
    ConsentRecord.objects.create(
        subscriber=subscriber, action=ConsentRecord.Action.PREFERENCES, language=language,
        topics=topics, privacy_version=settings.NEWSLETTER_PRIVACY_VERSION,
        **_client(ip=ip, user_agent=user_agent, source=source))
    return subscriber


# --------------------------------------------------------------------------- campaigns

def _locked(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


def _start_problem(campaign: Campaign) -> tuple[str, str] | None:
    """Why this campaign cannot be sent, found before anything is written: (reason, detail).
    Campaigns saved before the subject was checked may still hold a line break."""
    if has_control_characters(campaign.subject) or has_control_characters(campaign.preheader):
        return Campaign.StartFailure.CONTROL_CHARACTERS, ""
    try:
        CampaignMail(campaign)  # what each batch renders: any error shows here first
    except Exception as error:  # noqa: BLE001 - any error: the staff member sees why
        logger.warning("Campaign %s cannot be rendered", campaign.pk, exc_info=True)
        return Campaign.StartFailure.RENDER, repr(error)
    return None


def _refuse_if_unsendable(campaign: Campaign, user: AbstractBaseUser | None) -> None:
    problem = _start_problem(campaign)
    if problem is None:
        return
    reason, detail = problem
    campaign_fail_start(campaign_id=campaign.pk, reason=reason, detail=detail, user=user)
    campaign.refresh_from_db()
    raise CampaignStartFailed(campaign)


def campaign_schedule(*, campaign: Campaign, at: datetime,
                      user: AbstractBaseUser | None = None) -> Campaign:
    """Raises CampaignStartFailed (the campaign stays in draft, with the reason) for a
    campaign that could not be sent: better known now than at the scheduled time."""
    if campaign.is_editable:
        _refuse_if_unsendable(campaign, user)
    return _schedule(campaign=campaign, at=at, user=user)


@transaction.atomic
def _schedule(*, campaign: Campaign, at: datetime, user: AbstractBaseUser | None) -> Campaign:
    campaign = _locked(campaign)
    campaign.schedule(at=at)
    campaign.save(update_fields=["status", "scheduled_at", "updated_at"])
    audit_log(obj=campaign, user=user, message=f"Scheduled for {at.isoformat()}.")
    return campaign


@transaction.atomic
def campaign_unschedule(*, campaign: Campaign, user: AbstractBaseUser | None = None) -> Campaign:
    campaign = _locked(campaign)
    campaign.unschedule()
    campaign.save(update_fields=["status", "updated_at"])
    audit_log(obj=campaign, user=user, message="Returned to draft.")
    return campaign


def campaign_send_now(*, campaign: Campaign, user: AbstractBaseUser | None = None) -> Campaign:
    """Start sending; a task freezes the recipient list right after commit. Raises
    CampaignStartFailed when sending cannot begin (the campaign is then in draft with the
    reason): a campaign that cannot be rendered, or a queue that cannot take the task."""
    if campaign.is_editable:  # anything else is refused by the status check below
        _refuse_if_unsendable(campaign, user)
    campaign = _start(campaign=campaign, user=user)
    campaign.refresh_from_db()
    if campaign.status == Campaign.Status.DRAFT and campaign.start_failure:
        raise CampaignStartFailed(campaign)  # the task was refused or failed in-process
    return campaign


@transaction.atomic
def _start(*, campaign: Campaign, user: AbstractBaseUser | None) -> Campaign:
    campaign = _locked(campaign)
    campaign.start()
    campaign.save(update_fields=["status", "started_at", "last_progress_at", "start_failure",
                                 "start_failure_detail", "updated_at"])
    audit_log(obj=campaign, user=user, message="Sending started.")
    transaction.on_commit(partial(_publish_start, campaign.pk, user))
    return campaign


def _publish_start(campaign_id: int, user: AbstractBaseUser | None) -> None:
    # The broker is down: nothing can send it, and beat's sweep (which goes through the same
    # broker) cannot either. Back to draft, with the reason, rather than "sending" forever.
    if not enqueue("newsletter.start_campaign", campaign_id):
        campaign_fail_start(campaign_id=campaign_id, reason=Campaign.StartFailure.QUEUE,
                            user=user, sending_only=True)


@transaction.atomic
def campaign_cancel(*, campaign: Campaign, user: AbstractBaseUser | None = None) -> Campaign:
    """Stop a campaign; what was already sent stays sent, pending rows stay unsent."""
    campaign = _locked(campaign)
    campaign.cancel()
    campaign.save(update_fields=["status", "finished_at", "updated_at"])
    audit_log(obj=campaign, user=user, message="Cancelled.")
    return campaign


def campaign_request_test(*, campaign: Campaign, user: AbstractBaseUser) -> None:
    """A test copy to the staff member's own address. Nothing is written first, so it is
    enqueued at once; with the broker down it is sent here and now (they are waiting)."""
    enqueue("newsletter.send_test", campaign.pk, user.pk, if_broker_down="run_here")


def campaign_send_test(*, campaign_id: int, user_id: int) -> bool:
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    user = get_user_model().objects.filter(pk=user_id).first()
    if campaign is None or user is None or not user.email:
        return False
    mail = CampaignMail(campaign, subject_prefix="[TEST] ")
    mail.message(to=user.email, token="test-preview", message_id=new_message_id()).send()
    return True


def campaign_create_from_latest(*, language: str, user: AbstractBaseUser | None) -> Campaign:
    """A draft made from the latest news, events and whitepapers, for staff to edit."""
    language = language if language in Language.values else Language.ENGLISH
    with translation.override(language):
        subject = gettext("News from the Center, %(month)s") % {
            "month": timezone.localdate().strftime("%Y-%m")}
    return Campaign.objects.create(
        subject=subject, language=language, created_by=user,
        body_html=html_sanitize(latest_content_html(language=language)))


def newsletter_sweep(*, now: datetime | None = None) -> dict:
    """Beat, every minute: start scheduled campaigns whose time has come, restart the
    batches of a sending campaign that stopped progressing (its workers were killed), and
    resend confirmation emails whose task never ran."""
    now = now or timezone.now()
    report = {"started": 0, "resumed": 0, "finished": 0, "confirmations": 0}
    for campaign in Campaign.objects.due(now=now):
        try:
            campaign_send_now(campaign=campaign)
            report["started"] += 1
        except CampaignStartFailed as error:  # back in draft, the reason shown in the admin
            logger.warning("Scheduled campaign %s did not start: %s", campaign.pk, error)
        except Exception:  # noqa: BLE001 - one bad campaign must not stop the sweep
            logger.exception("Could not start scheduled campaign %s", campaign.pk)
    report.update(campaigns_resume_stalled(now=now))
    unsent = ConsentRecord.objects.filter(
        action=ConsentRecord.Action.SUBSCRIBE, confirmation_sent_at__isnull=True,
        confirmed_at__isnull=True, subscriber__status=Subscriber.Status.PENDING,
        created_at__lt=now - CONFIRMATION_OUTBOX_DELAY,
        created_at__gt=now - timedelta(seconds=settings.NEWSLETTER_CONFIRM_MAX_AGE_SECONDS))
    for consent_id in unsent.values_list("pk", flat=True)[:500]:
        enqueue("newsletter.send_confirmation", consent_id, force=True)
        report["confirmations"] += 1
    return report
