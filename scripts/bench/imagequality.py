"""Image quality figures for the photos bench.

SSIM as Wang, Bovik, Sheikh and Simoncelli published it (IEEE Trans. Image
Processing 13(4), 2004) and as scikit-image's ``structural_similarity`` with
``gaussian_weights=True`` computes it: on the luma (ITU-R 601, Pillow's ``L``),
local means, variances and covariance weighted by an 11x11 Gaussian window of
sigma 1.5 at every pixel where the window fits, K1 = 0.01, K2 = 0.03, L = 255,
the mean of the SSIM map; against a reference image of the same size.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from PIL import Image

_C1, _C2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
_SIGMA, _SIDE = 1.5, 11


def _window() -> np.ndarray:
    x = np.arange(_SIDE) - _SIDE // 2
    g = np.exp(-(x ** 2) / (2 * _SIGMA ** 2))
    return g / g.sum()


_G = _window()


def _blur(m: np.ndarray) -> np.ndarray:
    """``m`` weighted by the Gaussian window, where the window fits (separable)."""
    rows = sliding_window_view(m, _SIDE, axis=0) @ _G
    return sliding_window_view(rows, _SIDE, axis=1) @ _G


def luma(im: Image.Image) -> np.ndarray:
    return np.asarray(im.convert("L"), dtype=np.float64)


def ssim_map(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The SSIM of each 11x11 neighbourhood of two luma arrays of the same shape."""
    if x.shape != y.shape:
        raise ValueError(f"images of different sizes: {x.shape} and {y.shape}")
    if min(x.shape) < _SIDE:
        raise ValueError(f"image smaller than the {_SIDE}x{_SIDE} window: {x.shape}")
    mx, my = _blur(x), _blur(y)
    vx = _blur(x * x) - mx * mx
    vy = _blur(y * y) - my * my
    cxy = _blur(x * y) - mx * my
    result: np.ndarray = ((2 * mx * my + _C1) * (2 * cxy + _C2)) / (
        (mx * mx + my * my + _C1) * (vx + vy + _C2))
    return result


def ssim(a: Image.Image, b: Image.Image) -> float:
    """Mean structural similarity of two images' luma (1.0: identical)."""
    return float(ssim_map(luma(a), luma(b)).mean())
