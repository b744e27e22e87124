import factory
from django.utils import timezone

from center.newsletter.emails import new_message_id
from center.newsletter.models import Campaign, Delivery, Subscriber, Topic


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "en"
    topics = factory.LazyFunction(lambda: list(Topic.values))
    status = Subscriber.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        pending = factory.Trait(status=Subscriber.Status.PENDING, confirmed_at=None)
        unsubscribed = factory.Trait(status=Subscriber.Status.UNSUBSCRIBED,
                                     unsubscribed_at=factory.LazyFunction(timezone.now))


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    subject = factory.Sequence(lambda n: f"Newsletter {n}")
    preheader = "What happened at the Center"
    body_html = '<p>Hello readers. <a href="https://example.org/paper">Read the paper</a></p>'
    language = "en"


class DeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delivery

    campaign = factory.SubFactory(CampaignFactory)
    subscriber = factory.SubFactory(SubscriberFactory)
    message_id = factory.LazyFunction(new_message_id)
