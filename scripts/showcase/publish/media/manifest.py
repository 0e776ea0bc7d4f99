"""What the media step publishes for each profile: files, URLs, pixel sizes, bytes.

Plain frozen values (no I/O): what pages and feeds read of the media.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from showcase.content.hashing import hash_once


@dataclass(frozen=True)
class Variant:
    url: str  # site-relative, e.g. 'ho-so/<slug>/anh-480.webp'
    width: int
    height: int
    mime: str
    length: int = 0  # bytes; 0 until the file is made (see prepare)


@hash_once
@dataclass(frozen=True)
class PhotoSet:
    webp: tuple[Variant, ...]
    jpeg: tuple[Variant, ...]
    width: int  # of the largest variant
    height: int


@hash_once
@dataclass(frozen=True)
class Media:
    """Everything published for one profile's picture."""

    photo: PhotoSet | None
    card: Variant
    entries: tuple[str, ...]  # in the cache: the photo's folder (if any), the card's file

    @property
    def picture(self) -> Variant:
        """The item picture of feeds: the largest JPEG of the photo, else the card."""
        return self.photo.jpeg[-1] if self.photo else self.card

    @property
    def thumbnail(self) -> Variant:
        return self.photo.jpeg[0] if self.photo else self.card


Manifest = Mapping[str, Media]  # by slug
