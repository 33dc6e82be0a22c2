"""Drawing laid-out pages with PIL, straight from the TrueType fonts (no PDF
renderer in between), and the damage real scans, faxes and phone photos carry.

Every random choice comes from the random.Random passed in; noise images are
made from rng.randbytes(), so the same seed gives the same pixels."""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from . import layout
from .layout import H, W


def render(page, family, dpi, rng, ink=0):
    """One page as an 8-bit grey image at dpi (square pixels)."""
    s = dpi / 72.0
    img = Image.new("L", (int(round(W * s)), int(round(H * s))), 255)
    d = ImageDraw.Draw(img)
    for it in page.items:
        kind = it[0]
        if kind == "text":
            _, x, base, key, size, text = it
            f = layout.font(layout.font_path(family, key), size * s)
            d.text((x * s, base * s), text, fill=ink, font=f, anchor="ls")
        elif kind == "line":
            _, x0, y0, x1, y1, wd = it
            d.line([(x0 * s, y0 * s), (x1 * s, y1 * s)], fill=ink, width=max(1, int(round(wd * s))))
        elif kind == "box":
            _, x0, y0, x1, y1, checked = it
            d.rectangle([x0 * s, y0 * s, x1 * s, y1 * s], outline=ink, width=max(1, int(s * 0.8)))
            if checked:
                wd = max(1, int(s * 1.1))
                d.line([(x0 * s + 2, y0 * s + 2), (x1 * s - 2, y1 * s - 2)], fill=ink, width=wd)
                d.line([(x0 * s + 2, y1 * s - 2), (x1 * s - 2, y0 * s + 2)], fill=ink, width=wd)
        elif kind == "bar":  # a barcode's bar, filled
            _, x0, y0, x1, y1 = it
            d.rectangle([x0 * s, y0 * s, x1 * s - 1, y1 * s], fill=ink)
        elif kind == "sig":
            _pen(d, [v * s for v in it[1:]], rng, s)
        elif kind == "stamp":
            _stamp(img, it, s, rng)
    return img


def _pen(d, box, rng, s):
    """A handwritten signature: a chain of slanted loops with a long tail."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    pts = []
    n = rng.randint(40, 70)
    phase = rng.uniform(0, 6.28)
    amp = [rng.uniform(0.2, 0.5) for _ in range(6)]
    for i in range(n):
        t = i / (n - 1)
        a = amp[int(t * 5.99)]
        x = x0 + t * (x1 - x0) + math.cos(t * 37 + phase) * h * 0.18
        y = y0 + h * 0.55 - math.sin(t * 37 + phase) * h * a - t * h * 0.15
        pts.append((x, y))
    pts.append((x1 + h * 0.3, y0 + h * 0.3))
    d.line(pts, fill=rng.randrange(10, 60), width=max(1, int(s * 0.9)), joint="curve")


def _stamp(img, it, s, rng):
    _, x, y, lines, angle = it
    size = 10 * s
    f = layout.font(layout.FAMILIES["helvetica"][1], size)
    wd = int(max(f.getlength(t) for t in lines) + size * 1.2)
    ht = int(len(lines) * size * 1.3 + size * 0.8)
    st = Image.new("L", (wd, ht), 255)
    d = ImageDraw.Draw(st)
    d.rectangle([1, 1, wd - 2, ht - 2], outline=0, width=max(1, int(s)))
    for i, t in enumerate(lines):
        tw = f.getlength(t)
        d.text(((wd - tw) / 2, size * 0.5 + i * size * 1.3 + size), t, fill=0, font=f, anchor="ls")
    st = st.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    tone = rng.randrange(70, 130)  # stamp ink is lighter than print
    st = st.point(lambda v: 255 - (255 - v) * (255 - tone) // 255)
    x = int(min(x * s, img.size[0] - st.size[0] - 4))
    box = (x, int(y * s), x + st.size[0], int(y * s) + st.size[1])
    img.paste(ImageChops.darker(img.crop(box), st), box[:2])


# ---- damage ---------------------------------------------------------------

def noise_mask(rng, size, density, cell=1):
    """255 where a cell of cell x cell pixels is hit, with probability density."""
    w, h = max(1, size[0] // cell), max(1, size[1] // cell)
    a = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    b = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    t = max(1, int(density * 65536))
    hi, lo = divmod(t, 256)
    # P(a < hi) + P(a == hi and b < lo) = density
    m = ImageChops.lighter(a.point(lambda v: 255 if v < hi else 0),
                           ImageChops.multiply(a.point(lambda v: 255 if v == hi else 0),
                                               b.point(lambda v: 255 if v < lo else 0)))
    return m.resize(size, Image.NEAREST) if cell > 1 else m


def skew(img, deg, fill=255):
    return img.rotate(deg, resample=Image.BICUBIC, fillcolor=fill)


def scan(img, rng, dpi, speckle=0.0, dropout=0.0, dust=0, blur=0.0, paper=(0, 255), streak=False, weight=0):
    """A flatbed or feeder scan of a printed page."""
    if weight > 0:
        img = img.filter(ImageFilter.MinFilter(3))   # toner spread: strokes thicker
    elif weight < 0:
        img = img.filter(ImageFilter.MaxFilter(3))   # faint toner: strokes thinner
    if dropout:
        img.paste(255, mask=noise_mask(rng, img.size, dropout))
    if speckle:
        img.paste(0, mask=noise_mask(rng, img.size, speckle, cell=2))
    if dust:
        d = ImageDraw.Draw(img)
        for _ in range(dust):
            cx, cy = rng.randrange(img.size[0]), rng.randrange(img.size[1])
            r = rng.uniform(0.8, 3.0) * dpi / 150
            d.ellipse([cx - r, cy - r * 0.7, cx + r, cy + r], fill=rng.randrange(0, 100))
    if streak:
        d = ImageDraw.Draw(img)
        x = rng.randrange(img.size[0] // 5, img.size[0] * 4 // 5)
        d.line([(x, 0), (x + rng.randrange(-3, 4), img.size[1])], fill=rng.randrange(40, 140),
               width=max(1, dpi // 150))
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    lo, hi = paper
    if (lo, hi) != (0, 255):
        img = img.point(lambda v: lo + (hi - lo) * v // 255)
    return img


def bilevel(img, threshold):
    return img.point(lambda v: 255 if v >= threshold else 0).convert("1", dither=Image.Dither.NONE)


def fax(img, rng, standard):
    """A fax: 204 dpi across; 196 (fine) or 98 (standard) lines per inch down."""
    w = int(round(img.size[0] * 204 / 300.0))
    h = int(round(img.size[1] * (98 if standard else 196) / 300.0))
    img = img.resize((w, h), Image.BILINEAR)
    img = bilevel(img, rng.randrange(120, 170))
    m = noise_mask(rng, img.size, 0.0006)
    img = img.convert("L")
    img.paste(0, mask=m)
    return img.convert("1", dither=Image.Dither.NONE)


def _solve(a, b):
    """Gaussian elimination for the 8x8 perspective system."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def _perspective_coeffs(dst, src):
    """Coefficients mapping output points dst to input points src (PIL's convention)."""
    a, b = [], []
    for (x, y), (u, v) in zip(dst, src):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        b.append(u)
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.append(v)
    return _solve(a, b)


def phone_photo(img, rng):
    """A phone photo of the page on a desk: perspective, uneven light, low contrast, colour."""
    w, h = img.size
    out_w, out_h = int(w * 1.12), int(h * 1.08)
    j = lambda k: rng.uniform(0.0, k)  # noqa: E731
    dst = [(out_w * (0.05 + j(0.04)), out_h * (0.03 + j(0.03))), (out_w * (0.95 - j(0.04)), out_h * (0.04 + j(0.03))),
           (out_w * (0.97 - j(0.03)), out_h * (0.97 - j(0.02))), (out_w * (0.03 + j(0.03)), out_h * (0.96 - j(0.03)))]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = _perspective_coeffs(dst, src)
    desk = rng.randrange(60, 120)
    page = img.transform((out_w, out_h), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=desk)
    # light falls off from one corner
    g = Image.radial_gradient("L").resize((out_w * 2, out_h * 2))
    ox, oy = rng.randrange(0, out_w), rng.randrange(0, out_h)
    fall = rng.uniform(0.35, 0.5)
    g = g.crop((ox, oy, ox + out_w, oy + out_h)).point(lambda v: int(255 - v * fall))
    lit = ImageChops.multiply(page, g)
    lo = rng.randrange(40, 80)
    lit = lit.point(lambda v: lo + v * (235 - lo) // 255)
    lit = lit.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.2)))
    r = lit.point(lambda v: min(255, v + 8))
    b = lit.point(lambda v: max(0, v - 14))
    rgb = Image.merge("RGB", (r, lit, b))
    return rgb.resize((out_w * 4 // 5, out_h * 4 // 5), Image.BILINEAR)


def blot(img, rng, dpi):
    """--wide: local damage over a band of the page's top half, where the
    caption and the title are: faint toner, a smear or a stain."""
    w, h = img.size
    y0 = rng.randrange(0, h // 2)
    box = (0, y0, w, min(h, y0 + int(dpi * rng.uniform(0.6, 1.6))))
    part = img.crop(box)
    kind = rng.randrange(3)
    if kind == 0:  # faint toner: strokes thinned and lightened
        k = rng.uniform(0.35, 0.6)
        part = part.filter(ImageFilter.MaxFilter(3)).point(lambda v: 255 - int((255 - v) * k))
    elif kind == 1:  # a smear: the band blurred
        part = part.filter(ImageFilter.GaussianBlur(dpi / rng.uniform(90, 150)))
    else:  # a stain: the paper darkened under the text
        tone = rng.randrange(140, 200)
        part = part.point(lambda v: v * tone // 255)
    img.paste(part, box[:2])
    return img
