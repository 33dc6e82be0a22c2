#!/usr/bin/python3
"""Damaged pages the project never tuned on: bare tesseract against motionscan builds.

    /usr/bin/python3 tools/damage_eval.py --work DIR --exe build/motionscan [--exe OTHER ...]
                                          [--count 30] [--seed damage-dev] [--jobs 2]

Makes clean filings with tools/gen_evalset.py (format pdf-text, the seed given),
renders every page at 300 dpi grey with pdftoppm and damages it with one of five
deterministic damage functions, in turn by filing:

  phone    perspective (a page photographed from above and a little aside),
           uneven light (a dark corner), low contrast, slight blur, colour JPEG
           quality 60, in a PDF
  fax      fax standard mode: 204 x 98 dpi, 1-bit with dropped and stray pixels,
           a G4 TIFF whose two resolutions differ
  lowres   150 or 200 dpi grey, in a PDF
  speckle  300 dpi 1-bit with salt-and-pepper specks, a TIFF
  upside   turned upside down, grey PNG pages in a PDF

Then reads each damaged filing with the bare engine (pdftoppm -r 300 -gray and
the tesseract command, or tesseract on the TIFF as stored) and with each
motionscan given (run --save-text), and reports per damage kind and tool:
words recovered (the share of the truth transcript's words, lower-cased
letters and digits, found in the output, counted as a multiset) and A-numbers
right (motionscan: the record's a_number; bare: the first "A" + 8-9 digits in
its text, the naive script), and CPU seconds per page for each tool (the
rusage of its processes; bare includes pdftoppm).  Writes WORK/results.md.  Needs python3-pil,
poppler-utils and tesseract-ocr.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys

from PIL import Image, ImageChops, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"
KINDS = ["phone", "fax", "lowres", "speckle", "upside"]


def gradient(size, rng):
    """A light falloff: 1.0 in one corner down to about 0.45 in the other."""
    w, h = size
    small = Image.new("L", (32, 32))
    cx, cy, low = rng.uniform(0, 32), rng.uniform(0, 32), rng.uniform(110, 140)
    for y in range(32):
        for x in range(32):
            d = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 / 45.0
            small.putpixel((x, y), int(255 - (255 - low) * min(1.0, d)))
    return small.resize((w, h), Image.BILINEAR)


def phone(page, rng):
    w, h = page.size
    low = page.point(lambda v: 70 + v * 150 // 255)  # ink at 70, paper at 220
    d = [rng.uniform(0.01, 0.04) * w for _ in range(8)]
    quad = (d[0], d[1], d[2], h - d[3], w - d[4], h - d[5], w - d[6], d[7])
    tilted = low.transform((w, h), Image.QUAD, quad, Image.BILINEAR, fillcolor=200)
    lit = ImageChops.multiply(tilted, gradient((w, h), rng)).filter(ImageFilter.GaussianBlur(1.2))
    tint = Image.merge("RGB", (lit, lit.point(lambda v: v * 96 // 100), lit.point(lambda v: v * 88 // 100)))
    return tint, 300


def bilevel_noise(b, rng, p_drop, p_add):
    px = b.load()
    w, h = b.size
    for _ in range(int(w * h * p_add)):
        px[rng.randrange(w), rng.randrange(h)] = 0
    for _ in range(int(w * h * p_drop)):
        x, y = rng.randrange(w), rng.randrange(h)
        if px[x, y] == 0:
            px[x, y] = 255
    return b


def fax(page, rng):
    w, h = page.size
    small = page.resize((w * 204 // 300, h * 98 // 300), Image.BILINEAR)
    b = small.point(lambda v: 0 if v < 150 else 255).convert("L")
    return bilevel_noise(b, rng, 0.01, 0.0004).convert("1"), (204, 98)


def lowres(page, rng):
    dpi = rng.choice([150, 200])
    w, h = page.size
    return page.resize((w * dpi // 300, h * dpi // 300), Image.LANCZOS), dpi


def speckle(page, rng):
    b = page.point(lambda v: 0 if v < 160 else 255)
    return bilevel_noise(b, rng, 0.0, 0.002).convert("1"), 300


def upside(page, rng):
    return page.rotate(180), 300


def damage_filing(src_pdf, kind, out_base, rng, tmp):
    os.makedirs(tmp, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", src_pdf, os.path.join(tmp, "p")], check=True)
    pages = [Image.open(os.path.join(tmp, n)).convert("L") for n in sorted(os.listdir(tmp))]
    done = [globals()[kind](p, rng) for p in pages]
    shutil.rmtree(tmp)
    imgs = [d[0] for d in done]
    dpi = done[0][1]
    if kind in ("fax", "speckle"):
        path = out_base + ".tif"
        imgs[0].save(path, save_all=True, append_images=imgs[1:], compression="group4",
                     dpi=dpi if isinstance(dpi, tuple) else (dpi, dpi))
    else:
        path = out_base + ".pdf"
        extra = {"quality": 60} if kind == "phone" else {}
        imgs[0].save(path, save_all=True, append_images=imgs[1:], resolution=float(dpi), **extra)
    return path


def words(text):
    return collections.Counter(re.findall(r"[a-z0-9]+", text.lower()))


def recovered(truth, got):
    t, g = words(truth), words(got)
    return sum(min(n, g[w]) for w, n in t.items()), sum(t.values())


ANUM = re.compile(r"A[\s#:-]*(\d{2,3})[\s-]*(\d{3})[\s-]*(\d{3})\b")


def naive_anumber(text):
    m = ANUM.search(text)
    return ("".join(m.groups())).zfill(9) if m else None


def bare(path, work):
    base = os.path.join(work, os.path.basename(path))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    texts = []
    if path.endswith(".pdf"):
        img = base + "-img"
        os.makedirs(img, exist_ok=True)
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", path, os.path.join(img, "p")], check=True)
        srcs = [os.path.join(img, n) for n in sorted(os.listdir(img))]
    else:
        srcs = [path]
    for s in srcs:
        r = subprocess.run(["tesseract", s, "-"], capture_output=True, text=True, env=env)
        texts.append(r.stdout)
    return "\n".join(texts)


def children_cpu():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_motionscan(exe, docs, out_dir, jobs, extra):
    os.makedirs(out_dir, exist_ok=True)
    rec = os.path.join(out_dir, "records.jsonl")
    t0 = children_cpu()
    subprocess.run([exe, "run", "--jobs", str(jobs), "--save-text", out_dir, "-o", rec] + extra + docs,
                   check=False, stderr=subprocess.DEVNULL)
    cpu = children_cpu() - t0
    got = {}
    with open(rec) as f:
        for line in f:
            r = json.loads(line)
            name = os.path.basename(r["file"] if "file" in r else r.get("path", ""))
            try:
                with open(os.path.join(out_dir, name + ".txt")) as t:
                    text = t.read()
            except OSError:
                text = ""
            got[name] = (text, r.get("a_number"), r.get("pages", []))
    return got, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--exe", action="append", required=True,
                    help="a motionscan binary, optionally with options after a colon: "
                         "'build/motionscan:--one-reading --no-second-look' (repeatable)")
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--seed", default="damage-dev")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    clean = os.path.join(a.work, "clean")
    dmg = os.path.join(a.work, "damaged")
    if not os.path.isdir(dmg):
        subprocess.run([PY, os.path.join(HERE, "gen_evalset.py"), "--out", clean, "--count", str(a.count),
                        "--seed", a.seed, "--format", "pdf-text", "--quiet", "--jobs", "1"], check=True)
        os.makedirs(dmg)
        for i in range(a.count):
            name = "ev-%03d" % (i + 1)
            kind = KINDS[i % len(KINDS)]
            rng = random.Random("%s/%s" % (a.seed, name))
            damage_filing(os.path.join(clean, name + ".pdf"), kind, os.path.join(dmg, "%s-%s" % (name, kind)),
                          rng, os.path.join(a.work, "tmp"))
    docs = sorted(os.path.join(dmg, n) for n in os.listdir(dmg))
    truth, anum = {}, {}
    for d in docs:
        name = os.path.basename(d).split("-")[0] + "-" + os.path.basename(d).split("-")[1]
        with open(os.path.join(clean, "truth", name + ".txt")) as f:
            truth[os.path.basename(d)] = f.read()
        with open(os.path.join(clean, "expected", name + ".json")) as f:
            anum[os.path.basename(d)] = json.load(f)["a_number"]
    tools = {}
    bw = os.path.join(a.work, "bare")
    os.makedirs(bw, exist_ok=True)
    cpu = {}
    t0 = children_cpu()
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        texts = list(pool.map(lambda d: bare(d, bw), docs))
    bare_name = "tesseract (grey render)"
    tools[bare_name] = {os.path.basename(d): (t, naive_anumber(t), []) for d, t in zip(docs, texts)}
    cpu[bare_name] = children_cpu() - t0
    for k, spec in enumerate(a.exe):
        exe, _, opts = spec.partition(":")
        name = "motionscan %d (%s%s)" % (k + 1, os.path.basename(exe), " " + opts if opts else "")
        tools[name], cpu[name] = run_motionscan(exe, docs, os.path.join(a.work, "ms-%d" % k), a.jobs, opts.split())
    n_pages = sum(len(v[2]) for v in tools[name].values())
    lines = ["| damage | filings | tool | words recovered | A-numbers right | pages read grey | second looks |",
             "|---|---|---|---|---|---|---|"]
    for kind in KINDS + ["all"]:
        names = [os.path.basename(d) for d in docs if kind == "all" or d.endswith("-%s.%s" % (kind, d[-3:]))]
        for tool, got in tools.items():
            hit = tot = right = grey = looks = 0
            for n in names:
                text, an, pages = got.get(n, ("", None, []))
                h, t = recovered(truth[n], text)
                hit, tot = hit + h, tot + t
                right += an == anum[n]
                grey += sum(1 for p in pages if p.get("reading") == "grey")
                looks += sum(len(p.get("second_look", [])) for p in pages)
            lines.append("| %s | %d | %s | %.3f | %d/%d | %d | %d |" % (kind, len(names), tool, hit / max(1, tot),
                                                                    right, len(names), grey, looks))
    lines += ["", "| tool | CPU s/page (%d pages, all damage kinds) |" % n_pages, "|---|---|"]
    lines += ["| %s | %.2f |" % (t, c / max(1, n_pages)) for t, c in cpu.items()]
    out = "\n".join(lines) + "\n"
    with open(os.path.join(a.work, "results.md"), "w") as f:
        f.write(out)
    sys.stdout.write(out)


if __name__ == "__main__":
    main()
