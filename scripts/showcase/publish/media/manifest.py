"""What the media step publishes for each profile: files, URLs, pixel sizes, bytes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from showcase.content.hashing import hash_once
from showcase.content.model import Profile
from showcase.publish import urls
from showcase.publish.media import imaging
from showcase.publish.media.imaging import MediaError


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


def photo_set(root: str, profile: Profile) -> PhotoSet | None:
    """The web variants a profile's photo will have, from its header only."""
    if not profile.photo:
        return None
    full = os.path.join(root, profile.photo)
    try:
        st = os.stat(full)
    except OSError:
        raise MediaError(imaging.message(profile.photo, "không tìm thấy tệp ảnh")) from None
    width, height = imaging.upright_size(full, st.st_mtime_ns, st.st_size, profile.photo)
    sizes = imaging.variant_sizes(width, height)
    slug = profile.slug
    webp = tuple(Variant(urls.photo_url(slug, w, "webp"), w, h, "image/webp") for w, h in sizes)
    jpeg = tuple(Variant(urls.photo_url(slug, w, "jpg"), w, h, "image/jpeg") for w, h in sizes)
    return PhotoSet(webp, jpeg, sizes[-1][0], sizes[-1][1])
