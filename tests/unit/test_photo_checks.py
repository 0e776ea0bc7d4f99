"""The check decodes photos as the build does, and remembers its verdicts by content."""

from __future__ import annotations

import io
import json
import os
import random
import struct
import zlib

import pytest
from PIL import Image

from showcase.content import photo_verdicts, photos
from showcase.publish.media import imaging
from showcase.store import hashes, sealed


def _image(fmt: str, size: tuple[int, int] = (640, 480), **kw: object) -> bytes:
    buf = io.BytesIO()
    Image.effect_noise(size, 50).convert("RGB").save(buf, fmt, **kw)
    return buf.getvalue()


def _png_with_text_bomb(inflated: int = 20_000_000) -> bytes:
    png = _image("PNG", (16, 16))
    data = b"Comment\x00\x00" + zlib.compress(b"A" * inflated, 9)
    chunk = (struct.pack(">I", len(data)) + b"zTXt" + data
             + struct.pack(">I", zlib.crc32(b"zTXt" + data) & 0xFFFFFFFF))
    return png[:33] + chunk + png[33:]  # right after IHDR


def _write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9, 0.99])
def test_truncated_photo_is_refused(tmp_path, fmt, keep):
    data = _image(fmt)
    full = _write(tmp_path, "anh", data[: int(len(data) * keep)])
    fmt_, kind, _ = photos.verdict(full)
    assert fmt_ == fmt and kind in ("truncated", "damaged")
    code, message, hint = photos.problem_of((fmt_, kind, ""), f"anh.{fmt.lower()}") or ("",) * 3
    assert code == "SC084" and "ảnh" in message.lower() and hint


def test_png_text_chunk_inflating_to_20_megabytes_is_too_large_metadata(tmp_path):
    full = _write(tmp_path, "anh.png", _png_with_text_bomb())
    v = photos.verdict(full)
    assert v[1] == "metadata"
    code, message, _ = photos.problem_of(v, "anh.png")
    assert code == "SC088" and "metadata" in message and "hỏng" not in message


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_whole_photos_pass(tmp_path, fmt):
    full = _write(tmp_path, "anh", _image(fmt))
    assert photos.verdict(full) == (fmt, "ok", "")


def _build_accepts(path: str) -> bool:
    try:
        imaging.load(path, "anh", ((480, 360), (960, 720)))
    except imaging.MediaError:
        return False
    return True


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_check_refuses_exactly_what_the_build_refuses(tmp_path, fmt):
    """Cuts and flipped bytes at random places: the verdicts must agree every time."""
    rng = random.Random(fmt)
    data = _image(fmt, (1000, 700))
    variants = [data[:cut] for cut in (len(data) - 1, len(data) - 2, *(
        rng.randrange(100, len(data)) for _ in range(12)))]
    for _ in range(12):
        flipped = bytearray(data)
        flipped[rng.randrange(100, len(data))] ^= 0xFF
        variants.append(bytes(flipped))
    for i, variant in enumerate(variants):
        path = _write(tmp_path, f"v{i}", variant)
        check_ok = photos.problem_of(photos.verdict(path), f"v.{fmt.lower()}") is None
        assert check_ok == _build_accepts(path), f"variant {i}"


def test_verdicts_are_cached_by_content_and_written_atomically(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    (root / "p").mkdir(parents=True)
    cache = str(tmp_path / "cache")
    (root / "p" / "a.jpg").write_bytes(_image("JPEG"))
    (root / "p" / "b.jpg").write_bytes((root / "p" / "a.jpg").read_bytes())  # same bytes
    decoded: list[str] = []
    real = photos.verdict

    def counting(full: str) -> photos.Verdict:
        decoded.append(os.path.basename(full))
        return real(full)

    monkeypatch.setattr(photos, "verdict", counting)

    def run() -> list[photos.Problem | None]:
        v = photo_verdicts.Verdicts.load(cache)
        v.fill(str(root), ["p/a.jpg", "p/b.jpg"])
        out = [photos.problem_of(v.get(str(root / rel), rel), rel) for rel in ("p/a.jpg",
                                                                              "p/b.jpg")]
        v.save()
        return out

    assert run() == [None, None]
    assert decoded == ["a.jpg"]  # one decode for two files with the same bytes
    saved = json.loads(sealed.read(str(tmp_path / "cache" / photo_verdicts.CACHE_NAME)) or b"")
    assert set(saved["files"]) == {"p/a.jpg", "p/b.jpg"} and len(saved["verdicts"]) == 1
    assert not [n for n in os.listdir(cache) if n.startswith(".tmp-")]

    decoded.clear()
    hashed: list[str] = []
    monkeypatch.setattr(hashes, "file_hash", lambda p: hashed.append(p) or "x")
    assert run() == [None, None]
    assert decoded == [] and hashed == []  # unchanged files: not even hashed
    monkeypatch.undo()
    monkeypatch.setattr(photos, "verdict", counting)

    # The same name with other bytes (a truncated upload): decoded again, refused.
    data = (root / "p" / "a.jpg").read_bytes()
    (root / "p" / "a.jpg").write_bytes(data[: len(data) // 2])
    first, second = run()
    assert decoded == ["a.jpg"] and first and first[0] == "SC084" and second is None


def test_a_damaged_or_foreign_cache_is_ignored(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / photo_verdicts.CACHE_NAME).write_text("{not json")
    assert photo_verdicts.Verdicts.load(str(cache)).by_hash == {}
    (cache / photo_verdicts.CACHE_NAME).write_text(json.dumps(
        {"version": "0-old", "files": {}, "verdicts": {"x": [None, "ok", ""]}}))
    assert photo_verdicts.Verdicts.load(str(cache)).by_hash == {}


def test_an_unwritable_cache_never_fails_the_check(tmp_path):
    (tmp_path / "a.jpg").write_bytes(_image("JPEG"))
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    v = photo_verdicts.Verdicts.load(str(blocker))
    v.fill(str(tmp_path), ["a.jpg"])
    v.save()  # no exception
    assert photos.problem_of(v.get(str(tmp_path / "a.jpg"), "a.jpg"), "a.jpg") is None


def test_many_photos_are_decoded_in_two_processes(tmp_path):
    rels = []
    for i in range(photo_verdicts.POOL_THRESHOLD + 2):
        data = _image("JPEG", (64, 48))
        if i == 3:
            data = data[: len(data) // 2]
        (tmp_path / f"{i}.jpg").write_bytes(data)
        rels.append(f"{i}.jpg")
    v = photo_verdicts.Verdicts.load(None)
    v.fill(str(tmp_path), rels)
    bad = [rel for rel in rels
           if photos.problem_of(v.get(str(tmp_path / rel), rel), rel) is not None]
    assert bad == ["3.jpg"]


def test_verdict_ignores_a_process_wide_lenient_pillow(tmp_path, monkeypatch):
    """WeasyPrint sets ImageFile.LOAD_TRUNCATED_IMAGES on import; the check must not care."""
    from PIL import ImageFile

    data = _image("JPEG")
    full = _write(tmp_path, "anh.jpg", data[: len(data) // 2])
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    assert photos.verdict(full)[1] == "truncated"
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # given back as it was


def test_build_ignores_a_process_wide_lenient_pillow(tmp_path, monkeypatch):
    """The build decoder is as strict as the check, even after WeasyPrint's import."""
    from PIL import ImageFile

    data = _image("JPEG", (1000, 700))
    full = _write(tmp_path, "anh.jpg", data[:-2])
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    assert not _build_accepts(full)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True


@pytest.mark.parametrize("orientation", [1, 6])
def test_the_build_decoding_at_half_scale_gives_the_checks_verdict(tmp_path, orientation):
    """A camera-sized JPEG: the check decodes it at 1/8, the build's media step at 1/2
    (once, for the variants too); cut or damaged anywhere, both say the same."""
    rng = random.Random(orientation)
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.effect_noise((2400, 1600), 50).convert("RGB").save(buf, "JPEG", exif=exif)
    data = buf.getvalue()
    variants = [data, data[:-2], *(data[: rng.randrange(200, len(data))] for _ in range(6))]
    for _ in range(6):
        flipped = bytearray(data)
        flipped[rng.randrange(200, len(data))] ^= 0xFF
        variants.append(bytes(flipped))
    sizes = ((480, 320), (960, 640)) if orientation == 1 else ((480, 720), (960, 1440))
    for i, variant in enumerate(variants):
        path = _write(tmp_path, f"v{i}.jpg", variant)
        build_verdict, photo = imaging.decode(path, sizes)
        assert build_verdict == photos.verdict(path), f"variant {i}"
        assert (photo is not None) == (build_verdict[1] == "ok")
        if photo is not None:
            assert photo.size == sizes[-1]
