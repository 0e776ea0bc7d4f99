"""Image quality figures for the media bench, with Pillow alone (no NumPy).

SSIM is computed on the luma in 8x8 windows (at four offsets, 4 pixels
apart), PSNR on the RGB values; both against a reference image of the same
size (the photo decoded at full scale and resized by Lanczos, never encoded).
"""

from __future__ import annotations

import math

from PIL import Image, ImageChops, ImageMath

_C1, _C2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2


def ssim(a: Image.Image, b: Image.Image, block: int = 8) -> float:
    """Mean structural similarity of two images' luma (1.0: identical)."""
    x, y = a.convert("L").convert("F"), b.convert("L").convert("F")
    found = []
    for ox, oy in ((0, 0), (block // 2, 0), (0, block // 2), (block // 2, block // 2)):
        w, h = (x.width - ox) // block * block, (x.height - oy) // block * block
        box = (ox, oy, ox + w, oy + h)
        xs, ys = x.crop(box), y.crop(box)
        products = [ImageMath.lambda_eval(lambda v: v["p"] * v["q"], p=p, q=q)
                    for p, q in ((xs, xs), (ys, ys), (xs, ys))]
        mx, my, mxx, myy, mxy = (im.reduce(block) for im in (xs, ys, *products))
        s = ImageMath.lambda_eval(
            lambda v: ((2 * v["mx"] * v["my"] + _C1) * (2 * (v["mxy"] - v["mx"] * v["my"]) + _C2))
            / ((v["mx"] * v["mx"] + v["my"] * v["my"] + _C1)
               * (v["mxx"] - v["mx"] * v["mx"] + v["myy"] - v["my"] * v["my"] + _C2)),
            mx=mx, my=my, mxx=mxx, myy=myy, mxy=mxy)
        values = list(s.get_flattened_data())
        found.append(sum(values) / len(values))
    return sum(found) / len(found)


def psnr(a: Image.Image, b: Image.Image) -> float:
    """Peak signal-to-noise ratio in dB over the RGB values (99 when identical)."""
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    squares = sum(count * (i % 256) ** 2 for i, count in enumerate(diff.histogram()))
    mse = squares / (a.width * a.height * 3)
    return 99.0 if mse == 0 else 10 * math.log10(255 * 255 / mse)
