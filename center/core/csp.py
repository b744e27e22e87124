"""The Content-Security-Policy: strict for everyone, the editor's looser one for staff.

Public pages run only same-origin script files (no inline code, no nonces: a nonce cannot
survive the CMS page cache, which replays old HTML under a new header). The toolbar, the
editors and the admin set inline event handlers and styles at run time, so staff get
CONTENT_SECURITY_POLICY_STAFF. It is keyed on the user, not on a URL prefix:
the toolbar appears on public addresses, and staff responses are never page-cached.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        user = getattr(request, "user", None)
        if report_only or user is None or not user.is_staff:
            return parts
        # A view's own @csp policy still wins. No nonce: beside one, browsers ignore
        # 'unsafe-inline', which the editor needs.
        return PolicyParts(parts.config or settings.CONTENT_SECURITY_POLICY_STAFF,
                           parts.update, parts.replace, None)
