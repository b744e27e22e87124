"""The messages the newsletter sends. A campaign is rendered once per batch; each
recipient's copy only swaps in their personal token, so sending stays cheap."""

import textwrap
import uuid
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from center.core.links import absolute

from . import links
from .content import html_sanitize, html_to_text
from .models import Campaign, ConsentRecord
from .tokens import confirmation_token

# Stand in for a subscriber's token, address and Message-ID in the rendered campaign; a
# token (URL-safe base64) never contains them.
TOKEN_MARK = "tokenmarkx0x"
TO_MARK = "recipient-mark-x0x@example.invalid"
MESSAGE_ID_MARK = "<message-id-mark-x0x@example.invalid>"
# SMTP allows 998 characters a line; longer ones make Django quoted-printable-encode the
# body, which could split a mark. Kept well below, so bodies stay 8bit and marks intact.
MAX_LINE = 900


def new_message_id() -> str:
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{uuid.uuid4().hex}@{domain}>"


def _list_unsubscribe_headers(unsubscribe_url: str) -> dict:
    # RFC 8058 one-click: mail providers POST "List-Unsubscribe=One-Click" to the address.
    return {"List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _short_lines(text: str, *, width: int) -> str:
    # Breaks only at whitespace, where a newline reads the same in HTML and in plain text.
    lines = []
    for line in text.splitlines():
        lines.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
                     if len(line) > width else [line])
    return "\n".join(lines)


def confirmation_email(*, consent: ConsentRecord) -> EmailMultiAlternatives:
    subscriber = consent.subscriber
    language = subscriber.language
    url = links.newsletter_url("confirm", language=language,
                               token=confirmation_token(consent_id=consent.pk))
    with translation.override(language):
        context = {"confirm_url": url, "site_url": absolute("/"),
                   "language": language}
        subject = gettext("Please confirm your newsletter subscription")
        text = render_to_string("newsletter/email/confirmation.txt", context)
        html = render_to_string("newsletter/email/confirmation.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL,
                                     [subscriber.email])
    message.attach_alternative(html, "text/html")
    return message


class CampaignMail:
    """A campaign rendered once, then copied per recipient."""

    def __init__(self, campaign: Campaign, *, subject_prefix: str = ""):
        language = campaign.language
        body = html_sanitize(str(campaign.body_html))
        token_kwargs = {"language": language, "token": TOKEN_MARK}
        context = {
            "campaign": campaign,
            "body": mark_safe(body),  # sanitised just above
            "web_url": absolute(campaign.get_absolute_url()),
            "unsubscribe_url": links.newsletter_url("unsubscribe", **token_kwargs),
            "preferences_url": links.newsletter_url("preferences", **token_kwargs),
            "site_url": absolute("/"),
            "language": language,
        }
        with translation.override(language):
            self.html = _short_lines(
                render_to_string("newsletter/email/campaign.html", context), width=MAX_LINE)
            self.text = _short_lines(render_to_string(
                "newsletter/email/campaign.txt", {**context, "body_text": html_to_text(body)}),
                width=76)
        self.subject = f"{subject_prefix}{campaign.subject}"
        self.unsubscribe_url = context["unsubscribe_url"]
        self._raw = self._raw_template()
        self.envelope_from = sanitize_address(settings.DEFAULT_FROM_EMAIL,
                                              settings.DEFAULT_CHARSET)

    def _raw_template(self) -> bytes | None:
        """The whole message as SMTP bytes, once, with marks where each recipient's
        address, Message-ID and token go: building MIME per recipient would cost more
        than sending it. None when a mark did not survive encoding (then per message)."""
        raw = self.message(to=TO_MARK, token=TOKEN_MARK, message_id=MESSAGE_ID_MARK
                           ).message().as_bytes(linesep="\r\n")
        tokens = self.html.count(TOKEN_MARK) + self.text.count(TOKEN_MARK) + 1  # + header
        intact = (raw.count(TO_MARK.encode()) == 1 and raw.count(MESSAGE_ID_MARK.encode()) == 1
                  and raw.count(TOKEN_MARK.encode()) == tokens)
        return raw if intact else None


    def raw(self, *, to: str, token: str, message_id: str) -> bytes | None:
        """This recipient's copy as SMTP bytes, or None where only the full path is safe
        (an address that needs header encoding)."""
        if self._raw is None or not to.isascii() or "\n" in to or "\r" in to:
            return None
        return (self._raw.replace(TO_MARK.encode(), to.encode())
                .replace(MESSAGE_ID_MARK.encode(), message_id.encode())
                .replace(TOKEN_MARK.encode(), token.encode()))

    def message(self, *, to: str, token: str, message_id: str,
                connection=None) -> EmailMultiAlternatives:
        headers = {"Message-ID": message_id,
                   **_list_unsubscribe_headers(self.unsubscribe_url.replace(TOKEN_MARK, token))}
        message = EmailMultiAlternatives(
            self.subject, self.text.replace(TOKEN_MARK, token), settings.DEFAULT_FROM_EMAIL,
            [to], headers=headers, connection=connection)
        message.attach_alternative(self.html.replace(TOKEN_MARK, token), "text/html")
        return message
