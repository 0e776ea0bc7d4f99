"""Decoding and encoding of photos: upright, sRGB, resized, no metadata.

A profile's photo is never published as uploaded: it is decoded, turned
upright (EXIF orientation), converted to sRGB, resized and re-encoded *without
any metadata* (phone photos carry the GPS position of the subject's home).
Encoding is deterministic: fixed settings, no timestamps.

Settings were chosen by measurement (``make bench``, ``bench.media``),
on camera photos (3000x2000) decoded at half scale and on 800x600 ones, SSIM
against the photo decoded at full scale and resized by Lanczos: the largest
variant by Pillow's box filter (an area average: 9.5 ms for 960 px, bilinear
13.9 ms, for the same SSIM, 0.9967; bicubic and Lanczos cost twice as much for
0.001 more); the 480-px variant a 2x2 average of the 960 one (``reduce``:
0.8 ms, a Lanczos pass 9 ms). The encoders' settings were measured again on
real photographs (``make bench BENCHES=photos``: the twelve of Debian's
mate-backgrounds, SSIM with the published Gaussian window against the variant
before encoding): WebP method 0 at quality 78 stays under the rule written
before measuring (no candidate smaller and as good at both widths within 1.5x
its encoding time), but method 2 at 78 gives 27 % fewer bytes at 960 px for the
same SSIM (25.7 against 35.0 KiB, SSIM 0.9755 against 0.9749) in 1.5-1.7x the time
(29.1 against 19.1 ms a photo on a quiet machine): a trade of page weight for
cold-build time.
JPEG quality 82 at 4:2:0: 4:4:4 costs 38 % more bytes for the same SSIM.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from PIL import Image, ImageCms

from showcase.content import photos

WIDTHS = (480, 960)
JPEG_OPTS: dict[str, Any] = {
    "quality": 82, "optimize": True, "progressive": False, "subsampling": "4:2:0"}
WEBP_OPTS: dict[str, Any] = {"quality": 78, "method": 0, "exact": False}
# A card is fetched by the share previews of Facebook and Zalo, never by a page:
# without the second (Huffman) pass it encodes in 1.7 ms instead of 3.2 ms, for
# 7% more bytes (measured on 40 cards of the bench corpus).
CARD_OPTS: dict[str, Any] = {
    "quality": 86, "optimize": False, "progressive": False, "subsampling": "4:2:0"}
FORMATS = ("JPEG", "PNG", "WEBP")
RESAMPLE = Image.Resampling.BOX  # decoded photo -> largest variant (always a reduction)
_ORIENTATION = 0x0112
_SWAPS_AXES = {5, 6, 7, 8}


class MediaError(Exception):
    """A photo cannot be published; the message (Vietnamese) names the file."""


def message(rel: str, why: str) -> str:
    return (f"Không xử lý được ảnh '{rel}': {why}. "
            "Chạy 'showcase check' để xem hướng dẫn, lưu lại ảnh thành JPEG rồi tải lên lại.")


def variant_sizes(width: int, height: int) -> tuple[tuple[int, int], ...]:
    """(w, h) of each variant of an upright ``width`` x ``height`` photo.

    Never upscales; a photo narrower than the smallest width keeps its own.
    """
    widths = [w for w in WIDTHS if w <= width] or [width]
    return tuple((w, max(1, round(height * w / width))) for w in widths)


@lru_cache(maxsize=4096)
def upright_size(full: str, mtime_ns: int, size: int, rel: str) -> tuple[int, int]:
    """The photo's size once turned upright, from its header only."""
    # mtime and size are part of the cache key so an edited photo is re-read.
    try:
        with Image.open(full, formats=FORMATS) as im:
            width, height = im.size
            orientation = im.getexif().get(_ORIENTATION, 1)
    except Image.DecompressionBombError:
        raise MediaError(message(rel, "ảnh quá nhiều điểm ảnh")) from None
    except Exception:  # Pillow raises many types for broken files
        raise MediaError(message(rel, "ảnh bị hỏng hoặc không phải JPEG, PNG, WebP")) from None
    return (height, width) if orientation in _SWAPS_AXES else (width, height)


def load(src: str, rel: str | None, sizes: tuple[tuple[int, int], ...]) -> Image.Image:
    """Decode to the largest of ``sizes``, upright, 8-bit sRGB RGB; no metadata survives.

    Raises :class:`PhotoRefused` for what the check refuses (the same decoding,
    :func:`photos.decode`). A camera photo is made small as early as possible:
    JPEG decodes at 1/2, 1/4 or 1/8 scale (kept ``photos.DRAFT_MARGIN`` x the
    target), colour and rotation are then applied to the target size only.
    """
    verdict, photo = decode(src, sizes)
    if photo is None:
        raise PhotoRefused(rel or src, verdict)
    return photo


def decode(src: str, sizes: tuple[tuple[int, int], ...]
           ) -> tuple[photos.Verdict, Image.Image | None]:
    """The check's verdict on the photo and, when it is ok, the photo as :func:`load`
    gives it: one decoding for both."""
    target = max(sizes)

    def upright(im: Image.Image, orientation: int) -> Image.Image:
        file_size = (target[1], target[0]) if orientation in _SWAPS_AXES else target
        small = resized(to_srgb(im, im.info.get("icc_profile")), *file_size)
        method = _TRANSPOSE.get(orientation)
        turned = small.transpose(method) if method is not None else small
        clean = Image.new("RGB", turned.size)
        clean.paste(turned)  # a fresh image: no info dict, no EXIF/XMP/ICC carried along
        return clean

    try:
        with open(src, "rb") as fh:
            fmt = photos.sniff(fh.read(32))
    except OSError:
        return (None, "damaged", ""), None
    with photos.strict_decoding():
        return photos.decode(src, fmt, target, upright)


class PhotoRefused(MediaError):
    """The photo fails the check's decoding: ``verdict`` says how (photos.Verdict)."""

    def __init__(self, rel: str, verdict: photos.Verdict) -> None:
        why = {"pixels": "ảnh quá nhiều điểm ảnh", "animated": "ảnh động",
               "metadata": "phần thông tin kèm theo (metadata) quá lớn",
               "truncated": "ảnh bị cắt cụt (tệp không đầy đủ)"}.get(verdict[1],
                                                                  "ảnh bị hỏng hoặc không đọc được")
        super().__init__(message(rel, why))
        self.verdict = verdict


# EXIF orientation -> the turn that makes the photo upright (as ImageOps.exif_transpose).
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_90,
}


def to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    if im.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        # 16-bit grey: scale to 8 bits (a plain convert would clip at 255).
        im = im.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    elif im.mode == "F":
        im = im.point(lambda v: v * 255).convert("L")
    if im.mode in ("P", "PA"):
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "La", "RGBa"):
        im = im.convert("RGBA")
        flat = Image.new("RGBA", im.size, (255, 255, 255, 255))
        flat.alpha_composite(im)
        im = flat.convert("RGB")
    if icc and im.mode in ("RGB", "CMYK", "L"):
        try:
            src_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            out = ImageCms.profileToProfile(
                im, src_profile, _srgb(), renderingIntent=ImageCms.Intent.PERCEPTUAL,
                outputMode="RGB",
            )
            if out is not None:
                return out
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to the plain conversion below
    if im.mode == "RGB":
        return im  # already sRGB by assumption; the caller makes a new image anyway
    # CMYK without a profile: Pillow's plain conversion (it already undoes the
    # inverted CMYK that Adobe software writes in JPEGs).
    return im.convert("RGB")


@lru_cache(maxsize=1)
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def resized(im: Image.Image, w: int, h: int) -> Image.Image:
    if im.size == (w, h):
        return im
    return im.resize((w, h), RESAMPLE, reducing_gap=3.0)


def variants(photo: Image.Image, sizes: tuple[tuple[int, int], ...]) -> list[Image.Image]:
    """The photo at each of ``sizes`` (ascending), ``photo`` being the largest already.

    Each smaller one is made from the next larger: halving (480 from 960) is a
    2x2 average, exact and ten times cheaper than a filter pass; any other
    ratio is resampled.
    """
    out = [photo]
    for w, h in reversed(sizes[:-1]):
        big = out[0]
        if (big.width, big.height) in ((2 * w, 2 * h), (2 * w, 2 * h + 1)):
            out.insert(0, big.reduce(2, box=(0, 0, 2 * w, 2 * h)))
        else:
            out.insert(0, resized(big, w, h))
    return out


def encode(im: Image.Image, fmt: str, opts: dict[str, Any]) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **opts)
    return buf.getvalue()
