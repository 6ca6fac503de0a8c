"""The seller's logo on its page: an image file, checked and embedded as a data URI.

>>> png = bytes.fromhex("89504e470d0a1a0a") + bytes(16)
>>> logo_data_uri(png)[:22]
'data:image/png;base64,'
"""

from __future__ import annotations

import base64
from pathlib import Path

from paxbill.exceptions import ArgumentTypeError, InvalidDocumentError

__all__ = ["MAX_LOGO_BYTES", "logo_data_uri"]

#: The largest logo a page embeds: 1 MB.
MAX_LOGO_BYTES = 1_000_000

#: Each image type, by the bytes its files start with.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def _media_type(data: bytes) -> str | None:
    for signature, media in _SIGNATURES:
        if data.startswith(signature):
            return media
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:1024].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "image/svg+xml"
    return None


def logo_data_uri(logo: object) -> str:
    """The logo *logo* (a path, or the file's bytes) as a ``data:`` URI.

    Raises:
        ArgumentTypeError: *logo* is neither a path nor bytes.
        InvalidDocumentError: the file cannot be read, is no PNG, JPEG, GIF,
            WebP or SVG image, or is over 1 MB.
    """
    if isinstance(logo, str | Path):
        try:
            data = Path(logo).read_bytes()
        except OSError as error:
            raise InvalidDocumentError(
                "logo", f"{logo}: cannot read it ({error.strerror})"
            ) from None
    elif isinstance(logo, bytes | bytearray):
        data = bytes(logo)
    else:
        raise ArgumentTypeError(logo, "a file path or the image's bytes", what="logo")
    if len(data) > MAX_LOGO_BYTES:
        raise InvalidDocumentError(
            "logo", f"is {len(data):,} bytes: a logo is at most 1 MB"
        )
    media = _media_type(data)
    if media is None:
        raise InvalidDocumentError("logo", "is not a PNG, JPEG, GIF, WebP or SVG image")
    return f"data:{media};base64,{base64.b64encode(data).decode('ascii')}"
