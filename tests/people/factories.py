from io import BytesIO

import factory
from django.core.files import File
from filer.models import Image as FilerImage
from PIL import Image

from center.people.models import Organisation, Person, Position


class TranslatedFactory(factory.django.DjangoModelFactory):
    """parler models: `name` etc. are English; `zh` is a dict of Chinese field values."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, zh=None, only_zh=False, **kwargs):
        translated = {f: kwargs.pop(f) for f in model_class._parler_meta.get_all_fields()
                      if f in kwargs}
        instance = model_class(*args, **kwargs)
        if not only_zh:
            instance.set_current_language("en")
            for field, value in translated.items():
                setattr(instance, field, value)
        for field, value in (zh or {}).items():
            instance.set_current_language("zh-hans")
            setattr(instance, field, value)
        instance.save()
        instance.set_current_language("en")
        return instance


class OrganisationFactory(TranslatedFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")


class PersonFactory(TranslatedFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    name = factory.Sequence(lambda n: f"Person Number{n}")
    short_bio = "Speaks about AI ethics."


class PositionFactory(TranslatedFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title = "Professor"


def filer_image_create(*, size=(800, 600), name="portrait.jpg") -> FilerImage:
    buffer = BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, "JPEG")
    buffer.seek(0)
    return FilerImage.objects.create(original_filename=name, file=File(buffer, name=name))


def fake_renditions(slug: str) -> dict:
    """The shape the renditions service stores, without writing files."""
    return {
        key: [{"url": f"/media/people/portraits/{slug}-{w}.{ext}", "width": w}
              for w in (160, 320, 640)]
        for key, ext in (("webp", "webp"), ("jpeg", "jpg"))
    } | {"width": 320, "height": 320}
