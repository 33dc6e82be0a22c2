"""Rendering with pdftoppm and scanner-like degradation with PIL.

Every random choice comes from the random.Random passed in; pixel noise is made
from rng.randbytes() turned into an image, never per-pixel Python loops.
"""

import io
import math
import os
import subprocess
import tempfile

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
FONTS_CONF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fonts.conf")


def render(pdf_bytes, dpi):
    """PDF bytes -> list of 8-bit grayscale PIL images (pdftoppm -gray)."""
    with tempfile.TemporaryDirectory(prefix="samplegen-") as td:
        src = os.path.join(td, "in.pdf")
        with open(src, "wb") as f:
            f.write(pdf_bytes)
        # only the fonts of fonts.conf: the output must not depend on what else is installed
        env = dict(os.environ, FONTCONFIG_FILE=FONTS_CONF)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", src, os.path.join(td, "p")],
                       check=True, env=env)
        names = sorted((n for n in os.listdir(td) if n.endswith(".pgm")),
                       key=lambda n: int(n[2:-4]))
        imgs = []
        for n in names:
            with Image.open(os.path.join(td, n)) as im:
                imgs.append(im.convert("L").copy())
        return imgs


def _noise(rng, size):
    w, h = size
    return Image.frombytes("L", (w, h), rng.randbytes(w * h))


def _sparse_mask(rng, size, density, blob=2):
    """Binary mask (255 = hit) with about `density` of blob x blob cells set."""
    w, h = max(1, size[0] // blob), max(1, size[1] // blob)
    # two independent byte images: P(a<1 and b<t) = (1/256)*(t/256)
    t = max(1, min(255, int(round(density * 65536))))
    if density >= 1.0 / 256:
        t1, t2 = int(round(density * 256)), 256
    else:
        t1, t2 = 1, t
    a = _noise(rng, (w, h)).point(lambda v: 255 if v < t1 else 0)
    if t2 < 256:
        b = _noise(rng, (w, h)).point(lambda v: 255 if v < t2 else 0)
        a = ImageChops.multiply(a, b)
    return a.resize(size, Image.NEAREST)


def draw_signature(img, box, rng, dpi):
    """A cursive-looking pen signature inside box (points, top-left origin):
    a run of loops of varying height, slanted, with a flourish underneath."""
    s = dpi / 72.0
    x0, y0, x1, y1 = [v * s for v in box]
    d = ImageDraw.Draw(img)
    h = y1 - y0
    mid = y0 + h * 0.6
    nloops = rng.randint(7, 11)
    heights = [h * rng.uniform(0.15, 0.5) for _ in range(nloops)]
    for k in rng.sample(range(nloops), 2):
        heights[k] = h * rng.uniform(0.6, 0.9)  # capitals / tall letters
    pts = []
    steps = 14
    span = (x1 - x0) * rng.uniform(0.75, 0.95) / nloops
    for k in range(nloops):
        for i in range(steps):
            t = (k + i / steps)
            a = 2 * math.pi * i / steps
            r = heights[k]
            x = x0 + span * t + 0.45 * span * math.sin(a) + 0.25 * r * (1 - math.cos(a)) * 0.6
            y = mid - r * (1 - math.cos(a)) / 2 * 1.6 + 0.05 * h * math.sin(t * 1.3)
            pts.append((x, y))
    width = max(2, int(0.9 * s))
    d.line(pts, fill=rng.randint(15, 45), width=width, joint="curve")
    fx = x0 + (x1 - x0) * rng.uniform(0.0, 0.2)
    fl = [(fx + (x1 - x0) * 0.8 * i / 10, mid + h * 0.18 + h * 0.08 * math.sin(i * 0.9))
          for i in range(11)]
    d.line(fl, fill=40, width=max(1, width - 1), joint="curve")


def degrade(img, p, rng, dpi, marks=()):
    """Scanner degradation of one 'L' page.  p: dict of parameters:
    angle (deg), speckle (density of 2x2 black specks), dropout (white specks
    in ink), dust (count of small blots), blur (radius px), paper (lo, hi) tone,
    shadow (px of dark left edge), holes (two-hole punch at the top)."""
    for kind, *box in marks:
        if kind == "signature":
            draw_signature(img, box, rng, dpi)
    angle = p.get("angle", 0.0) + rng.uniform(-0.25, 0.25)
    angle = max(-2.5, min(2.5, angle))  # real feeders rarely skew more
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    w, h = img.size
    if p.get("speckle"):
        m = _sparse_mask(rng, img.size, p["speckle"], blob=2)
        img.paste(0, mask=m)
    if p.get("dropout"):
        m = _sparse_mask(rng, img.size, p["dropout"], blob=1)
        img.paste(255, mask=m)
    if p.get("dust"):
        d = ImageDraw.Draw(img)
        for _ in range(p["dust"]):
            x, y = rng.randrange(w), rng.randrange(h)
            r = rng.uniform(1.0, 3.5) * dpi / 200.0
            d.ellipse([x - r, y - r * rng.uniform(0.5, 1.2), x + r, y + r], fill=rng.randrange(0, 90))
    if p.get("holes"):
        d = ImageDraw.Draw(img)
        r = 0.125 * dpi
        cy = 0.36 * dpi + rng.uniform(-3, 3)
        for cx in (w / 2 - 1.375 * dpi, w / 2 + 1.375 * dpi):
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=70)
    if p.get("blur"):
        img = img.filter(ImageFilter.GaussianBlur(p["blur"]))
    lo, hi = p.get("paper", (0, 255))
    if (lo, hi) != (0, 255):
        img = img.point(lambda v: int(lo + (hi - lo) * v / 255.0 + 0.5))
    if p.get("shadow"):
        sw = int(p["shadow"])
        grad = Image.linear_gradient("L").rotate(90, expand=True).resize((sw, h))
        grad = grad.point(lambda v: int(60 + v * 0.7))
        img.paste(ImageChops.darker(img.crop((0, 0, sw, h)), grad), (0, 0))
    return img


def fax_header(img, text, dpi):
    """Fax machine header line across the top of a page."""
    d = ImageDraw.Draw(img)
    f = ImageFont.truetype(MONO, int(9 * dpi / 72))
    d.text((int(0.25 * dpi), int(0.12 * dpi)), text, fill=0, font=f)


def to_bilevel(img, threshold):
    return img.point(lambda v: 255 if v >= threshold else 0).convert("1", dither=Image.Dither.NONE)


def photo_tone(img, rng):
    """Uneven light and a warm tint, as a phone or flatbed colour capture."""
    w, h = img.size
    g = Image.linear_gradient("L").resize((w, h))
    if rng.random() < 0.5:
        g = g.transpose(Image.FLIP_TOP_BOTTOM)
    g = g.point(lambda v: int(255 - v * 0.16))
    img = ImageChops.multiply(img, g)
    r = img.point(lambda v: min(255, int(v * 1.0 + 3)))
    gch = img.point(lambda v: int(v * 0.985))
    b = img.point(lambda v: int(v * 0.945))
    return Image.merge("RGB", (r, gch, b))


def jpeg_bytes(img, quality, dpi=None):
    bio = io.BytesIO()
    kw = {"quality": quality, "optimize": True}
    if dpi:
        kw["dpi"] = (dpi, dpi)
    img.save(bio, "JPEG", **kw)
    return bio.getvalue()
