#!/usr/bin/env python3
"""End to end: the per-page decisions and the bounds of issue "OCR at the speed
of the engine".

Builds its inputs from a sample (samples/04, a scanned PNG):
  - the page turned by 90, 180 and 270 degrees (PNG, and a scanned PDF):
    read upright (`rotation`), same fields, evidence boxes on the page as given;
  - a 3-page scanned PDF whose middle page is blank: source "blank", no OCR;
  - a scanned page that also carries a line of real text (an e-filing stamp):
    source "text+ocr", the stamp's words from the text layer and the rest OCRed;
  - a 1-bit PNG of 30000 x 30000 pixels (112 MB decoded, a few KB on disk):
    refused before decoding with --max-decode-mb 50, read downscaled without;
  - a large JPEG: decoded at a reduced scale (dpi in the record follows);
  - --doc-timeout: a scanned filing stopped at the limit is a `timeout` error;
  - the progress line on a terminal (a pty), none with --quiet or off a terminal.

usage: e2e_pages.py MOTIONSCAN SAMPLES_DIR WORKDIR
"""
import io
import json
import os
import pty
import shutil
import subprocess
import sys
import zlib

from PIL import Image

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
PW = None  # tools/samplegen/pdfwriter, imported in main() from beside SAMPLES_DIR

SAMPLE = "04-designate-uganda-alternative-atlanta"
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)


def run(exe, args, **kw):
    p = subprocess.run([exe, "run"] + args, capture_output=True, text=True, **kw)
    return p.returncode, [json.loads(l) for l in p.stdout.splitlines()], p.stderr


def write_huge_png(path, src, side, scale, dpi):
    """A side x side 1-bit PNG (side*side/8 bytes decoded, a few hundred KB on disk) with the
    sample page, `scale` times larger, near its top left; written row by row."""
    import struct
    page = src.convert("L").point(lambda v: 255 if v >= 128 else 0).convert("1")
    page = page.resize((page.size[0] * scale, page.size[1] * scale), Image.NEAREST)
    pw, ph = page.size
    rows = page.tobytes()  # 1 bit a pixel, 1 = white, rows padded to bytes
    pstride = (pw + 7) // 8
    stride = (side + 7) // 8
    off = 8  # bytes from the left edge
    white = b"\xff" * stride

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)

    z = zlib.compressobj(6)
    idat = []
    for y in range(side):
        y0 = y - 64
        if 0 <= y0 < ph:
            line = white[:off] + rows[y0 * pstride:(y0 + 1) * pstride] + white[off + pstride:]
        else:
            line = white
        idat.append(z.compress(b"\0" + line))
    idat.append(z.flush())
    ppm = int(round(dpi / 0.0254))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)))
        f.write(chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)))
        f.write(chunk(b"IDAT", b"".join(idat)))
        f.write(chunk(b"IEND", b""))


def scan(im, dpi, stamp=None):
    """A scanned page for the project's PDF writer: the image as a grey JPEG, with
    an optional line of real text over it."""
    b = io.BytesIO()
    im.convert("L").save(b, "JPEG", quality=85)
    return PW.ImagePage(b.getvalue(), im.size[0], im.size[1], dpi, stamp=stamp)


def core(r):
    return (r["status"], r["motion_type"], [c["code"] for c in r["removal_countries"]], r["a_number"],
            (r["nationality"] or {}).get("code"))


def ev(r, field):
    return next((e for e in r["evidence"] if e["field"] == field), None)


def main():
    exe, samples, work = sys.argv[1:4]
    global PW
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(samples)), "tools"))
    from samplegen import pdfwriter as PW
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    src = Image.open(os.path.join(samples, SAMPLE + ".png"))
    dpi = int(round(src.info.get("dpi", (300, 300))[0]))
    W, H = src.size

    # --- orientation -------------------------------------------------------
    rot = os.path.join(work, "rotated")
    os.makedirs(rot)
    for a in (0, 90, 180, 270):  # PIL turns counter-clockwise
        im = src.rotate(a, expand=True)
        im.save(os.path.join(rot, "png-%03d.png" % a), dpi=(dpi, dpi))
        with open(os.path.join(rot, "pdf-%03d.pdf" % a), "wb") as f:
            f.write(PW.write_pdf([scan(im, dpi)]))
    code, recs, err = run(exe, ["--jobs", "2", rot])
    check(code == 0, "rotated: exit %d: %s" % (code, err))
    by = {os.path.basename(r["file"]): r for r in recs}
    up = by.get("png-000.png")
    check(up and up["status"] == "ok" and up["pages"][0]["rotation"] == 0, "upright page: %s" % (up and up["pages"]))
    box0 = ev(up, "a_number")["bbox"] if up and ev(up, "a_number") else None
    check(box0 is not None, "upright page: no a_number evidence")
    for a in (90, 180, 270):
        for kind in ("png", "pdf"):
            r = by.get("%s-%03d.%s" % (kind, a, kind))
            if not r:
                failures.append("no record for %s %d" % (kind, a))
                continue
            p = r["pages"][0]
            # turned a degrees counter-clockwise: motionscan turns it a degrees clockwise
            check(p["rotation"] == a, "%s turned %d: rotation %s" % (kind, a, p["rotation"]))
            check(core(r) == core(up), "%s turned %d: %s != %s" % (kind, a, core(r), core(up)))
            e = ev(r, "a_number")
            if kind == "png" and e and box0:
                x0, y0, x1, y1 = box0
                want = {90: [y0, W - x1, y1, W - x0], 180: [W - x1, H - y1, W - x0, H - y0],
                        270: [H - y1, x0, H - y0, x1]}[a]
                check(all(abs(u - v) <= 3 for u, v in zip(e["bbox"], want)),
                      "png turned %d: a_number box %s, expected %s (the upright box turned)" % (a, e["bbox"], want))
    code, recs, _ = run(exe, ["--no-orient", os.path.join(rot, "png-180.png")])
    check(recs and recs[0]["pages"][0]["rotation"] == 0 and recs[0]["a_number"] != up["a_number"],
          "--no-orient: the upside-down page should stay upside down (and read badly)")

    # --- blank page and mixed page ----------------------------------------
    white = Image.new("L", src.size, 250)
    for x in range(0, W, 97):  # a few specks of dust: still blank
        white.putpixel((x, (x * 7) % H), 0)
    with open(os.path.join(work, "blank-middle.pdf"), "wb") as f:
        f.write(PW.write_pdf([scan(src, dpi), scan(white, dpi), scan(src, dpi)]))
    stamp = "FILED ELECTRONICALLY 10/01/2025 EOIR ECAS DOCKET 4471 RECEIVED"
    with open(os.path.join(work, "stamped-scan.pdf"), "wb") as f:
        f.write(PW.write_pdf([scan(src, dpi, stamp)]))
    code, recs, err = run(exe, [os.path.join(work, "blank-middle.pdf"), os.path.join(work, "stamped-scan.pdf")])
    check(code == 0, "blank/mixed: exit %d: %s" % (code, err))
    b, m = recs[0], recs[1]
    check([p["source"] for p in b["pages"]] == ["ocr", "blank", "ocr"], "blank page: %s" % [p["source"] for p in b["pages"]])
    check(b["pages"][1]["words"] == 0 and b["pages"][1]["ocr_confidence"] is None, "blank page: %s" % b["pages"][1])
    check(core(b)[1:] == core(up)[1:], "blank page doc: fields %s != %s" % (core(b), core(up)))
    check(m["pages"][0]["source"] == "text+ocr", "stamped scan: source %s" % m["pages"][0]["source"])
    check(core(m)[1:] == core(up)[1:], "stamped scan: fields %s != %s" % (core(m), core(up)))
    check(m["pages"][0]["words"] >= up["pages"][0]["words"] + 5,
          "stamped scan: %d words, the scan alone has %d" % (m["pages"][0]["words"], up["pages"][0]["words"]))

    # --- bounds ------------------------------------------------------------
    huge = os.path.join(work, "huge-1bit.png")
    write_huge_png(huge, src, 30000, 6, 1200)
    code, recs, err = run(exe, ["--max-decode-mb", "50", huge])
    check(recs and recs[0]["status"] == "error" and recs[0]["error"]["code"] == "page_too_large"
          and "30000x30000" in recs[0]["error"]["message"], "huge 1-bit png, refused: %s" % (recs and recs[0]["error"]))
    p = subprocess.run(["/usr/bin/time", "-f", "%M", exe, "run", "--max-pixels", "30000000", huge],
                       capture_output=True, text=True)
    recs = [json.loads(l) for l in p.stdout.splitlines()]
    rss_mb = int(p.stderr.strip().splitlines()[-1]) / 1024
    check(recs and recs[0]["status"] == "ok" and recs[0]["pages"][0]["width"] * recs[0]["pages"][0]["height"] <= 30000000,
          "huge 1-bit png, downscaled: %s" % (recs and recs[0]["pages"]))
    check(recs and recs[0]["a_number"] == up["a_number"], "huge 1-bit png: a_number %s" % (recs and recs[0]["a_number"]))
    if not os.environ.get("MS_SANITIZED"):  # ASan's shadow memory and quarantine are not ours
        check(rss_mb < 600, "huge 1-bit png: peak RSS %.0f MB" % rss_mb)

    bigjpg = os.path.join(work, "big.jpg")
    src.convert("L").resize((W * 3, H * 3)).save(bigjpg, quality=80, dpi=(dpi * 3, dpi * 3))
    code, recs, err = run(exe, ["--max-pixels", "%d" % (W * H * 3), bigjpg])
    pg = recs[0]["pages"][0] if recs else {}
    check(recs and recs[0]["status"] == "ok" and pg.get("width") == (W * 3 + 1) // 2 and pg.get("dpi") == dpi * 3 // 2,
          "big jpeg, decoded at half scale: %s" % pg)

    code, recs, err = run(exe, ["--doc-timeout", "1", "--jobs", "1", os.path.join(work, "blank-middle.pdf")])
    check(code == 1 and recs and recs[0]["error"] and recs[0]["error"]["code"] == "timeout"
          and "--doc-timeout" in recs[0]["error"]["message"], "--doc-timeout 1: %s" % (recs and recs[0]["error"]))

    # --- progress line -----------------------------------------------------
    one = os.path.join(rot, "png-000.png")
    master, slave = pty.openpty()
    p = subprocess.Popen([exe, "run", "--out", os.devnull, one], stderr=slave, stdout=subprocess.DEVNULL)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    p.wait()
    os.close(master)
    check(b"\r[" in seen and b"pages/s" in seen and b"1/1 files" in seen, "no progress line on a terminal: %r" % seen[-200:])
    code, _, err = run(exe, ["--out", os.devnull, one])
    check("\r" not in err and "pages/s" not in err and "1 file" in err, "progress off a terminal: %r" % err)
    code, _, err = run(exe, ["--quiet", "--out", os.devnull, one])
    check(err == "", "--quiet: stderr %r" % err)

    for f in failures:
        print("FAIL:", f)
    print("e2e_pages: %d checks failed" % len(failures) if failures else "e2e_pages: ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
