"""Downloads handed to the web server in front (nginx's X-Accel-Redirect), so a large file
never holds a Python worker. Off unless X_ACCEL_REDIRECT_PREFIX is set (deploy/nginx/)."""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files import File
from django.http import HttpResponse


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
