import time

import factory

from center.trials.models import DecisionTemplate, PrivacyNotice, Product, TrialApplication
from center.trials.services import application_submit
from center.trials.tokens import started_token
from tests.people.factories import TranslatedFactory

LOOKUPS = {Product: "slug", PrivacyNotice: "version", DecisionTemplate: "state"}


class _GetOrCreate(TranslatedFactory):
    # TranslatedFactory creates directly, so get_or_create is done here, by `lookup`.
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        lookup = LOOKUPS[model_class]
        existing = model_class.objects.filter(**{lookup: kwargs[lookup]}).first()
        return existing or super()._create(model_class, *args, **kwargs)


class ProductFactory(_GetOrCreate):
    class Meta:
        model = Product

    slug = factory.Sequence(lambda n: f"product-{n}")
    name = factory.Sequence(lambda n: f"Product {n}")


class PrivacyNoticeFactory(_GetOrCreate):
    class Meta:
        model = PrivacyNotice

    version = "2026-01"
    text = "We process your data to assess your application."


class DecisionTemplateFactory(_GetOrCreate):
    class Meta:
        model = DecisionTemplate

    state = TrialApplication.State.APPROVED
    message = "We are pleased to approve your trial."


def application_create(*, email="ada@example.org", products=None, language="en",
                       intended_use="We will use it to triage radiology referrals. " * 3,
                       **overrides) -> TrialApplication:
    """An application submitted as the form does it (through the service)."""
    notice = PrivacyNoticeFactory()
    fields = dict(name="Ada Lovelace", email=email, organisation="Analytical Hospital",
                  job_title="Chief Medical Officer", country="United Kingdom",
                  sector="healthcare", products=products or [ProductFactory(slug="ai-healthcare",
                                                                            name="AI healthcare")],
                  intended_use=intended_use, expected_scale="pilot", privacy_notice=notice,
                  language=language, phone="", ip="203.0.113.5", user_agent="pytest")
    fields.update(overrides)
    application, _created = application_submit(**fields)
    return application


def form_data(**overrides) -> dict:
    """What a person's browser posts, started long enough ago to pass the minimum fill time
    (each call carries a new single-use start token)."""
    notice = PrivacyNoticeFactory()
    product = ProductFactory(slug="ai-healthcare", name="AI healthcare")
    data = {
        "name": "Ada Lovelace", "email": "ada@example.org", "organisation": "Analytical Hospital",
        "job_title": "Chief Medical Officer", "country": "United Kingdom",
        "sector": "healthcare", "products": [str(product.pk)],
        "intended_use": "We will use it to triage radiology referrals, with a doctor "
                        "checking every suggestion before it reaches a patient.",
        "expected_scale": "pilot", "phone": "+44 20 7946 0000", "consent": "on",
        "privacy_notice": notice.version, "website": "",
        "started": started_token(time.time() - 60),
    }
    data.update(overrides)
    return data
