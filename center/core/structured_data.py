import json

from django.utils.safestring import SafeString, mark_safe

# Text inside <script> ends at the first "</script>": escape what could close or confuse it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   ord("\u2028"): "\\u2028", ord("\u2029"): "\\u2029"}


def json_ld_script_body(data: dict) -> SafeString:
    """JSON safe to place between <script type="application/ld+json"> tags."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))
