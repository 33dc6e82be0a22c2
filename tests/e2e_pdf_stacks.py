#!/usr/bin/env python3
"""--pdf DIR on stapled stacks: one searchable PDF per part (issue 17).

The stack is tests/golden/stacks/stack.txt (a fax cover, a motion of two
pages, a court order in another case) made into a born-digital PDF (each
page's lines in Helvetica; no OCR, so the run is fast) and into a scanned
G4 TIFF (that PDF at 200 dpi, one strip a page; OCRed).  Then:

- `run --pdf`: each part's record names its own file, NAME-part1of2.pdf and
  NAME-part2of2.pdf (two inputs both named stack.pdf get NAME~HASH8-...
  each); each PDF passes `qpdf --check`, has exactly its part's pages and its
  filing's title, and no A-number in its metadata; `pdftotext` finds that
  part's words and not the other part's, nor the fax cover's (a page of no
  filing is in no PDF); a born-digital part's text is the input's on those
  pages; a TIFF part's images are its pages' G4 strips, byte for byte;
- a part whose PDF cannot be written (a folder planted at its name) has
  pdf.error output_failed in its own record; the other part keeps its PDF;
  with --pdf-identity each part's Subject holds its own A-number only;
- `--no-split`: one PDF, NAME.pdf, of every page;
- `watch --pdf` writes every part's PDF and names it in that part's record.

usage: e2e_pdf_stacks.py MOTIONSCAN SOURCE_DIR WORKDIR
"""
import json
import os
import re
import shutil
import subprocess
import sys

from PIL import Image, TiffImagePlugin

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tools"))
import watch_common  # noqa: E402
from e2e_pdf import check_common, fail, run, tiff_strips, tool  # noqa: E402
from gen_fuzz_seeds import text_pdf  # noqa: E402

# Words of each part only, and of the fax cover (page 1), in upper case.
OWN = [("RAMIREZ", "PRETERMIT", "CERTIFICATE OF SERVICE"), ("OKAFOR", "DISMISSED")]
COVER = "FAX TRANSMITTAL"
PARTS = [[2, 3], [4, 4]]


def make_inputs(src_dir, work):
    pages = open(os.path.join(src_dir, "tests", "golden", "stacks", "stack.txt"), encoding="utf-8").read()
    esc = [[re.sub(r"([\\()])", r"\\\1", line) for line in page.splitlines()] for page in pages.split("\f")]
    src = os.path.join(work, "in")
    for d in ("a", "b"):
        os.makedirs(os.path.join(src, d))
        open(os.path.join(src, d, "stack.pdf"), "wb").write(text_pdf(esc) + (b"%" + d.encode() + b"\n"))
    tool(["pdftoppm", "-mono", "-r", "200", os.path.join(src, "a", "stack.pdf"), os.path.join(work, "pg")])
    ims = [Image.open(os.path.join(work, n)).convert("1") for n in sorted(os.listdir(work)) if n.endswith(".pbm")]
    TiffImagePlugin.STRIP_SIZE = 1 << 30  # one strip a page, as fax servers write them
    ims[0].save(os.path.join(src, "stack.tif"), save_all=True, append_images=ims[1:], compression="group4",
                dpi=(200, 200))
    return [os.path.join(src, "a", "stack.pdf"), os.path.join(src, "b", "stack.pdf"), os.path.join(src, "stack.tif")]


def records(exe, args):
    rc, out, err = run([exe] + args)
    if rc != 0:
        fail("%s: exit %d\n%s" % (" ".join(args), rc, err[-2000:]))
    by = {}
    for r in map(json.loads, out.splitlines()):
        by.setdefault(r["file"], []).append(r)
    return by, err


def pdf_text(pdf, first=None, last=None):
    rng = ["-f", str(first), "-l", str(last)] if first else []
    return tool(["pdftotext"] + rng + [pdf, "-"])


def check_part(rec, i, want_file):
    if rec["part"]["index"] != i + 1 or rec["part"]["count"] != 2 or rec["part"]["pages"] != PARTS[i]:
        fail("%s: part %s, not %d of 2 on pages %s" % (rec["file"], rec["part"], i + 1, PARTS[i]))
    if rec.get("pdf") != {"file": want_file, "error": None}:
        fail("%s part %d: pdf %s, not %s" % (rec["file"], i + 1, json.dumps(rec.get("pdf")), want_file))
    first, last = PARTS[i]
    check_common(rec, want_file, last - first + 1)
    text = pdf_text(want_file).upper()
    missing = [w for w in OWN[i] if w not in text]
    foreign = [w for w in OWN[1 - i] + (COVER,) if w in text]
    if missing or foreign:
        fail("%s: pdftotext misses %s, finds %s:\n%s" % (want_file, missing, foreign, text[:600]))


def check_run(exe, inputs, work):
    pdf_dir = os.path.join(work, "pdf")
    by, _ = records(exe, ["run", "--jobs", "2", "--pdf", pdf_dir] + inputs)
    names = []
    for path in inputs:
        recs = by.get(path, [])
        if len(recs) != 2:
            fail("%s: %d records, not 2" % (path, len(recs)))
        stem = os.path.basename(path)
        if path.endswith(".pdf"):  # two inputs named stack.pdf: a hash each
            pdf = recs[0]["pdf"]["file"] or ""
            m = re.fullmatch(re.escape(os.path.join(pdf_dir, stem)) + r"(~[0-9a-f]{8})-part1of2\.pdf", pdf)
            if not m:
                fail("%s: part 1's PDF is %r, not %s~HASH8-part1of2.pdf" % (path, pdf, stem))
            stem += m.group(1)
        for i, rec in enumerate(recs):
            want = os.path.join(pdf_dir, "%s-part%dof2.pdf" % (stem, i + 1))
            check_part(rec, i, want)
            names.append(os.path.basename(want))
            first, last = PARTS[i]
            if path.endswith(".pdf") and pdf_text(want) != pdf_text(path, first, last):
                fail("%s: the born-digital text is not the input's pages %d-%d" % (want, first, last))
            if path.endswith(".tif"):
                d = os.path.join(work, "img%d" % i)
                os.makedirs(d)
                tool(["pdfimages", "-ccitt", want, os.path.join(d, "i")])
                got = [open(os.path.join(d, n), "rb").read() for n in sorted(os.listdir(d))
                       if n.endswith(".ccitt")]
                if got != [strip for raw, _ in tiff_strips(path)[first - 1:last] for strip in raw]:
                    fail("%s: the images are not the G4 strips of pages %d-%d" % (want, first, last))
    if len(set(names)) != 6 or sorted(os.listdir(pdf_dir)) != sorted(names):
        fail("the PDF folder holds %s, not %s" % (sorted(os.listdir(pdf_dir)), sorted(names)))


def check_one_part_fails(exe, stack, work):
    pdf_dir = os.path.join(work, "pdf-fail")
    os.makedirs(os.path.join(pdf_dir, "stack.pdf-part1of2.pdf", "taken"))
    by, err = records(exe, ["run", "--pdf", pdf_dir, "--pdf-identity", stack])
    lost, kept = by[stack]
    if lost["status"] != "ok" or lost["pdf"]["file"] is not None or lost["pdf"]["error"]["code"] != "output_failed":
        fail("the part whose PDF failed: status %s, pdf %s" % (lost["status"], json.dumps(lost["pdf"])))
    if "stack.pdf-part1of2.pdf" not in err:
        fail("stderr does not name the failed part's PDF:\n%s" % err)
    pdf = os.path.join(pdf_dir, "stack.pdf-part2of2.pdf")
    if kept.get("pdf") != {"file": pdf, "error": None} or not os.path.isfile(pdf):
        fail("the other part: pdf %s" % json.dumps(kept.get("pdf")))
    if sorted(os.listdir(pdf_dir)) != ["stack.pdf-part1of2.pdf", "stack.pdf-part2of2.pdf"]:
        fail("the failed run's folder holds %s" % os.listdir(pdf_dir))
    subject = re.search(r"^Subject:\s+(.*)$", tool(["pdfinfo", pdf]), re.M)
    if not subject or kept["a_number"] not in subject.group(1) or lost["a_number"] in subject.group(1):
        fail("--pdf-identity: part 2's Subject is %r, its A-number %s" % (subject and subject.group(1),
                                                                          kept["a_number"]))


def check_no_split(exe, stack, work):
    pdf_dir = os.path.join(work, "pdf-whole")
    by, _ = records(exe, ["run", "--no-split", "--pdf", pdf_dir, stack])
    recs, pdf = by[stack], os.path.join(pdf_dir, "stack.pdf.pdf")
    if len(recs) != 1 or recs[0].get("pdf") != {"file": pdf, "error": None}:
        fail("--no-split: %d records, pdf %s" % (len(recs), json.dumps(recs[0].get("pdf"))))
    check_common(recs[0], pdf, 4)
    if COVER not in pdf_text(pdf).upper() or os.listdir(pdf_dir) != ["stack.pdf.pdf"]:
        fail("--no-split: the one PDF is not the whole file (folder %s)" % os.listdir(pdf_dir))


def check_watch(exe, stack, work):
    inbox, out, pdf_dir = (os.path.join(work, "w-" + n) for n in ("in", "out", "pdf"))
    os.makedirs(inbox)
    d = watch_common.Daemon(exe, inbox, out, os.path.join(work, "watch.log"), ["--pdf", pdf_dir, "--jobs", "1"])
    shutil.copy(stack, os.path.join(inbox, "w.pdf"))
    watch_common.wait_until(lambda: os.path.exists(os.path.join(out, "done", "w.pdf")), 120, "w.pdf recorded", d)
    if d.stop() != 0:
        fail("watch did not stop cleanly")
    recs = [json.loads(line) for line in open(os.path.join(out, "records.jsonl")).read().splitlines()]
    if len(recs) != 2:
        fail("watch: %d records for the stack, not 2" % len(recs))
    for i, rec in enumerate(recs):
        check_part(rec, i, os.path.join(pdf_dir, "w.pdf-part%dof2.pdf" % (i + 1)))


def main():
    exe, src_dir, work = (os.path.abspath(a) for a in sys.argv[1:4])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for t in ("qpdf", "pdftotext", "pdfimages", "pdfinfo", "pdftoppm"):
        if not shutil.which(t):
            fail("%s is missing (tools/install-deps.sh installs it)" % t)
    inputs = make_inputs(src_dir, work)
    check_run(exe, inputs, work)
    check_one_part_fails(exe, inputs[0], work)
    check_no_split(exe, inputs[0], work)
    check_watch(exe, inputs[0], work)
    print("ok: 3 stacks of 2 parts with a PDF each, a failed part's PDF, --no-split, watch --pdf")


if __name__ == "__main__":
    main()
