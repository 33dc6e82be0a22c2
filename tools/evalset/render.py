"""A composed Doc -> pages -> checked ground truth -> the bytes of a scanned file.

Layout, the PDF writer and scan degradation come from samplegen.  Scans vary by
seed: 200-300 DPI, skew up to +-3 degrees, speckle, drop-outs, dust, blur, paper
tone and JPEG artefacts in three strengths (light, medium, heavy), all readable.
"""

import io
import re
import zlib

from PIL import Image

from samplegen import layout as LY
from samplegen import pdfwriter as PW
from samplegen import raster as R

from . import world as W

EXT = {"pdf-scan": "pdf", "pdf-bilevel": "pdf", "pdf-text": "pdf", "pdf-mixed": "pdf", "tiff": "tif", "png": "png", "jpeg": "jpg"}
FORMAT = {"pdf-scan": "pdf", "pdf-bilevel": "pdf", "pdf-text": "pdf", "pdf-mixed": "pdf", "tiff": "tiff", "png": "png",
          "jpeg": "jpeg"}


# ---------------------------------------------------------------------------
# Layout
def layout_kw(d, compact=False):
    rng = d.rng
    if compact:
        return dict(size=rng.choice([11, 11.5]), spacing=1.0, justify=rng.random() < 0.7,
                    margin=rng.choice([54.0, 60.0]), smart_quotes=rng.random() < 0.3, first_indent=36.0)
    return dict(size=rng.choice([12, 12, 12, 11.5, 11]),
                spacing=rng.choice([1.0, 1.15, 1.15, 1.5, 1.5, 2.0]),
                justify=rng.random() < 0.7, margin=rng.choice([72.0, 72.0, 66.0]),
                page_numbers=rng.random() < 0.3, smart_quotes=rng.random() < 0.3,
                first_indent=rng.choice([36.0, 36.0, 48.0]))


def run_ops(d, kw):
    d.layout_kw = kw
    d.hy_done = False
    L = LY.Layout(**kw)
    for op in d.ops:
        op(L)
    return L.finish()


def lay_out(d):
    single = d.fmt in ("png", "jpeg")
    pages = run_ops(d, layout_kw(d, compact=single))
    if single and len(pages) > 1:
        pages = run_ops(d, dict(size=10.5, spacing=1.0, justify=True, margin=50.0, first_indent=30.0))
        if len(pages) > 1:
            d.fmt = "pdf-scan"
            d.tag("did-not-fit-one-page")
    if d.fmt == "pdf-mixed" and len(pages) < 2:
        d.fmt = "pdf-scan"
    if "line-end-hyphenation" in d.tags and not d.hy_done:
        d.tags.remove("line-end-hyphenation")
    return pages


# ---------------------------------------------------------------------------
# Checks of the ground truth against the text actually laid out
def _pat(word):
    """A whole-word pattern; a space matches any run of white space (line ends too)."""
    words = [re.escape(w).replace("'", "['\u2019]") for w in word.split()]
    return r"(?<![A-Za-z])%s(?![A-Za-z])" % r"\s+".join(words)


def _has(text, word):
    return re.search(_pat(word), text, flags=re.I) is not None


def vocabulary():
    forms = []
    for code, (name, text, formal, dem) in W.COUNTRIES.items():
        for f in (name, text, formal, dem, text.replace("the ", "", 1)):
            if f:
                forms.append((f, code))
        for f in W.EXTRA_FORMS.get(code, []):
            forms.append((f, code))
    forms.sort(key=lambda x: -len(x[0]))
    return forms


VOCAB = vocabulary()


def check(d, pages):
    texts = [LY.page_text(p) for p in pages]
    full = "".join(texts).replace("-\n", "")
    name = "ev-%03d (%s)" % (d.index + 1, d.kind)
    if d.respondent not in texts[0]:
        raise ValueError("%s: respondent %r not on page 1" % (name, d.respondent))
    if d.a_display not in texts[0]:
        raise ValueError("%s: A-number %r not on page 1" % (name, d.a_display))
    if re.sub(r"\D", "", d.a_display).zfill(9) != d.a_number:
        raise ValueError("%s: A-number display %r is not %s" % (name, d.a_display, d.a_number))
    # personal names are registered when the people are chosen; keep those that are printed
    for text, word, code in d.persons:
        if _has(full, text):
            d.mention(code, "not_country", word)
            d.tag("personal-name-is-country")
    for code, role, surface in d.mentions:
        if not _has(full, surface):
            raise ValueError("%s: registered %s %s %r is not in the text" % (name, code, role, surface))
    for code in d.removal:
        if not any(_has(full, s) for c, r, s in d.mentions if c == code and r == "removal"):
            raise ValueError("%s: removal country %s not stated as removal" % (name, code))
    if d.nationality and not any(c == d.nationality and r == "nationality" for c, r, s in d.mentions):
        raise ValueError("%s: nationality %s not stated" % (name, d.nationality))
    for w in d.forbid_p1:
        if _has(texts[0], w):
            raise ValueError("%s: %r must not be on page 1" % (name, w))
    # every country-like word in the text must have been registered with a role
    rest = full
    for s in sorted({s for _, _, s in d.mentions}, key=len, reverse=True):
        rest = re.sub(_pat(s), " ", rest, flags=re.I)
    for form, code in VOCAB:
        if _has(rest, form):
            m = re.search(r".{0,40}%s.{0,40}" % re.escape(form), rest, flags=re.I | re.S)
            raise ValueError("%s: unregistered country word %r (%s): %r" % (name, form, code,
                                                                          m.group(0) if m else ""))
    if d.removal and len(texts) > 1:
        on_p1 = any(_has(texts[0], s) for c, r, s in d.mentions if r == "removal")
        if not on_p1:
            d.tag("removal-country-not-on-page-1")
    return texts


# ---------------------------------------------------------------------------
# Scanning
PROFILES = {
    # dpi choices, max |skew|, speckle, dropout, dust, blur, paper, jpeg quality range
    "light": dict(dpis=[300, 300, 240], skew=1.0, speckle=0.0002, dropout=0.0002, dust=4, blur=0.45,
                  paper=(10, 248), q=(62, 78)),
    "medium": dict(dpis=[200, 200, 240, 300], skew=2.0, speckle=0.0006, dropout=0.0005, dust=12, blur=0.6,
                   paper=(20, 242), q=(48, 62)),
    "heavy": dict(dpis=[200, 200, 240], skew=3.0, speckle=0.0011, dropout=0.001, dust=22, blur=0.72,
                  paper=(32, 234), q=(40, 50)),
}


def scan_params(d):
    rng = d.rng
    r = rng.random()
    prof = "light" if r < 0.3 else "medium" if r < 0.8 else "heavy"
    P = PROFILES[prof]
    angle = rng.uniform(-P["skew"], P["skew"])
    if prof == "heavy" and rng.random() < 0.5:  # the worst feeders
        angle = (1 if angle >= 0 else -1) * rng.uniform(2.2, 3.0)
    return dict(profile=prof, dpi=rng.choice(P["dpis"]), angle=round(angle, 2),
                speckle=P["speckle"] * rng.uniform(0.6, 1.4), dropout=P["dropout"] * rng.uniform(0.6, 1.4),
                dust=int(P["dust"] * rng.uniform(0.5, 1.5)), blur=round(P["blur"] * rng.uniform(0.85, 1.15), 3),
                paper=P["paper"], shadow=rng.choice([0, 0, 0, 10, 16]), holes=rng.random() < 0.2,
                quality=rng.randint(*P["q"]))


def degrade(img, p, rng, dpi, marks):
    """samplegen's degradation; skews beyond its 2.5 degree clamp get a first rotation here."""
    a = p["angle"]
    base = max(-2.2, min(2.2, a))
    if abs(a - base) > 0.005:
        img = img.rotate(a - base, resample=Image.BICUBIC, fillcolor=255)
    q = dict(p)
    q["angle"] = base
    return R.degrade(img, q, rng, dpi, marks)


def turned(img, d):
    """The scan as fed sideways or upside down (gen_evalset --turn): turned
    counter-clockwise by d.turn degrees, after the scanner's own skew."""
    angle = getattr(d, "turn", 0)
    return img.rotate(angle, expand=True) if angle else img


def make_file(d, pages):
    """Return (bytes, page count, scan parameters or None)."""
    born = PW.write_pdf(LY.to_pdf_pages(pages))
    fmt = d.fmt
    if fmt == "pdf-text":
        return born, len(pages), None
    p = scan_params(d)
    rng = d.rng
    if fmt == "tiff":
        p["dpi"] = rng.choice([200, 200, 300])
        p["threshold"] = rng.randint(138, 158)
        dpi = p["dpi"]
        imgs = R.render(born, dpi)
        fax = rng.random() < 0.6
        hdr = "%s-%02d-2025 %02d:%02d  FROM: ICE OCC  %s 555 0%03d  P.%%d/%%d" % (
            rng.choice(["MAR", "JUN", "SEP", "NOV"]), rng.randint(1, 28), rng.randint(7, 18), rng.randint(0, 59),
            rng.choice(["404", "915", "956", "212", "305"]), rng.randint(100, 999))
        frames = []
        for i, img in enumerate(imgs):
            img = degrade(img, p, rng, dpi, pages[i].marks)
            if fax:
                R.fax_header(img, hdr % (i + 1, len(imgs)), dpi)
            frames.append(R.to_bilevel(turned(img, d), p["threshold"]))
        bio = io.BytesIO()
        frames[0].save(bio, "TIFF", compression="group4", dpi=(dpi, dpi), save_all=True,
                       append_images=frames[1:])
        p["fax_header"] = fax
        return bio.getvalue(), len(frames), p
    dpi = p["dpi"]
    first = 1 if fmt == "pdf-mixed" else 0
    imgs = R.render(born, dpi)[first:]
    scans = [turned(degrade(img, p, rng, dpi, pages[first + i].marks), d) for i, img in enumerate(imgs)]
    if fmt == "pdf-bilevel":  # black and white, as most office scanners send filings
        thr = rng.randint(138, 158)
        out = [PW.ImagePage(zlib.compress(R.to_bilevel(im, thr).tobytes(), 9), im.size[0], im.size[1], dpi,
                            bilevel=True) for im in scans]
        p["threshold"] = thr
        return PW.write_pdf(out), len(out), p
    if fmt in ("pdf-scan", "pdf-mixed"):
        out = [PW.ImagePage(R.jpeg_bytes(im, p["quality"]), im.size[0], im.size[1], dpi, gray=True)
               for im in scans]
        if first:
            out = LY.to_pdf_pages(pages)[:1] + out
        return PW.write_pdf(out), len(out), p
    img = scans[0]
    bio = io.BytesIO()
    if fmt == "png":
        levels = rng.choice([None, 16, 32])
        if levels:
            step = 256 // levels
            img = img.point(lambda v: min(255, (v // step) * step + step // 2))
        p["levels"] = levels
        img.save(bio, "PNG", dpi=(dpi, dpi), optimize=True)
    else:
        img = R.photo_tone(img, rng)
        p["quality"] = rng.randint(62, 82)
        img.save(bio, "JPEG", quality=p["quality"], dpi=(dpi, dpi), optimize=True)
    return bio.getvalue(), 1, p
