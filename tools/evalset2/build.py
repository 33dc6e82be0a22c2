"""Building a set: filings -> pages -> damaged images -> files, with
expected/NAME.json and truth/NAME.txt beside them."""

import copy
import datetime
import json
import os
import random

from . import barcode as bc
from . import draw
from . import furniture as fur
from . import kinds
from . import layout
from . import vocab
from . import writers

# name: weight; born-digital profiles use the standard-metric families only
PROFILES = [("born", 14), ("scan300", 11), ("scan200", 12), ("scan150", 8), ("bilevel300", 9), ("bilevel200", 10),
            ("copy", 10), ("fax_fine", 6), ("fax_std", 11), ("photo", 9)]
SCAN_FAMILIES = list(layout.FAMILIES)
BORN_FAMILIES = ["times", "times", "helvetica", "courier"]


def filing_rng(seed, what, i):
    return random.Random("evalset2:%s:%s:%d" % (seed, what, i))


def _pick(rng, table):
    return rng.choices([t[0] for t in table], [t[1] for t in table])[0]


def furnish(doc, pages, profile, rng, cover, wrng=None):
    """Furniture for one filing's pages; returns the page list (a fax cover first when asked).
    wrng (--wide): more footer and cover-sheet wordings."""
    p, t = doc.parties, doc.truth
    if profile != "born" and t["filer"] != "court" and rng.random() < 0.35:
        fur.received_stamp(pages[0], p, rng, t)
        doc.hard("received-stamp")
        for tag in t.pop("_tags", []):
            doc.hard(tag)
    elif rng.random() < 0.3:
        fur.ecas_line(pages, p, rng, t)
        doc.hard("ecas-line")
    if len(pages) > 1 and rng.random() < 0.3 and not p.redacted:
        from .people import a_number_text
        fur.running_header(pages, p, a_number_text(p.a_numbers[0], rng, "compact-dash"))
        doc.hard("running-header-a-number")
    if rng.random() < 0.5:
        fur.footers(pages, rng, "DHS" if t["filer"] == "dhs" and rng.random() < 0.3 else None, wrng)
        doc.hard("page-x-of-n-footer")
    if cover:
        pages = [fur.fax_cover(p, rng, "helvetica", len(pages) + 1, wrng)] + pages
        doc.hard("fax-cover-sheet")
    if profile.startswith("fax"):
        fur.fax_header(pages, p, rng)
        doc.hard("fax-header-line")
    return pages


def damage(pages, family, profile, rng, wrng=None):
    """Pages -> (images, (dpi_x, dpi_y), hard-case tags); wrng (--wide): local damage on some pages."""
    tags = []

    def render(pg, dpi):
        im = draw.render(pg, family, dpi, rng)
        if wrng and wrng.random() < 0.3:
            tags.extend([] if "blotted-page" in tags else ["blotted-page"])
            im = draw.blot(im, wrng, dpi)
        return im

    out = []
    flip = set()
    if profile not in ("born", "photo") and rng.random() < 0.08:
        flip = set(range(len(pages))) if rng.random() < 0.5 else {rng.randrange(len(pages))}
        tags.append("upside-down-page")
    for i, pg in enumerate(pages):
        if profile == "scan300":
            im = draw.scan(render(pg, 300), rng, 300, speckle=0.00005, paper=(0, 245))
            im, dpi = draw.skew(im, rng.uniform(-1.2, 1.2), 245), (300, 300)
        elif profile == "scan200":
            im = draw.scan(render(pg, 200), rng, 200, speckle=0.0002, dust=rng.randrange(20),
                           blur=0.4, paper=(20, 240))
            im, dpi = draw.skew(im, rng.uniform(-2, 2), 240), (200, 200)
        elif profile == "scan150":
            im = draw.scan(render(pg, 150), rng, 150, blur=0.5, paper=(30, 235))
            im, dpi = draw.skew(im, rng.uniform(-1.5, 1.5), 235), (150, 150)
        elif profile in ("bilevel300", "bilevel200"):
            d = 300 if profile == "bilevel300" else 200
            im = draw.scan(render(pg, d), rng, d, blur=0.6, dust=rng.randrange(30))
            im = draw.skew(im, rng.uniform(-1.5, 1.5))
            im = draw.scan(im, rng, d, speckle=rng.choice([0.0001, 0.0005, 0.001]), dropout=rng.choice([0, 0.002]))
            im, dpi = draw.bilevel(im, rng.randrange(140, 190)), (d, d)
        elif profile == "copy":
            d = rng.choice([200, 240, 300])
            im = render(pg, d)
            weights = rng.choice([(0, 0), (1, 0), (0, 1), (-1, 1), (1, -1), (0, -1)])
            for wt in weights:  # a copy of a copy: each pass may thicken or thin, blurs and soils
                im = draw.skew(im, rng.uniform(-1.5, 1.5))
                im = draw.scan(im, rng, d, speckle=0.0003, dust=rng.randrange(40), blur=0.6,
                               weight=wt if d >= 240 else max(wt, 0), streak=rng.random() < 0.3)
                im = draw.bilevel(im, rng.randrange(160, 200)).convert("L")
            im, dpi = im.convert("1", dither=None), (d, d)
            tags.append("copy-of-copy")
        elif profile in ("fax_fine", "fax_std"):
            im = render(pg, 300)
            im = draw.fax(draw.skew(im, rng.uniform(-1, 1)), rng, profile == "fax_std")
            dpi = (204, 98 if profile == "fax_std" else 196)
        elif profile == "photo":
            im, dpi = draw.phone_photo(render(pg, 250), rng), (200, 200)
            tags.append("phone-photo")
        else:
            raise ValueError(profile)
        if i in flip:
            im = im.rotate(180)
        out.append(im)
    if profile == "fax_std":
        tags.append("fax-standard-204x98")
    return out, dpi, tags


def write_file(base, pages, family, profile, rng, wrng=None):
    """Writes the pages; returns (file name, format, text_layer, tags)."""
    if profile == "born":
        return base + ".pdf", "pdf", True, ["born-digital"], writers.text_pdf(pages, family)
    images, dpi, tags = damage(pages, family, profile, rng, wrng)
    one = len(images) == 1
    if profile.startswith("fax") or (profile in ("bilevel300", "bilevel200", "copy") and rng.random() < 0.4):
        return base + ".tif", "tiff", False, tags, writers.tiff(images, dpi)
    if one and profile == "photo" and rng.random() < 0.7:
        return base + ".jpg", "jpeg", False, tags, writers.jpeg(images[0], rng.randrange(60, 85),
                                                                  rng.choice([None, (72, 72)]))
    if one and profile in ("scan150", "scan200", "bilevel200") and rng.random() < 0.5:
        if images[0].mode == "L" and rng.random() < 0.5:
            return base + ".jpg", "jpeg", False, tags, writers.jpeg(images[0], 75, dpi)
        return base + ".png", "png", False, tags, writers.png(images[0], dpi)
    return base + ".pdf", "pdf", False, tags, writers.image_pdf(images, [dpi] * len(images),
                                                                 jpeg_quality=rng.randrange(45, 80))


def _countries(codes):
    return [{"code": c, "name": vocab.COUNTRIES[c][0]} for c in codes]


def fields(doc):
    t = doc.truth
    nat = t["nationality"]
    out = {
        "filer": t["filer"], "motion_type": t["motion_type"], "removal_countries": _countries(t["removal"]),
        "nationality": {"code": nat, "name": vocab.COUNTRIES[nat][0]} if nat else None,
        "a_number": t["a_number"], "respondent": t["respondent"], "court": t["court"], "detained": t["detained"],
        "title": t.get("title"), "kind": t["kind"], "filed_date": t.get("filed_date"),
        "received_date": t.get("received_date"), "hearing_date": t.get("hearing_date"),
        "country_roles": doc.roles, "hard_cases": doc.tags,
    }
    if "a_numbers" in t:
        out["a_numbers"] = t["a_numbers"]
    return out


def _save(out, name, data, truth_pages, expected):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    stem = os.path.splitext(name)[0]
    with open(os.path.join(out, "truth", stem + ".txt"), "w", encoding="utf-8") as f:
        f.write("\f".join("\n".join(pg.lines) + "\n" for pg in truth_pages))
    with open(os.path.join(out, "expected", stem + ".json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")


def _prepare(out):
    for sub in ("expected", "truth"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)


def build_single(out, seed, i, kind, profile=None):
    rng = filing_rng(seed, "filing", i)
    profile = profile or _pick(rng, PROFILES)
    doc = kinds.compose(rng, kind)
    family = rng.choice(BORN_FAMILIES if profile == "born" else SCAN_FAMILIES)
    pages, _ = layout.typeset(doc, family, rng)
    cover = profile.startswith("fax") and rng.random() < 0.5
    pages = furnish(doc, pages, profile, rng, cover)
    base = "%03d-%s-%s" % (i, kind.replace("_", "-"), profile.replace("_", "-"))
    name, fmt, text_layer, tags, data = write_file(base, pages, family, profile, rng)
    for t in tags:
        doc.hard(t)
    exp = fields(doc)
    exp.update(file=name, format=fmt, pages=len(pages), text_layer=text_layer, profile=profile, font=family)
    _save(out, name, data, pages, exp)
    return exp


def build_set(out, seed, n, progress=None, every_profile=False):
    """n single filings; every_profile: profiles in turn instead of drawn (a short set that has them all)."""
    _prepare(out)
    deck = kinds.deck(random.Random("evalset2:%s:deck" % seed), n)
    res = []
    for i, kind in enumerate(deck, 1):
        prof = PROFILES[(i - 1) % len(PROFILES)][0] if every_profile else None
        res.append(build_single(out, seed, i, kind, prof))
        if progress:
            progress(i, n)
    return res


# ---- stacks -----------------------------------------------------------------

SCENARIOS = [("motion_opposition_order", 4), ("mail_batch", 4), ("motion_order", 2)]
STACK_PROFILES = [("scan200", 3), ("bilevel300", 3), ("bilevel200", 2), ("copy", 2), ("fax_std", 3), ("fax_fine", 1),
                  ("scan300", 2)]
# --wide adds these: low-resolution scans and phone photos of each page
WIDE_STACK_PROFILES = STACK_PROFILES + [("scan150", 2), ("photo", 1)]


def _shifted(p, days):
    q = copy.copy(p)
    q.filed = p.filed + datetime.timedelta(days=days)
    q.received = q.filed + datetime.timedelta(days=p.rng.choice([0, 1]))
    return q


def _duplex_blank(dp, wrng, cover):
    """--wide: the blank back of a sheet scanned duplex, inside the filing; its index in dp or None."""
    lo = 2 if cover else 1
    if len(dp) - lo < 1 or wrng.random() >= 0.2:
        return None
    at = wrng.randrange(lo, len(dp))
    dp.insert(at, fur.blank_page(wrng))
    dp[at].lines[:] = []
    dp[at].items[:] = []
    return at


def build_stack(out, seed, i, barcodes=False, wide=False):
    rng = filing_rng(seed, "stack", i)
    # barcode sheets and --wide draw from streams of their own: the stack's other draws stay as they were
    brng = filing_rng(seed, "barcode", i) if barcodes else None
    wrng = filing_rng(seed, "wide-stack", i) if wide else None
    scen = _pick(rng, SCENARIOS)
    profile = _pick(wrng or rng, WIDE_STACK_PROFILES if wide else STACK_PROFILES)
    family = rng.choice(SCAN_FAMILIES)
    docs = []
    if scen == "mail_batch":
        for k in kinds.deck(rng, rng.randint(2, 5)):
            docs.append(kinds.compose(rng, k))
    else:
        from .people import Parties
        p = Parties(rng, detained=rng.choice([None, True, False]))
        p.fixed_nat = rng.choice(vocab.NATIONALITIES_LATAM + vocab.NATIONALITIES_OTHER)
        p.fixed_x = rng.choice(vocab.ACA_PARTNERS)
        p.extras = 0.4
        plan = ["pretermit", "opposition", "order"] if scen == "motion_opposition_order" else ["pretermit", "order"]
        for j, k in enumerate(plan):
            docs.append(kinds.compose(rng, k, parties=_shifted(p, 12 * j)))
    pages, parts, non_filing = [], [], []
    for j, doc in enumerate(docs):
        if j and not profile.startswith("fax") and rng.random() < 0.3:
            pages.append(fur.blank_page(rng, wrng))
            non_filing.append({"page": len(pages), "kind": "separator" if pages[-1].lines else "blank"})
        if j and brng and not profile.startswith("fax") and brng.random() < 0.6:
            sheet, value = bc.separator_sheet(brng)
            pages.append(sheet)
            non_filing.append({"page": len(pages), "kind": "separator", "barcode": value})
        dp, _ = layout.typeset(doc, family, rng)
        cover = profile.startswith("fax") and rng.random() < 0.5
        dp = furnish(doc, dp, "scan", rng, cover, wrng)  # the fax header runs over the whole stack, below
        if cover:
            non_filing.append({"page": len(pages) + 1, "kind": "fax_cover"})
        inside = _duplex_blank(dp, wrng, cover) if wrng else None
        if inside is not None:
            non_filing.append({"page": len(pages) + 1 + inside, "kind": "blank"})
        first = len(pages) + (2 if cover else 1)
        pages.extend(dp)
        part = fields(doc)
        part["pages"] = [first, len(pages)]
        parts.append(part)
    if profile.startswith("fax"):
        fur.fax_header(pages, docs[0].parties, rng)
    base = "stack-%03d-%s-%s" % (i, scen.replace("_", "-"), profile.replace("_", "-"))
    name, fmt, text_layer, tags, data = write_file(base, pages, family, profile, rng, wrng)
    if any("barcode" in q for q in non_filing):
        tags = tags + ["barcode-separator-sheet"]
    exp = {"file": name, "format": fmt, "pages": len(pages), "text_layer": text_layer, "profile": profile,
           "font": family, "scenario": scen, "hard_cases": tags, "parts": parts, "non_filing_pages": non_filing}
    _save(out, name, data, pages, exp)
    return exp


def build_stacks(out, seed, n, progress=None, barcodes=False, wide=False):
    """n stacks; barcodes, wide: the --barcodes sheets and the --wide variety
    (each drawn apart, so a seed without them is unchanged)."""
    _prepare(out)
    res = []
    for i in range(1, n + 1):
        res.append(build_stack(out, seed, i, barcodes, wide))
        if progress:
            progress(i, n)
    return res
