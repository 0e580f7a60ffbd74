"""Pictures a practitioner uploads: checked, re-drawn without their metadata, kept in the database.

A photo straight from a phone carries where and when it was taken (EXIF,
GPS). Every upload is therefore decoded and drawn again into new bytes, so
nothing but the pixels survives. Limits come first: the upload's size, and
the number of pixels it claims before it is decoded, so a small file that
unpacks into a huge picture (a "decompression bomb") is refused cheaply.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from PIL import Image as Pil
from PIL import ImageOps, UnidentifiedImageError

from .models import Image

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_UPLOAD_MB = MAX_UPLOAD_BYTES // (1024 * 1024)
# About 40 megapixels: more than any phone's photo, far less than a bomb.
MAX_PIXELS = 40_000_000
MAX_WIDTH = 1600
JPEG_QUALITY = 82
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# What the upload field offers to pick, the same list as above.
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,image/gif"


@dataclass(frozen=True)
class Format:
    content_type: str
    extension: str


JPEG = Format("image/jpeg", "jpg")
PNG = Format("image/png", "png")
# What the media view answers with, by the extension in the address.
FORMATS = {f.extension: f for f in (JPEG, PNG)}


class ImageRejected(ValueError):
    """The upload cannot be used; the message says why, kindly, to the practitioner."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


NOT_A_PICTURE = (
    "That file doesn't look like a picture we can use. "
    "A JPEG, PNG, WebP or GIF file works; everything else on the page is still here."
)
TOO_BIG = (
    f"That picture is larger than {MAX_UPLOAD_MB} MB. "
    "A smaller copy works just as well here; everything else on the page is still here."
)
TOO_MANY_PIXELS = (
    "That picture has more pixels than we can safely handle. "
    "A smaller copy would work; everything else on the page is still here."
)


def _open(upload: Any) -> Pil.Image:
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ImageRejected(TOO_BIG)
    raw = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(raw) > MAX_UPLOAD_BYTES:
        raise ImageRejected(TOO_BIG)
    try:
        picture = Pil.open(io.BytesIO(raw))
    except (UnidentifiedImageError, OSError, ValueError):
        raise ImageRejected(NOT_A_PICTURE) from None
    except Pil.DecompressionBombError:
        raise ImageRejected(TOO_MANY_PIXELS) from None
    if picture.format not in ACCEPTED_FORMATS:
        raise ImageRejected(NOT_A_PICTURE)
    # The header's claim, checked before any pixel is decoded.
    if picture.width * picture.height > MAX_PIXELS:
        raise ImageRejected(TOO_MANY_PIXELS)
    try:
        # An animated GIF keeps its first frame only.
        picture.seek(0)
        picture.load()
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ImageRejected(NOT_A_PICTURE) from None
    return picture


def _redrawn(picture: Pil.Image) -> tuple[bytes, Format, int, int]:
    """New bytes with only the pixels: turned upright, at most MAX_WIDTH wide."""
    upright = ImageOps.exif_transpose(picture) or picture
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info
    )
    clean = upright.convert("RGBA" if has_alpha else "RGB")
    if clean.width > MAX_WIDTH:
        height = max(1, round(clean.height * MAX_WIDTH / clean.width))
        clean = clean.resize((MAX_WIDTH, height), Pil.Resampling.LANCZOS)
    out = io.BytesIO()
    # A fresh image has no info, so nothing (EXIF, XMP, ICC, comments) is written with it.
    if has_alpha:
        clean.save(out, "PNG", optimize=True)
        chosen = PNG
    else:
        clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        chosen = JPEG
    return out.getvalue(), chosen, clean.width, clean.height


def store_image(upload: UploadedFile | Any, uploaded_by: Any) -> Image:
    """Check, re-draw and keep an uploaded picture; the same bytes are kept once.

    Raises ImageRejected with a message for the practitioner when the file
    is too big, not a picture, or has too many pixels.
    """
    picture = _open(upload)
    data, chosen, width, height = _redrawn(picture)
    digest = hashlib.sha256(data).hexdigest()
    found = Image.objects.filter(digest=digest).first()
    if found is not None:
        return found
    try:
        # A savepoint, so a twin saved at the same moment does not spoil the caller's transaction.
        with transaction.atomic():
            return Image.objects.create(
                uploaded_by=uploaded_by,
                data=data,
                content_type=chosen.content_type,
                width=width,
                height=height,
                digest=digest,
            )
    except IntegrityError:
        return Image.objects.get(digest=digest)


def extension_of(image: Image) -> str:
    """The extension in the picture's address, from its content type."""
    return next((f.extension for f in FORMATS.values() if f.content_type == image.content_type), "")
