"""Downloads handed to something else, so a large file never holds a Python worker: the web
server in front (nginx's X-Accel-Redirect, when X_ACCEL_REDIRECT_PREFIX is set, deploy/nginx/)
for files on local disk, or the S3-compatible store itself (a signed URL that expires soon)
for files in a bucket."""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files import File
from django.http import HttpResponse, HttpResponseRedirect


def x_accel_response(stored: File, *, content_type: str, filename: str) -> HttpResponse | None:
    """An empty response telling nginx which file under MEDIA_ROOT to send, or None when the
    setting is off or the file is not on disk under MEDIA_ROOT (the caller then streams it)."""
    prefix = settings.X_ACCEL_REDIRECT_PREFIX
    if not prefix:
        return None
    try:
        path = Path(stored.path).resolve()  # a stored file's path on a FileSystemStorage
        relative = path.relative_to(Path(settings.MEDIA_ROOT).resolve())
    except (AttributeError, NotImplementedError, ValueError):
        return None  # nginx's internal location only reaches files under MEDIA_ROOT
    response = HttpResponse(content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Percent-encoded: nginx decodes the URI, so spaces or non-ASCII names reach the file.
    response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{quote(relative.as_posix())}"
    return response


def signed_redirect(stored: File, *, content_type: str, filename: str,
                    seconds: int | None = None) -> HttpResponse | None:
    """A 302 to a signed URL of the S3 object behind `stored`, valid for `seconds` (default
    MEDIA_S3_SIGNED_URL_SECONDS) and saying to save it as `filename`; None for a file not in
    a bucket. Signed even for a public object: the URL reaches only this one download."""
    obj = getattr(getattr(stored, "file", stored), "obj", None)  # django-storages' S3File
    storage = getattr(stored, "storage", None)
    if obj is None or not hasattr(storage, "connection"):
        return None
    url = storage.connection.meta.client.generate_presigned_url("get_object", Params={
        "Bucket": obj.bucket_name, "Key": obj.key,
        "ResponseContentType": content_type,
        "ResponseContentDisposition": f'attachment; filename="{filename}"',
    }, ExpiresIn=seconds or settings.MEDIA_S3_SIGNED_URL_SECONDS)
    response = HttpResponseRedirect(url)
    # Never kept by a cache: the URL stops working soon.
    response["Cache-Control"] = "private, no-store"
    return response
