from django.db.models.signals import post_save
from django.dispatch import receiver
from filer.models import File

from .services import whitepapers_pdf_recheck


@receiver(post_save, dispatch_uid="publications_pdf_recheck")
def media_file_saved(sender, instance, raw=False, **kwargs):
    """The media library may replace a file's content while its id stays (filer's "change
    file", a script): every whitepaper showing that file is checked again. No sender filter:
    filer saves its File subclasses under their own class."""
    if raw or not isinstance(instance, File):
        return  # loaddata: files may not exist yet
    whitepapers_pdf_recheck(file=instance)
