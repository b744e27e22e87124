"""The check-in QR code on the confirmation email: the signed check-in link as a PNG, which a
staff member's phone camera opens at the door."""

import io

import segno

QR_SCALE = 8  # about 300 px for a typical link: sharp on a phone screen held up at the door


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=QR_SCALE, border=4)
    return buffer.getvalue()
