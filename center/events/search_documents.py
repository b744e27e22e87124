"""Published events for site search: one entry per language the event is written in."""

from .models import Event, Session, SessionSpeaker

KIND = "event"
WATCH_MODELS = [Event, Session, SessionSpeaker]


def searchable_objects():
    return Event.objects.published().prefetch_related(
        "translations", "sessions__translations",
        "sessions__session_speakers__person__translations")


def documents_for(event: Event) -> list[dict]:
    documents = []
    for translation in event.translations.all():
        language = translation.language_code
        sessions = [s.safe_translation_getter("title", language_code=language,
                                              any_language=True) or ""
                    for s in event.sessions.all()]
        people = [part.person.safe_translation_getter("name", language_code=language,
                                                      any_language=True) or ""
                  for s in event.sessions.all() for part in s.session_speakers.all()]
        body = " ".join([translation.summary, translation.body, translation.venue_name,
                         translation.venue_address, *sessions, *people])
        documents.append({"language": language, "title": translation.title,
                          "body": " ".join(body.split()), "url": event.get_absolute_url(language)})
    return documents
