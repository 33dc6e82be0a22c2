"""Driver: specification -> born-digital PDF -> scan -> sample file + expected
record + ground-truth text, and samples/README.md."""

import io
import json
import os
import random
import re

from PIL import Image

from . import content as C
from . import layout as LY
from . import pdfwriter as PW
from . import raster as R
from .specs import SAMPLES

EXT = {"pdf-scan": "pdf", "pdf-text": "pdf", "pdf-mixed": "pdf", "tiff": "tif", "png": "png",
       "jpeg": "jpg"}
FORMAT = {"pdf-scan": "pdf", "pdf-text": "pdf", "pdf-mixed": "pdf", "tiff": "tiff", "png": "png",
          "jpeg": "jpeg"}


def lay_out(spec):
    L = LY.Layout(**spec.get("layout", {}))
    spec["write"](L)
    return L.finish()


def scan_pages(born, pages, spec, rng, first=0):
    p = spec["scan"]
    dpi = p["dpi"]
    imgs = R.render(born, dpi)[first:]
    out = []
    for i, img in enumerate(imgs):
        marks = pages[first + i].marks
        out.append(R.degrade(img, p, rng, dpi, marks))
    return out, dpi


def image_pdf_page(img, spec, dpi):
    data = R.jpeg_bytes(img, spec["scan"]["quality"])
    return PW.ImagePage(data, img.size[0], img.size[1], dpi, gray=(img.mode == "L"))


def make_file(spec, pages):
    """Return (bytes, page_count)."""
    fmt = spec["fmt"]
    rng = random.Random(spec["seed"])
    born = PW.write_pdf(LY.to_pdf_pages(pages))
    if fmt == "pdf-text":
        return born, len(pages)
    if fmt == "pdf-scan":
        imgs, dpi = scan_pages(born, pages, spec, rng)
        return PW.write_pdf([image_pdf_page(im, spec, dpi) for im in imgs]), len(imgs)
    if fmt == "pdf-mixed":
        text_pages = LY.to_pdf_pages(pages)
        imgs, dpi = scan_pages(born, pages, spec, rng, first=1)
        out = [text_pages[0]] + [image_pdf_page(im, spec, dpi) for im in imgs]
        return PW.write_pdf(out), len(out)
    if fmt == "tiff":
        p = spec["scan"]
        dpi = p["dpi"]
        imgs = R.render(born, dpi)
        frames = []
        for i, img in enumerate(imgs):
            img = R.degrade(img, p, rng, dpi, pages[i].marks)
            R.fax_header(img, p["fax_header"] % (i + 1, len(imgs)), dpi)
            frames.append(R.to_bilevel(img, p.get("threshold", 150)))
        bio = io.BytesIO()
        frames[0].save(bio, "TIFF", compression="group4", dpi=(dpi, dpi), save_all=True,
                       append_images=frames[1:])
        return bio.getvalue(), len(frames)
    if fmt in ("png", "jpeg"):
        if len(pages) != 1:
            raise ValueError("%s: %s samples are single-page, layout gave %d pages"
                             % (spec["name"], fmt, len(pages)))
        imgs, dpi = scan_pages(born, pages, spec, rng)
        img = imgs[0]
        bio = io.BytesIO()
        if fmt == "png":
            levels = spec["scan"].get("levels")
            if levels:
                step = 256 // levels
                img = img.point(lambda v: min(255, (v // step) * step + step // 2))
            img.save(bio, "PNG", dpi=(dpi, dpi), optimize=True)
        else:
            img = R.photo_tone(img, rng)
            img.save(bio, "JPEG", quality=spec["scan"]["quality"], dpi=(dpi, dpi), optimize=True)
        return bio.getvalue(), 1
    raise ValueError(fmt)


def check(spec, pages):
    """Sanity checks of the specification against its own text."""
    texts = [LY.page_text(p) for p in pages]
    full = "".join(texts).replace("-\n", "")
    e = spec["expected"]
    name = spec["name"]
    if e["respondent"] not in texts[0]:
        raise ValueError("%s: respondent %r not on page 1" % (name, e["respondent"]))
    m = re.search(r"File No\.: (A[^\n ]*(?: [0-9][^\n ]*)*)", texts[0])
    if not m or re.sub(r"\D", "", m.group(1)).zfill(9) != e["a_number"]:
        raise ValueError("%s: A-number on page 1 does not match %s" % (name, e["a_number"]))
    for code in e["removal"]:
        n = C.COUNTRIES[code]
        if n not in full:
            raise ValueError("%s: removal country %s not in text" % (name, n))
    for idx, words in spec.get("forbid", {}).items():
        for w in words:
            if w in texts[idx]:
                raise ValueError("%s: %r must not appear on page %d" % (name, w, idx + 1))
    for idx, words in spec.get("require", {}).items():
        for w in words:
            if w not in texts[idx]:
                raise ValueError("%s: %r must appear on page %d" % (name, w, idx + 1))
    return texts


def expected_record(spec, path, npages):
    e = spec["expected"]
    return {
        "file": path,
        "filer": e["filer"],
        "motion_type": e["motion_type"],
        "removal_countries": [C.country(c) for c in e["removal"]],
        "nationality": C.country(e["nationality"]) if e["nationality"] else None,
        "a_number": e["a_number"],
        "pages": npages,
        "format": FORMAT[spec["fmt"]],
        "text_layer": spec["fmt"] in ("pdf-text", "pdf-mixed"),
        "hard_cases": e["hard_cases"],
        "respondent": e["respondent"],
        "court": e["court"],
        "detained": e["detained"],
    }


def write(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})) as f:
        f.write(data)


def clean(out):
    for sub, exts in (("", (".pdf", ".tif", ".png", ".jpg")), ("expected", (".json",)),
                      ("truth", (".txt",))):
        d = os.path.join(out, sub)
        if os.path.isdir(d):
            for n in os.listdir(d):
                if n.endswith(exts) and n[:2].isdigit():
                    os.remove(os.path.join(d, n))


def build_one(spec, out):
    pages = lay_out(spec)
    texts = check(spec, pages)
    data, npages = make_file(spec, pages)
    rel = "samples/%s.%s" % (spec["name"], EXT[spec["fmt"]])
    write(os.path.join(out, "%s.%s" % (spec["name"], EXT[spec["fmt"]])), data)
    rec = expected_record(spec, rel, npages)
    write(os.path.join(out, "expected", spec["name"] + ".json"),
          json.dumps(rec, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    write(os.path.join(out, "truth", spec["name"] + ".txt"), "\f".join(texts))
    return rec, len(data)


def readme(records):
    from .readme import render
    return render(records)


def main(out, only=None, jobs=1):
    os.makedirs(os.path.join(out, "expected"), exist_ok=True)
    os.makedirs(os.path.join(out, "truth"), exist_ok=True)
    specs = [s for s in SAMPLES if not only or any(o in s["name"] for o in only)]
    names = [s["name"] for s in SAMPLES]
    if len(set(names)) != len(names):
        raise ValueError("duplicate sample names")
    if not only:
        clean(out)
    results = []
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(jobs) as ex:
            futs = [ex.submit(_build_by_name, s["name"], out) for s in specs]
            results = [f.result() for f in futs]
    else:
        results = [build_one(s, out) for s in specs]
    for (rec, size) in results:
        print("%-52s %-5s %2d p %8d B  %-17s %s" % (rec["file"], rec["format"], rec["pages"], size,
                                                 rec["motion_type"],
                                                 ",".join(c["code"] for c in rec["removal_countries"]) or "-"))
    if not only:
        write(os.path.join(out, "README.md"), readme([r for r, _ in results]))
    return results


def _build_by_name(name, out):
    spec = next(s for s in SAMPLES if s["name"] == name)
    return build_one(spec, out)
