#!/usr/bin/env python3
"""--pdf DIR: the searchable PDFs round-trip (issue 17).

One `run --pdf` over: a scanned PDF (sample 01), a born-digital PDF (02), a
mixed PDF (08: a text page and a scanned page), a JPEG photo turned 90 degrees
(from 09), a two-page fax-standard G4 TIFF (204 x 98 dpi, one strip a page,
from 03), a two-page fax-fine Group 3 TIFF (204 x 196 dpi, two-dimensional,
least significant bit first, in 8 KB strips), and a copy of 02 whose name leaves no room for ".pdf".  Then:

- every PDF passes `qpdf --check`, has the input's page count and the record's
  title as its Title;
- `pdftotext` finds the filing's words, and `pdftotext -bbox` puts the
  A-number's words where the record's evidence box says, within 1 pt (the
  words are drawn at their boxes: font size the box's height to a quarter
  point, horizontal scaling its width, ascent 1, descent 0.001, so Poppler
  reports them within about 1/8 pt; 1 pt is 4 pixels at 300 dpi, a quarter
  of a small letter, while the next line is 10 pt or more away);
- images pass through byte for byte: the JPEGs of the PDF inputs, the JPEG
  input, each fax page's strips (one CCITT image a strip; the Group 3 strips'
  bits turned round into PDF's order), and each fax page's images stacked
  are its pixels;
- the turned page shows upright (/Rotate is the record's rotation) and its
  words read left to right; the fax page is 612 x 792 pt (its aspect kept);
- born-digital pages are copied: their text is what the input's is, and they
  carry no text layer of ours;
- the name that cannot be written costs the PDF, not the record: status ok,
  pdf.error output_failed, and the batch goes on;
- a worker that crashes inside qpdf_write (the test-only preload library)
  costs that PDF only: the record is ok with pdf.error worker_crashed, and
  the next input gets its PDF from a new worker; no temporary file is left;
- `watch --pdf` writes the PDF of a file it records.

usage: e2e_pdf.py MOTIONSCAN SAMPLES_DIR WORKDIR FAULTINJECT_SO
"""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

from PIL import Image, ImageChops, TiffImagePlugin

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import watch_common  # noqa: E402

TOL = 1.0  # points


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(argv, **kw):
    p = subprocess.run(argv, capture_output=True, **kw)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def tool(argv):
    rc, out, err = run(argv)
    if rc != 0:
        fail("%s: exit %d: %s" % (" ".join(argv), rc, err[-500:]))
    return out


def make_inputs(samples, work):
    src = os.path.join(work, "in")
    os.makedirs(src)
    for n in ("01-pretermit-aca-honduras-venezuelan.pdf", "02-pretermit-incomplete-i589-born-digital.pdf",
              "08-opposition-respondent-mixed.pdf"):
        shutil.copy(os.path.join(samples, n), src)
    im = Image.open(os.path.join(samples, "09-ij-order-removed-honduras.jpg"))
    im.transpose(Image.Transpose.ROTATE_90).save(os.path.join(src, "turned.jpg"), quality=85, dpi=(200, 200))
    fax = Image.open(os.path.join(samples, "03-pretermit-three-acas-fax.tif"))
    pages = []
    for i in range(fax.n_frames):
        fax.seek(i)
        pages.append(fax.convert("1").resize((1734, 1078), Image.NEAREST))  # 200 dpi -> 204 x 98
    TiffImagePlugin.STRIP_SIZE = 1 << 30  # one strip a page, as fax servers write them
    pages[0].save(os.path.join(src, "fax.tif"), save_all=True, append_images=pages[1:],
                  compression="group4", dpi=(204, 98))
    # fax fine mode as many fax servers store it: Group 3 two-dimensional with
    # fill bits, least significant bit first, in strips of about 8 KB
    fine = []
    for i in range(fax.n_frames):
        fax.seek(i)
        fine.append(fax.convert("1").resize((1734, 2156), Image.NEAREST))  # 200 dpi -> 204 x 196
    TiffImagePlugin.STRIP_SIZE = 8192
    fine[0].save(os.path.join(src, "fax-g3.tif"), save_all=True, append_images=fine[1:],
                 compression="group3", tiffinfo={292: 5, 266: 2}, dpi=(204, 196))
    TiffImagePlugin.STRIP_SIZE = 1 << 30
    long_name = "n" * (255 - len(".pdf") + 1 - len(".pdf")) + ".pdf"  # NAME.pdf.pdf is over 255 bytes
    shutil.copy(os.path.join(src, "02-pretermit-incomplete-i589-born-digital.pdf"), os.path.join(src, long_name))
    return src, long_name


def bbox_words(pdf):
    """Per page: its size and its words [(text, x0, y0, x1, y1)] from pdftotext -bbox."""
    xml = tool(["pdftotext", "-bbox", pdf, "-"])
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                  float(w.get("yMax"))) for w in page.iter("{http://www.w3.org/1999/xhtml}word")]
        pages.append((float(page.get("width")), float(page.get("height")), words))
    return pages


def turn_box(b, w, h, rotation):
    """A box on the page as given (w x h pixels) on the page turned clockwise by `rotation`."""
    x0, y0, x1, y1 = b
    if rotation == 90:
        return [h - y1, x0, h - y0, x1]
    if rotation == 180:
        return [w - x1, h - y1, w - x0, h - y0]
    if rotation == 270:
        return [y0, w - x1, y1, w - x0]
    return list(b)


def check_anumber(rec, pdf):
    ev = [e for e in rec["evidence"] if e["field"] == "a_number"]
    if not ev:
        fail("%s: no A-number evidence" % rec["file"])
    e = ev[0]
    page = rec["pages"][e["page"] - 1]
    turned = turn_box(e["bbox"], page["width"], page["height"], page["rotation"])
    want = [v * 72.0 / e["dpi"] for v in turned]
    if rec["format"] == "tiff":
        fail("the A-number test runs on square pixels only")
    words = bbox_words(pdf)[e["page"] - 1][2]
    inside = [w for w in words
              if want[0] - 2 <= (w[1] + w[3]) / 2 <= want[2] + 2 and want[1] - 2 <= (w[2] + w[4]) / 2 <= want[3] + 2]
    if not inside:
        fail("%s: no word of the PDF inside the A-number's box %s" % (pdf, want))
    got = [min(w[1] for w in inside), min(w[2] for w in inside), max(w[3] for w in inside), max(w[4] for w in inside)]
    if any(abs(g - v) > TOL for g, v in zip(got, want)):
        fail("%s: the A-number's words are at %s, the record says %s (pt)" % (pdf, got, want))
    digits = re.sub(r"\D", "", "".join(w[0] for w in inside))
    if re.sub(r"\D", "", e["text"]) not in digits:
        fail("%s: the words at the A-number's box read %r, the record %r" % (pdf, digits, e["text"]))


def images(pdf, work, tag):
    d = os.path.join(work, "img-" + tag)
    os.makedirs(d)
    tool(["pdfimages", "-j", "-ccitt", pdf, os.path.join(d, "i")])
    return [open(os.path.join(d, n), "rb").read() for n in sorted(os.listdir(d)) if not n.endswith(".params")]


def check_common(rec, pdf, n_pages):
    out = tool(["qpdf", "--check", pdf])
    if "No syntax or stream encoding errors" not in out:
        fail("qpdf --check %s:\n%s" % (pdf, out))
    info = tool(["pdfinfo", pdf])
    if not re.search(r"^Pages:\s+%d$" % n_pages, info, re.M):
        fail("%s: not %d pages:\n%s" % (pdf, n_pages, info))
    title = " ".join((rec["title"] or "").split())
    if title and not re.search(r"^Title:\s+%s$" % re.escape(title), info, re.M):
        fail("%s: the title is not the record's %r:\n%s" % (pdf, title, info))
    for bad in ("A-number", rec["a_number"] or "no-a-number", rec["respondent"] or "no-respondent"):
        if bad in info:
            fail("%s: the metadata holds %r without --pdf-identity" % (pdf, bad))


REVERSE = bytes(int("{:08b}".format(i)[::-1], 2) for i in range(256))


def tiff_strips(tif):
    """Per page: its strips' coded bytes in the bit order PDF reads (a strip
    stored least significant bit first turned round), and its pixels."""
    t = Image.open(tif)
    data = open(tif, "rb").read()
    pages = []
    for i in range(t.n_frames):
        t.seek(i)
        raw = [data[o:o + n] for o, n in zip(t.tag_v2[273], t.tag_v2[279])]
        if t.tag_v2.get(266, 1) == 2:
            raw = [r.translate(REVERSE) for r in raw]
        pages.append((raw, t.convert("L")))
    return pages


def check_strips(pdf, tif, work, tag):
    """Each strip of each page is one CCITT image of the PDF, its bytes the
    input's, and the page's images stacked are the page's pixels."""
    pages = tiff_strips(tif)
    listed = [l.split() for l in tool(["pdfimages", "-list", pdf]).splitlines()[2:]]
    if len(listed) != sum(len(raw) for raw, _ in pages) or any(l[8] != "ccitt" for l in listed):
        fail("%s: %d images, want one CCITT image a strip (%s)" % (pdf, len(listed), [len(r) for r, _ in pages]))
    if images(pdf, work, tag) != [r for raw, _ in pages for r in raw]:
        fail("%s: the strips were not passed through" % tif)
    for n, (_, pixels) in enumerate(pages, 1):
        d = os.path.join(work, "png-%s-%d" % (tag, n))
        os.makedirs(d)
        tool(["pdfimages", "-f", str(n), "-l", str(n), "-png", pdf, os.path.join(d, "i")])
        parts = [Image.open(os.path.join(d, f)).convert("L") for f in sorted(os.listdir(d))]
        stacked = Image.new("L", (parts[0].width, sum(p.height for p in parts)))
        y = 0
        for part in parts:
            stacked.paste(part, (0, y))
            y += part.height
        if stacked.size != pixels.size or ImageChops.difference(stacked, pixels).getbbox():
            fail("%s page %d: the strips drawn together are not the page's pixels" % (pdf, n))


def check_run(exe, src, long_name, work):
    pdf_dir = os.path.join(work, "pdf")
    names = sorted(os.listdir(src))
    rc, out, err = run([exe, "run", "--jobs", "2", "--pdf", pdf_dir] + [os.path.join(src, n) for n in names])
    if rc != 0:
        fail("run --pdf: exit %d\n%s" % (rc, err[-2000:]))
    recs = {os.path.basename(r["file"]): r for r in map(json.loads, out.splitlines())}
    if len(recs) != len(names):
        fail("%d records for %d inputs" % (len(recs), len(names)))
    left = [n for n in os.listdir(pdf_dir) if n.startswith(".")]
    if left:
        fail("temporary files left in the PDF folder: %s" % left)
    lost = recs.pop(long_name)
    if lost["status"] != "ok" or lost["pdf"]["file"] is not None or lost["pdf"]["error"]["code"] != "output_failed":
        fail("the unwritable PDF: %s" % json.dumps(lost.get("pdf")))
    for name, rec in recs.items():
        pdf = os.path.join(pdf_dir, name + ".pdf")
        if rec["status"] != "ok" or rec.get("pdf") != {"file": pdf, "error": None}:
            fail("%s: record %s, pdf %s" % (name, rec["status"], json.dumps(rec.get("pdf"))))
        check_common(rec, pdf, len(rec["pages"]))
        text = tool(["pdftotext", pdf, "-"])
        if "IMMIGRATION" not in text.upper() or (rec["respondent"] or "").split(",")[0] not in text:
            fail("%s: pdftotext does not find the filing's words:\n%s" % (pdf, text[:800]))
    return recs, pdf_dir


def check_kinds(recs, pdf_dir, src, work):
    def path(n):
        return os.path.join(pdf_dir, n + ".pdf")
    scan, digital, mixed = ("01-pretermit-aca-honduras-venezuelan.pdf", "02-pretermit-incomplete-i589-born-digital.pdf",
                            "08-opposition-respondent-mixed.pdf")
    for n in (scan, "turned.jpg"):
        check_anumber(recs[n], path(n))
    for n in (scan, mixed):
        if images(path(n), work, n + "-out") != images(os.path.join(src, n), work, n + "-in"):
            fail("%s: the page images are not the input's bytes" % n)
    if images(path("turned.jpg"), work, "jpg") != [open(os.path.join(src, "turned.jpg"), "rb").read()]:
        fail("turned.jpg: the JPEG was not passed through")
    rot = recs["turned.jpg"]["pages"][0]["rotation"]
    if rot not in (90, 270) or not re.search(r"^Page rot:\s+%d$" % rot, tool(["pdfinfo", path("turned.jpg")]), re.M):
        fail("turned.jpg: rotation %s is not the page's /Rotate" % rot)
    check_strips(path("fax.tif"), os.path.join(src, "fax.tif"), work, "fax")
    check_strips(path("fax-g3.tif"), os.path.join(src, "fax-g3.tif"), work, "fax-g3")
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", tool(["pdfinfo", path("fax.tif")]), re.M)
    if not size or abs(float(size.group(1)) - 612) > 1 or abs(float(size.group(2)) - 792) > 1:
        fail("fax.tif: page size %s, not 612 x 792 (204 x 98 dpi)" % (size and size.groups()))
    for n, page in ((digital, None), (mixed, 1)):
        src_text = tool(["pdftotext"] + (["-f", "1", "-l", "1"] if page else []) + [os.path.join(src, n), "-"])
        out_text = tool(["pdftotext"] + (["-f", "1", "-l", "1"] if page else []) + [path(n), "-"])
        if src_text != out_text:
            fail("%s: the born-digital text changed" % n)
        if "GlyphLessFont" in tool(["pdffonts"] + (["-f", "1", "-l", "1"] if page else []) + [path(n)]):
            fail("%s: a text layer on a born-digital page" % n)
    if recs[mixed]["pages"][1]["source"] not in ("ocr", "text+ocr") or \
            "GlyphLessFont" not in tool(["pdffonts", "-f", "2", "-l", "2", path(mixed)]):
        fail("%s: the scanned page has no text layer" % mixed)


def check_crash(exe, samples, work, lib):
    src, pdf_dir = os.path.join(work, "crash-in"), os.path.join(work, "crash-pdf")
    os.makedirs(src)
    data = open(os.path.join(samples, "02-pretermit-incomplete-i589-born-digital.pdf"), "rb").read()
    open(os.path.join(src, "a-marked.pdf"), "wb").write(data + b"%MS-FAULT-MARK\n")
    open(os.path.join(src, "b-after.pdf"), "wb").write(data + b"%other bytes\n")
    env = dict(os.environ, LD_PRELOAD=lib, MS_FAULT="crash:qpdf_write")
    if os.environ.get("MS_SANITIZED"):
        env["ASAN_OPTIONS"] = os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"
    rc, out, err = run([exe, "run", "--jobs", "1", "--pdf", pdf_dir, os.path.join(src, "a-marked.pdf"),
                        os.path.join(src, "b-after.pdf")], env=env)
    recs = [json.loads(l) for l in out.splitlines()]
    if rc != 0 or len(recs) != 2 or any(r["status"] != "ok" for r in recs):
        fail("a crash in qpdf_write: exit %d, records %s\n%s" % (rc, [r["status"] for r in recs], err[-1000:]))
    if recs[0]["pdf"]["file"] is not None or recs[0]["pdf"]["error"]["code"] != "worker_crashed":
        fail("the crashed PDF: %s" % json.dumps(recs[0]["pdf"]))
    if recs[1]["pdf"] != {"file": os.path.join(pdf_dir, "b-after.pdf.pdf"), "error": None}:
        fail("the PDF after the crash: %s" % json.dumps(recs[1]["pdf"]))
    if sorted(os.listdir(pdf_dir)) != ["b-after.pdf.pdf"]:
        fail("the PDF folder after the crash holds %s" % os.listdir(pdf_dir))


def check_watch(exe, samples, work):
    inbox, out, pdf_dir = (os.path.join(work, "w-" + n) for n in ("in", "out", "pdf"))
    os.makedirs(inbox)
    d = watch_common.Daemon(exe, inbox, out, os.path.join(work, "watch.log"), ["--pdf", pdf_dir, "--jobs", "1"])
    shutil.copy(os.path.join(samples, "02-pretermit-incomplete-i589-born-digital.pdf"), os.path.join(inbox, "w.pdf"))
    watch_common.wait_until(lambda: os.path.exists(os.path.join(out, "done", "w.pdf")), 120, "w.pdf recorded", d)
    if d.stop() != 0:
        fail("watch did not stop cleanly")
    rec = json.loads(open(os.path.join(out, "records.jsonl")).read().splitlines()[0])
    pdf = os.path.join(pdf_dir, "w.pdf.pdf")
    if rec.get("pdf") != {"file": pdf, "error": None}:
        fail("watch: pdf %s" % json.dumps(rec.get("pdf")))
    check_common(rec, pdf, 2)


def main():
    exe, samples, work, lib = (os.path.abspath(a) for a in sys.argv[1:5])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for t in ("qpdf", "pdftotext", "pdfimages", "pdfinfo", "pdffonts"):
        if not shutil.which(t):
            fail("%s is missing (tools/install-deps.sh installs it)" % t)
    src, long_name = make_inputs(samples, work)
    recs, pdf_dir = check_run(exe, src, long_name, work)
    check_kinds(recs, pdf_dir, src, work)
    check_crash(exe, samples, work, lib)
    check_watch(exe, samples, work)
    print("ok: %d searchable PDFs checked, the unwritable one and the crashed one recorded, watch --pdf"
          % (len(recs) + 1))


if __name__ == "__main__":
    main()
