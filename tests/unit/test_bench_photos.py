"""The photos bench: SSIM as published, and the rule that may change the encoder settings."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from bench import imagequality, photos

C1, C2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2


def test_ssim_of_flat_images_is_the_luminance_term():
    a, b = np.full((24, 30), 100.0), np.full((24, 30), 150.0)
    m = imagequality.ssim_map(a, b)
    assert m.shape == (24 - 10, 30 - 10)  # where the 11x11 window fits
    assert m == pytest.approx((2 * 100 * 150 + C1) / (100 ** 2 + 150 ** 2 + C1))


def test_ssim_of_a_pattern_against_its_negative_is_the_covariance_term():
    # Mean 127.5 both, variance s^2 both, covariance -s^2: the luminance term is 1.
    x = np.indices((40, 40)).sum(axis=0) % 2 * 255.0
    y = 255.0 - x
    m = imagequality.ssim_map(x, y)
    var = imagequality._blur(x * x) - imagequality._blur(x) ** 2
    mx = imagequality._blur(x)
    my = imagequality._blur(y)
    lum = (2 * mx * my + C1) / (mx ** 2 + my ** 2 + C1)
    assert m == pytest.approx(lum * (-2 * var + C2) / (2 * var + C2))
    assert m.mean() < -0.9


def test_ssim_falls_with_jpeg_quality_and_is_one_for_the_same_image():
    rng = np.random.default_rng(3)
    base = (rng.random((60, 80, 3)) * 80 + np.linspace(0, 170, 80)[None, :, None])
    im = Image.fromarray(base.astype("uint8"), "RGB")
    assert imagequality.ssim(im, im) == 1.0
    found = []
    for q in (20, 60, 95):
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=q)
        found.append(imagequality.ssim(Image.open(buf), im))
    assert found == sorted(found) and found[-1] < 1.0
    assert imagequality.ssim(im, Image.open(buf)) == pytest.approx(found[-1])  # symmetric
    with pytest.raises(ValueError):
        imagequality.ssim(im, im.resize((40, 30)))


def _score(b480: float, b960: float, s480: float, s960: float, cpu: float) -> photos.Score:
    return photos.Score({480: b480, 960: b960}, {480: s480, 960: s960},
                        {480: s480, 960: s960}, cpu)


NOW = _score(20_000, 50_000, 0.970, 0.975, 10.0)


def test_a_candidate_must_be_no_worse_anywhere_and_clearly_better_somewhere():
    assert photos.better(_score(19_000, 48_000, 0.970, 0.975, 12.0), NOW)  # 5 % fewer bytes
    assert photos.better(_score(20_000, 50_000, 0.972, 0.975, 10.0), NOW)  # +0.002 SSIM
    assert not photos.better(_score(19_900, 49_900, 0.9705, 0.975, 9.0), NOW)  # no clear gain
    assert not photos.better(_score(15_000, 50_100, 0.99, 0.99, 5.0), NOW)  # more bytes at 960
    assert not photos.better(_score(15_000, 40_000, 0.969, 0.98, 5.0), NOW)  # less SSIM at 480
    assert not photos.better(_score(15_000, 40_000, 0.98, 0.98, 15.1), NOW)  # > 1.5x the CPU
    assert not photos.better(NOW, NOW)


def test_the_winner_must_hold_on_the_checking_half():
    now = photos.WEBP_NOW
    a, b = photos.WEBP[0], photos.WEBP[1]
    good = _score(18_000, 45_000, 0.971, 0.976, 11.0)
    fewer = _score(17_000, 44_000, 0.970, 0.975, 11.0)
    choosing = {now: NOW, a: good, b: fewer}
    assert photos.choose(now, choosing, {now: NOW, a: NOW, b: fewer}) == (
        b, "better on both halves")  # the fewest bytes of the two that win
    kept, why = photos.choose(now, choosing, {now: NOW, a: good, b: NOW})
    assert kept == now and "not on the checking half" in why
    assert photos.choose(now, {now: NOW, a: NOW}, {now: NOW, a: NOW})[0] == now


def test_halves_alternate_by_name():
    assert photos.halves(["d", "b", "a", "c", "e"]) == (["a", "c", "e"], ["b", "d"])


def test_the_production_settings_are_among_the_candidates():
    assert photos.WEBP_NOW in photos.WEBP and photos.JPEG_NOW in photos.JPEG
    assert photos.WEBP_NOW.name == "webp q78 m0"
    assert photos.JPEG_NOW.name == "jpeg q82 4:2:0"
