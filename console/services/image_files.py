"""Pictures people attach (a case's field photo, a premise's storefront): one check of what is accepted — PNG
or JPEG by name and by content, at most MAX_BYTES, a name that fits the column — so cases and premises refuse
the same files in the same words, naming the file."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from console.domain.messages import Explained, explain

MAX_BYTES = 10 * 2**20
IMAGE_TYPES = {".png": ("image/png", b"\x89PNG\r\n\x1a\n"), ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
               ".jpeg": ("image/jpeg", b"\xff\xd8\xff")}


class AttachmentError(Explained, ValueError):
    """The file cannot be attached; the message names the file and what is wrong with it."""


@dataclass(frozen=True)
class CheckedImage:
    filename: str
    mime_type: str
    data: bytes


def read_image(path: Path, max_name_length: int) -> CheckedImage:
    """The picture at `path`, or AttachmentError saying why it is refused; nothing is written either way."""
    kind = IMAGE_TYPES.get(path.suffix.lower())
    if kind is None:
        raise AttachmentError(explain("{file}: only PNG or JPEG pictures can be attached", file=path.name))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AttachmentError(explain("{file}: cannot be read ({detail})", file=path,
                                      detail=exc.strerror or exc)) from exc
    mime, signature = kind
    if not data.startswith(signature):
        raise AttachmentError(explain("{file}: the content is not a {format} picture", file=path.name,
                                      format=path.suffix[1:].upper()))
    if len(data) > MAX_BYTES:
        raise AttachmentError(explain("{file}: {size} MiB is over the {limit} MiB limit", file=path.name,
                                      size=f"{len(data) / 2**20:.1f}", limit=MAX_BYTES // 2**20))
    if len(path.name) > max_name_length:
        raise AttachmentError(explain("{file}: the file name is too long", file=path.name))
    return CheckedImage(path.name, mime, data)
