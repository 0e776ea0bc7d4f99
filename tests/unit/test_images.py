"""Photo variants: sizes, no metadata, upright, deterministic, cached."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import pathlib

import pytest
from PIL import Image

from showcase.content.model import Consent, Profile
from showcase.content.units import Unit
from showcase.options import Options
from showcase.publish import urls
from showcase.publish.media import cards, imaging
from showcase.publish.media import plan as images

UNITS = {"vhtt-a": Unit("vhtt-a", "Phòng Văn hóa và Thông tin huyện A", "district", True)}


def profile(slug: str, photo: str | None = None, **kw: object) -> Profile:
    base = dict(
        path=f"profiles/vhtt-a/2024-{slug}.md", unit="vhtt-a", slug=slug,
        name="Nguyễn Văn Ất", kind="individual", field="culture-arts-sports",
        sectors=("culture", "family"), introduced=dt.date(2024, 5, 20),
        summary="Một tấm gương tiêu biểu trong phong trào văn nghệ ở cơ sở.",
        body="## Hành trình\n\nCâu chuyện.\n", body_line=12, title="Nguyễn Văn Ất",
        published=dt.date(2024, 6, 3),
        photo=f"profiles/vhtt-a/{photo}" if photo else None,
        photo_alt="Ảnh ông Ất" if photo else None,
        consent=Consent(dt.date(2024, 5, 15), "12/ĐY", frozenset({"web", "social"})),
    )
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def save(root: pathlib.Path, name: str, im: Image.Image, fmt: str = "JPEG", **kw: object) -> str:
    path = root / "profiles" / "vhtt-a" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, fmt, **kw)
    return name


def options(cache: str = ".showcase-cache") -> Options:
    return Options(cache_dir=cache)


def publish(root: pathlib.Path, site: pathlib.Path, profiles: list[Profile],
            opts: Options | None = None) -> None:
    o = opts or options()
    manifest = images.prepare(str(root), o.cache_dir, profiles, UNITS, o.column_name,
                              o.department)
    images.write(manifest, str(site))


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2024:05:20 10:00:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (9.0, 36.0, 12.5)
    gps[3] = "E"
    gps[4] = (105.0, 58.0, 30.0)
    return exif


def test_variant_sizes_never_upscale() -> None:
    assert imaging.variant_sizes(1200, 800) == ((480, 320), (960, 640))
    assert imaging.variant_sizes(960, 960) == ((480, 480), (960, 960))
    assert imaging.variant_sizes(700, 500) == ((480, 343),)
    assert imaging.variant_sizes(300, 200) == ((300, 200),)


def test_photo_set_urls_and_sizes(tmp_path: pathlib.Path) -> None:
    name = save(tmp_path, "a.jpg", Image.new("RGB", (1200, 800), (10, 120, 200)))
    ps = images.photo_set(str(tmp_path), profile("nguyen-van-at", name))
    assert ps is not None
    assert [v.url for v in ps.webp] == ["ho-so/nguyen-van-at/anh-480.webp",
                                        "ho-so/nguyen-van-at/anh-960.webp"]
    assert [v.url for v in ps.jpeg] == ["ho-so/nguyen-van-at/anh-480.jpg",
                                        "ho-so/nguyen-van-at/anh-960.jpg"]
    assert {v.mime for v in ps.webp} == {"image/webp"}
    assert {v.mime for v in ps.jpeg} == {"image/jpeg"}
    assert (ps.width, ps.height) == (960, 640)
    assert images.photo_set(str(tmp_path), profile("khong-anh")) is None
    assert urls.card_url("x") == "ho-so/x/the-chia-se.jpg"


def test_written_files_match_photo_set(tmp_path: pathlib.Path) -> None:
    name = save(tmp_path, "a.png", Image.new("RGB", (1000, 700), (200, 30, 30)), "PNG")
    p = profile("a", name)
    site = tmp_path / "site"
    publish(tmp_path, site, [p])
    ps = images.photo_set(str(tmp_path), p)
    assert ps is not None
    for v in ps.webp + ps.jpeg:
        with Image.open(site / v.url) as im:
            assert im.size == (v.width, v.height)
            assert im.format == ("WEBP" if v.mime == "image/webp" else "JPEG")
    with Image.open(site / urls.card_url(p.slug)) as im:
        assert (im.format, im.size) == ("JPEG", (1200, 630))
    # The original is never published, under any name.
    original = (tmp_path / "profiles/vhtt-a/a.png").read_bytes()
    published = sorted(p.name for p in site.rglob("*") if p.is_file())
    assert published == ["anh-480.jpg", "anh-480.webp", "anh-960.jpg", "anh-960.webp",
                         "the-chia-se.jpg"]
    assert all(f.read_bytes() != original for f in site.rglob("*") if f.is_file())


def test_exif_gps_and_xmp_are_stripped(tmp_path: pathlib.Path) -> None:
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    im = Image.new("RGB", (1200, 900), (90, 160, 60))
    name = save(tmp_path, "gps.jpg", im, exif=gps_exif(), xmp=xmp, comment=b"secret")
    with Image.open(tmp_path / "profiles/vhtt-a/gps.jpg") as src:  # the fixture is real
        assert src.getexif().get_ifd(0x8825)
    p = profile("gps", name)
    site = tmp_path / "site"
    publish(tmp_path, site, [p])
    outputs = [f for f in site.rglob("*") if f.is_file()]
    assert len(outputs) == 5
    for f in outputs:
        data = f.read_bytes()
        for marker in (b"Exif", b"EXIF", b"XMP ", b"http://ns.adobe.com/xap", b"xmpmeta",
                       b"PhoneMaker", b"secret"):
            assert marker not in data, (f.name, marker)
        with Image.open(f) as out:
            assert not out.getexif()
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(out.info)


def test_exif_orientation_is_honoured(tmp_path: pathlib.Path) -> None:
    # Stored landscape, left half red and right half blue; orientation 6 means
    # "rotate 90° clockwise to display", so upright it is portrait, red on top.
    raw = Image.new("RGB", (1000, 500), (0, 0, 255))
    raw.paste((255, 0, 0), (0, 0, 500, 500))
    exif = Image.Exif()
    exif[0x0112] = 6
    name = save(tmp_path, "rot.jpg", raw, exif=exif, quality=95)
    p = profile("rot", name)
    ps = images.photo_set(str(tmp_path), p)
    assert ps is not None and [(v.width, v.height) for v in ps.jpeg] == [(480, 960)]
    site = tmp_path / "site"
    publish(tmp_path, site, [p])
    with Image.open(site / "ho-so/rot/anh-480.jpg") as out:
        assert out.size == (480, 960)
        r, _, b = out.convert("RGB").getpixel((240, 100))
        assert r > 200 and b < 60
        r, _, b = out.convert("RGB").getpixel((240, 860))
        assert b > 200 and r < 60


def test_same_input_same_bytes(tmp_path: pathlib.Path) -> None:
    name = save(tmp_path, "a.jpg", _noise(1300, 900), exif=gps_exif())
    ps = [profile("a", name), profile("b")]
    publish(tmp_path, tmp_path / "s1", ps, options("cache-1"))
    publish(tmp_path, tmp_path / "s2", ps, options("cache-2"))
    files = sorted(f.relative_to(tmp_path / "s1") for f in (tmp_path / "s1").rglob("*")
                   if f.is_file())
    assert len(files) == 6
    for rel in files:
        assert (tmp_path / "s1" / rel).read_bytes() == (tmp_path / "s2" / rel).read_bytes()


def test_cmyk_and_16_bit_and_palette_inputs(tmp_path: pathlib.Path) -> None:
    cmyk = save(tmp_path, "cmyk.jpg", Image.new("CMYK", (600, 400), (0, 255, 255, 0)))
    grey16 = Image.new("I;16", (600, 400), 32768)
    g16 = save(tmp_path, "g16.png", grey16, "PNG")
    with Image.open(tmp_path / "profiles/vhtt-a/g16.png") as check:
        assert check.mode.startswith("I")  # really a 16-bit file
    pal = Image.new("P", (600, 400), 0)
    pal.putpalette([0, 128, 0] + [0, 0, 0] * 255)
    pal.info["transparency"] = 0
    p8 = save(tmp_path, "pal.png", pal, "PNG", transparency=0)
    profiles = [profile("cmyk", cmyk), profile("g16", g16), profile("pal", p8)]
    site = tmp_path / "site"
    publish(tmp_path, site, profiles)
    with Image.open(site / "ho-so/cmyk/anh-480.jpg") as out:
        assert out.mode == "RGB"
        r, g, b = out.getpixel((100, 100))
        assert r > 200 and g < 60 and b < 60  # red, not inverted or clipped
    with Image.open(site / "ho-so/g16/anh-480.jpg") as out:
        r, g, b = out.convert("RGB").getpixel((100, 100))
        assert 120 <= r <= 136 and r == g == b  # mid grey, not clipped to white
    with Image.open(site / "ho-so/pal/anh-480.webp") as out:
        assert out.convert("RGB").getpixel((100, 100)) == pytest.approx((255, 255, 255), abs=4)


def test_cache_hit_draws_and_encodes_nothing(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    name = save(tmp_path, "a.jpg", _noise(800, 600))
    ps = [profile("a", name), profile("b")]
    drawn: list[str] = []
    encoded: list[str] = []
    real_draw, real_encode = cards.draw_card, imaging.encode

    def draw(spec: cards.CardSpec, photo: Image.Image | None) -> Image.Image:
        drawn.append(spec.name)
        return real_draw(spec, photo)

    def encode(im: Image.Image, fmt: str, opts: dict) -> bytes:
        encoded.append(fmt)
        return real_encode(im, fmt, opts)

    monkeypatch.setattr(cards, "draw_card", draw)
    monkeypatch.setattr(imaging, "encode", encode)
    publish(tmp_path, tmp_path / "s1", ps)
    assert len(drawn) == 2 and len(encoded) == 2 + 2 * 1  # 2 cards, 480 webp + jpeg
    first = {f.name: f.read_bytes() for f in (tmp_path / "s1").rglob("*") if f.is_file()}

    drawn.clear()
    encoded.clear()
    publish(tmp_path, tmp_path / "s2", ps)
    assert drawn == [] and encoded == []
    second = {f.name: f.read_bytes() for f in (tmp_path / "s2").rglob("*") if f.is_file()}
    assert first == second

    # Changing what the card shows redraws that card only; the photo stays cached.
    renamed = dataclasses.replace(ps[0], name="Nguyễn Văn Bình")
    publish(tmp_path, tmp_path / "s3", [renamed, ps[1]])
    assert drawn == ["Nguyễn Văn Bình"] and encoded == ["JPEG"]
    # A changed photo re-encodes its variants and redraws its card.
    drawn.clear()
    encoded.clear()
    save(tmp_path, name, _noise(800, 600, seed=2))
    publish(tmp_path, tmp_path / "s4", [renamed, ps[1]])
    assert drawn == ["Nguyễn Văn Bình"] and len(encoded) == 3


def test_broken_photo_gives_a_clear_error(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "profiles/vhtt-a/hong.jpg"
    path.parent.mkdir(parents=True)
    good = io.BytesIO()
    Image.new("RGB", (800, 600), (1, 2, 3)).save(good, "JPEG")
    path.write_bytes(good.getvalue()[:300])  # a truncated JPEG: header fine, data cut
    p = profile("hong", "hong.jpg")
    with pytest.raises(images.MediaError, match="hong.jpg"):
        publish(tmp_path, tmp_path / "site", [p])
    path.write_bytes(b"not an image at all")
    imaging.upright_size.cache_clear()
    with pytest.raises(images.MediaError, match="hong.jpg"):
        images.photo_set(str(tmp_path), p)


def test_decompression_bomb_is_refused(tmp_path: pathlib.Path) -> None:
    # 8000x6000 = 48 million pixels, over the 40 million the check allows.
    name = save(tmp_path, "bom.png", Image.new("1", (8000, 6000)), "PNG")
    with pytest.raises(images.MediaError, match="bom.png.*điểm ảnh"):
        publish(tmp_path, tmp_path / "site", [profile("bom", name)])
    assert not (tmp_path / "site/ho-so/bom/anh-480.jpg").exists()


def test_process_pool_gives_the_same_bytes(tmp_path: pathlib.Path) -> None:
    n = images.POOL_THRESHOLD + 3
    ps = [profile(f"p{i}", save(tmp_path, f"p{i}.jpg", _noise(500, 400, seed=i)))
          for i in range(n)]
    publish(tmp_path, tmp_path / "pool", ps, options("cache-pool"))
    # One at a time (below the threshold) into a fresh cache.
    for i in range(0, n, 5):
        publish(tmp_path, tmp_path / "serial", ps[i:i + 5], options("cache-serial"))
    pool = sorted((tmp_path / "pool").rglob("*.*"))
    assert len(pool) == 3 * n
    for f in pool:
        twin = tmp_path / "serial" / f.relative_to(tmp_path / "pool")
        assert f.read_bytes() == twin.read_bytes()


def _noise(w: int, h: int, seed: int = 1) -> Image.Image:
    """A photo-like image (gradients and shapes), deterministic per seed."""
    im = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    r = Image.radial_gradient("L").resize((w, h))
    im = Image.merge("RGB", (im.getchannel(0), r, Image.new("L", (w, h), (seed * 37) % 256)))
    return im


def test_cache_dir_is_relative_to_root(tmp_path: pathlib.Path) -> None:
    name = save(tmp_path, "a.jpg", _noise(600, 400))
    publish(tmp_path, tmp_path / "site", [profile("a", name)], options("my-cache"))
    entries = os.listdir(tmp_path / "my-cache" / "media")
    assert sorted(e.split("-")[0] for e in entries) == ["card", "photo"]


def test_unused_cache_entries_are_pruned(tmp_path: pathlib.Path) -> None:
    a = save(tmp_path, "a.jpg", _noise(600, 400))
    publish(tmp_path, tmp_path / "s1", [profile("a", a)])
    cache = tmp_path / ".showcase-cache" / "media"
    before = set(os.listdir(cache))
    assert len(before) == 2
    for name in before:  # a month and a day without use
        os.utime(cache / name, (0, os.stat(cache / name).st_mtime - 31 * 86400))
    publish(tmp_path, tmp_path / "s2", [profile("b")])
    after = set(os.listdir(cache))
    assert not before & after and len(after) == 1
    # Entries in use are kept, however old.
    only = next(iter(after))
    os.utime(cache / only, (0, 0))
    publish(tmp_path, tmp_path / "s3", [profile("b")])
    assert set(os.listdir(cache)) == after
