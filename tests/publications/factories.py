from datetime import date, timedelta
from io import BytesIO

import factory
from django.core.files import File as DjangoFile
from django.utils import timezone
from filer.models import File
from filer.models import Image as FilerImage
from PIL import Image

from center.publications.models import Topic, Whitepaper, WhitepaperAuthor
from center.publications.services import whitepaper_pdf_refresh
from tests.people.factories import PersonFactory, TranslatedFactory

__all__ = ["PersonFactory", "TopicFactory", "WhitepaperFactory", "WhitepaperAuthorFactory"]


def pdf_bytes(pages: int = 1, *, colour: str = "white") -> bytes:
    """A real (tiny) PDF, written by Pillow as the demo's is."""
    images = [Image.new("RGB", (200, 280), colour) for _ in range(pages)]
    buffer = BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


def png_bytes(size=(300, 400), colour="#336699") -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def filer_file_create(data: bytes, *, name: str = "paper.pdf") -> File:
    return File.objects.create(original_filename=name, file=DjangoFile(BytesIO(data), name=name))


def filer_image_create(data: bytes | None = None, *, name: str = "cover.png") -> FilerImage:
    return FilerImage.objects.create(original_filename=name,
                                     file=DjangoFile(BytesIO(data or png_bytes()), name=name))


class TopicFactory(TranslatedFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Topic {n}")


class WhitepaperFactory(TranslatedFactory):
    """A published paper; `draft=True` for a draft, `with_pdf=True` to attach a real PDF."""

    class Meta:
        model = Whitepaper

    slug = factory.Sequence(lambda n: f"whitepaper-{n}")
    title = factory.Sequence(lambda n: f"Whitepaper {n}")
    abstract = "A study of AI ethics."
    issuing_body = "The Center"
    publication_date = date(2021, 6, 1)
    status = Whitepaper.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=1))

    class Params:
        draft = factory.Trait(status=Whitepaper.Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=3)))

    @classmethod
    def _create(cls, model_class, *args, with_pdf=False, **kwargs):
        if with_pdf:
            kwargs["pdf"] = filer_file_create(pdf_bytes(pages=2))
        paper = super()._create(model_class, *args, **kwargs)
        if with_pdf:
            whitepaper_pdf_refresh(whitepaper=paper)
        return paper


class WhitepaperAuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WhitepaperAuthor

    whitepaper = factory.SubFactory(WhitepaperFactory)
    person = factory.SubFactory(PersonFactory)
    order = factory.Sequence(int)
