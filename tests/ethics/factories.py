import factory

from center.ethics.models import CodeVersion, Principle, Section
from center.ethics.services import version_publish


class CodeVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CodeVersion

    label = factory.Sequence(lambda n: f"0.{n + 1}")
    title = "Code of Ethics"
    preamble = "Why the Center has a Code."


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    version = factory.SubFactory(CodeVersionFactory)
    order = factory.Sequence(int)
    title = factory.Sequence(lambda n: f"Section {n}")


class PrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Principle

    section = factory.SubFactory(SectionFactory)
    version = factory.SelfAttribute("section.version")
    number = factory.Sequence(lambda n: n + 1)
    order = factory.SelfAttribute("number")
    title = factory.LazyAttribute(lambda p: f"Principle title {p.number}")
    text = factory.LazyAttribute(lambda p: f"The text of principle {p.number}.")
    commentary = ""


def translate(obj, language: str, **fields) -> None:
    obj.set_current_language(language)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()


def code_version(label: str, texts: dict[int, str], *, publish: bool = True,
                 sections: int = 1) -> CodeVersion:
    """A version whose principles are {number: English text}, spread over `sections`."""
    version = CodeVersionFactory(label=label, title=f"Code of Ethics {label}")
    parts = [SectionFactory(version=version, order=i, title=f"Part {i + 1}")
             for i in range(sections)]
    for index, (number, text) in enumerate(sorted(texts.items())):
        PrincipleFactory(version=version, section=parts[index % sections], number=number,
                         title=f"Title {number}", text=text)
    if publish:
        version_publish(version=version, user=None)
    return version
