from zoneinfo import ZoneInfo, available_timezones

from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

DEFAULT_TIMEZONE = "Asia/Shanghai"


def validate_timezone(value: str) -> None:
    # ZoneInfo() alone would also accept file paths such as "../../etc/localtime".
    if value not in available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone, e.g. Asia/Shanghai."),
                              params={"value": value}, code="invalid_timezone")


class EventStatusError(Exception):
    """A status change that the event's current status does not allow."""


class EventQuerySet(TranslatableQuerySet):
    def published(self):
        return self.filter(status=Event.Status.PUBLISHED)

    def upcoming(self):
        # An event stays "upcoming" until it has ended, so a running event is still listed.
        return self.published().filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self):
        return self.published().filter(end__lt=timezone.now()).order_by("-start", "-pk")


class Event(TranslatableModel):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("In person and online")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=250),
        summary=models.TextField(_("summary"), blank=True,
                                 help_text=_("One or two sentences for lists and search.")),
        body=models.TextField(_("description"), blank=True,
                              help_text=_("Plain text; blank lines start new paragraphs.")),
        venue_name=models.CharField(_("venue"), max_length=250, blank=True),
        venue_address=models.CharField(_("venue address"), max_length=400, blank=True),
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    timezone = models.CharField(
        _("time zone"), max_length=64, default=DEFAULT_TIMEZONE, validators=[validate_timezone],
        help_text=_("Where the event takes place, e.g. Asia/Shanghai; times are shown in it."),
    )
    format = models.CharField(_("format"), max_length=20, choices=Format.choices,
                              default=Format.IN_PERSON)
    map_url = models.URLField(_("map link"), max_length=500, blank=True)
    registration_url = models.URLField(_("registration link"), max_length=500, blank=True)
    by_invitation = models.BooleanField(_("by invitation only"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TranslatableManager.from_queryset(EventQuerySet)()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start", "-pk"]
        indexes = [models.Index(fields=["status", "end"], name="events_event_status_end")]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")),
                                   name="events_event_ends_after_start"),
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})

    def get_absolute_url(self, language=None):
        # Takes a language so menus.utils.set_language_changer can ask for either version.
        with translation.override(language or translation.get_language()):
            return reverse("events:event_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def speakers(self) -> list:
        """Everyone with a part in the agenda, once each, in agenda order. Reads
        sessions and their speakers through .all() so a prefetch (selectors) is used; a
        card's event comes with its people read already (selectors.upcoming_event_cards)."""
        if "agenda_people" in self.__dict__:
            return self.agenda_people
        people = {}
        for session in self.sessions.all():
            for part in session.session_speakers.all():
                people.setdefault(part.person_id, part.person)
        return list(people.values())

    def publish(self, *, now=None) -> None:
        if self.is_published:
            raise EventStatusError(f"Event {self.pk} is already published.")
        self.status = self.Status.PUBLISHED
        self.published_at = now or timezone.now()

    def unpublish(self) -> None:
        if not self.is_published:
            raise EventStatusError(f"Event {self.pk} is not published.")
        self.status = self.Status.DRAFT


class Session(TranslatableModel):
    """One item of an event's agenda."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening")
        SPEECH = "speech", _("Speech")
        KEYNOTE = "keynote", _("Keynote")
        TALK = "talk", _("Talk")
        PANEL = "panel", _("Panel discussion")
        DISCUSSION = "discussion", _("Discussion")
        SIGNING = "signing", _("Signing")
        CEREMONY = "ceremony", _("Ceremony")
        BREAK = "break", _("Break")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions",
                              verbose_name=_("event"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    start = models.DateTimeField(_("starts"), null=True, blank=True,
                                 help_text=_("Leave empty when the time is not announced."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TALK)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=300),
        description=models.TextField(_("description"), blank=True),
    )
    speakers = models.ManyToManyField("people.Person", through="SessionSpeaker",
                                      related_name="event_sessions", verbose_name=_("speakers"))

    class Meta:
        # Context: plain "session" is already Django's login session (会话) in translations.
        verbose_name = pgettext_lazy("agenda", "session")
        verbose_name_plural = pgettext_lazy("agenda", "sessions")
        ordering = ["event", "order", "pk"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or f"#{self.pk}"


class SessionSpeaker(TranslatableModel):
    """A person's part in a session, e.g. a speech given on behalf of an institution."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        CHAIR = "chair", _("Chair")
        PANELIST = "panelist", _("Panelist")
        SIGNATORY = "signatory", _("Signatory")
        PARTICIPANT = "participant", _("Participant")

    session = models.ForeignKey(Session, on_delete=models.CASCADE,
                                related_name="session_speakers",
                                verbose_name=pgettext_lazy("agenda", "session"))
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT,
                               related_name="session_speakers", verbose_name=_("person"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices,
                            default=Role.SPEAKER)
    translations = TranslatedFields(
        note=models.CharField(_("note"), max_length=250, blank=True,
                              help_text=_("e.g. “on behalf of SenseTime”")),
    )

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["session", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"],
                                    name="events_sessionspeaker_once_per_session"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class UpcomingEvents(CMSPlugin):
    """Settings of an "Upcoming events" plugin placed on a CMS page."""

    number_of_events = models.PositiveSmallIntegerField(
        _("number of events"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )

    class Meta:
        verbose_name = _("upcoming events")
        verbose_name_plural = _("upcoming events")

    def __str__(self):
        return ngettext("Next %(count)d event", "Next %(count)d events",
                        self.number_of_events) % {"count": self.number_of_events}


class EventCard(CMSPlugin):
    """Settings of an "Event card" plugin: one chosen event."""

    # SET_NULL, not CASCADE: deleting an event must not silently edit published pages;
    # the card then shows nothing until an editor removes it.
    event = models.ForeignKey(Event, on_delete=models.SET_NULL, null=True,
                              related_name="+", verbose_name=_("event"))

    class Meta:
        verbose_name = _("event card")
        verbose_name_plural = _("event cards")

    def __str__(self):
        return str(self.event) if self.event_id else ""
