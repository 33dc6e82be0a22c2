#!/usr/bin/env python3
"""End to end: barcode separator sheets (zbar) in scanned stapled stacks.

Two scanned stacks of tools/gen_evalset2.py --stacks --barcodes (free seeds
b3 and b5, one stack each, PDFs scanned at 200 dpi, 10 pages in all) carry
separator sheets with nothing on them but a Code 39 barcode (PATCHT, PATCH T
or PATCH-T), so only the barcode can tell them:
  * `motionscan --version` names zbar (a build without it fails here);
  * run: the parts start on the pages the truth gives; each barcode sheet is
    in non_filing_pages as a separator with its barcode (CODE-39 and the
    value drawn); the part after it opens with the after_separator_barcode
    cue and confidence 1; the records are valid against the record schema;
    the CSV lists the sheet; `run -q` prints nothing on stderr (Tesseract
    prints "Empty page!!" on these sheets, in the workers, to /dev/null);
  * the same stacks' exact text (run --text on truth/, no image, so no
    barcode) gives the sheet as a blank page: the split there is the barcode's;
  * watch: the daemon writes the same parts and the sheet's barcode;
  * audit: the report names the separator's barcode.

usage: e2e_barcodes.py MOTIONSCAN SOURCE_DIR WORKDIR
"""
import csv
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from watch_common import Daemon, fail, read_jsonl, wait_until  # noqa: E402

SEEDS = ("b3", "b5")


def check(cond, msg):
    if not cond:
        fail(msg)


def run(exe, *args):
    p = subprocess.run([exe] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(p.returncode == 0, "%s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr[-2000:]))
    if "-q" in args:  # quiet: nothing on stderr, not even what the libraries print in the workers
        check(p.stderr == "", "%s: stderr is not empty:\n%s" % (" ".join(args), p.stderr[-2000:]))
    return p.stdout


def by_file(recs):
    out = {}
    for r in recs:
        out.setdefault(os.path.basename(r["file"]), []).append(r)
    return out


def make_sets(src, work):
    """The stacks in work/in, their truth by file name."""
    inbox, truth = os.path.join(work, "in"), {}
    os.makedirs(inbox)
    for seed in SEEDS:
        d = os.path.join(work, "set-" + seed)
        subprocess.run([sys.executable, os.path.join(src, "tools", "gen_evalset2.py"), "--out", d, "--seed", seed,
                        "--stacks", "--barcodes", "--count", "1", "--quiet"], check=True)
        for name in os.listdir(os.path.join(d, "expected")):
            with open(os.path.join(d, "expected", name), encoding="utf-8") as f:
                e = json.load(f)
            e["dir"] = d
            truth[e["file"]] = e
            shutil.copy(os.path.join(d, e["file"]), inbox)
    check(sum(len([q for q in e["non_filing_pages"] if "barcode" in q]) for e in truth.values()) >= 2,
          "the generated stacks have fewer than 2 barcode sheets")
    return inbox, truth


def check_records(name, recs, e):
    got = [r["part"]["pages"][0] for r in recs]
    want = [p["pages"][0] for p in e["parts"]]
    check(got == want, "%s: parts start on %s, the truth on %s" % (name, got, want))
    nf = {q["page"]: q for q in recs[0]["non_filing_pages"]}
    for q in e["non_filing_pages"]:
        if "barcode" not in q:
            continue
        have = nf.get(q["page"])
        check(have and have["kind"] == "separator" and
              have.get("barcode") == {"symbology": "CODE-39", "value": q["barcode"]},
              "%s page %d: the barcode sheet %r was recorded as %s" % (name, q["page"], q["barcode"], have))
        after = [r for r in recs if r["part"]["pages"][0] > q["page"]]
        check(after, "%s: no part after the barcode sheet on page %d" % (name, q["page"]))
        b = after[0]["boundary"]
        check("after_separator_barcode" in b["cues"] and b["confidence"] == 1 and not b["review"],
              "%s: the boundary after page %d: %s" % (name, q["page"], b))


def scanned(exe, src, inbox, truth, work):
    out, csv_path = os.path.join(work, "scan.jsonl"), os.path.join(work, "scan.csv")
    run(exe, "run", "-q", "--jobs", "2", "--out", out, "--csv", csv_path, inbox)
    recs = by_file(read_jsonl(out))
    for name, e in truth.items():
        check_records(name, recs.get(name, []), e)
    p = subprocess.run([sys.executable, os.path.join(src, "tests", "validate_schema.py"),
                        os.path.join(src, "tests", "schema", "record.schema.json"), "--records", out],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    check(p.returncode == 0, "records not valid against the schema: %s" % p.stdout[-2000:])
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for name, e in truth.items():
        pages = {q["page"] for q in e["non_filing_pages"] if "barcode" in q}
        cells = {r["non_filing_pages"] for r in rows if os.path.basename(r["file"]) == name}
        check(all(all("%d:separator" % p in c.split(";") for p in pages) for c in cells) and cells,
              "%s: the CSV's non_filing_pages %s lack the barcode sheets %s" % (name, cells, pages))
    return out


def exact_text(exe, truth, work):
    """Without the image there is no barcode: the sheet is blank."""
    out = os.path.join(work, "text.jsonl")
    paths = [os.path.join(e["dir"], "truth", os.path.splitext(n)[0] + ".txt") for n, e in truth.items()]
    run(exe, "run", "-q", "--text", "--out", out, *paths)
    recs = by_file(read_jsonl(out))
    for name, e in truth.items():
        rs = recs.get(os.path.splitext(name)[0] + ".txt", [])
        check(rs, "%s: no record from its exact text" % name)
        nf = {q["page"]: q for q in rs[0]["non_filing_pages"]}
        for q in e["non_filing_pages"]:
            if "barcode" in q:
                check(nf.get(q["page"], {}).get("kind") == "blank" and "barcode" not in nf[q["page"]],
                      "%s page %d from the text alone: %s" % (name, q["page"], nf.get(q["page"])))


def watch(exe, inbox_src, truth, work):
    inbox, out = os.path.join(work, "inbox"), os.path.join(work, "watch")
    os.makedirs(inbox)
    name = sorted(truth)[0]
    d = Daemon(exe, inbox, out, os.path.join(work, "watch.log"), ["--settle", "300", "--jobs", "2"])
    wait_until(lambda: "watching" in d.text(), 30, "the daemon to start", d)
    shutil.copy(os.path.join(inbox_src, name), os.path.join(inbox, name))
    wait_until(lambda: os.path.exists(os.path.join(out, "done", name)), 300, "the stack to be read", d)
    d.stop()
    check_records(name, read_jsonl(os.path.join(out, "records.jsonl")), truth[name])


def audit(exe, inbox, records, work):
    rep = os.path.join(work, "report")
    run(exe, "audit", "--records", records, "--out", rep, "--source-dir", inbox)
    pages = [n for n in os.listdir(rep) if n.startswith("doc-") and n.endswith(".html")]
    html = ""
    for n in pages:
        with open(os.path.join(rep, n), encoding="utf-8") as f:
            html += f.read()
    check("(barcode CODE-39 &ldquo;PATCH" in html, "the audit report does not name the separator's barcode")


def main():
    exe, src, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    version = run(exe, "--version")
    check("zbar" in version and "no barcodes" not in version,
          "this motionscan reads no barcodes (built without zbar: install libzbar-dev with "
          "tools/install-deps.sh and build again): %s" % version.strip())
    inbox, truth = make_sets(src, work)
    records = scanned(exe, src, inbox, truth, work)
    exact_text(exe, truth, work)
    watch(exe, inbox, truth, work)
    audit(exe, inbox, records, work)
    print("e2e_barcodes: ok")


if __name__ == "__main__":
    main()
