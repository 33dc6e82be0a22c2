#!/usr/bin/python3
"""Score motionscan's splitting of stapled stacks.

    /usr/bin/python3 tools/evaluate_stacks.py MOTIONSCAN SET_DIR [--jobs N] [--text]
                     [--records FILE] [--min-f1 0.98] [--min-field 0.9] [--no-failures]
                     [--lose caption|title|half|anumber] [--replay DIR [--alone]]
    /usr/bin/python3 tools/evaluate_stacks.py MOTIONSCAN SET_DIR --singles [--text] ...

With a stack set (tools/gen_evalset2.py --stacks; expected/NAME.json holds
parts: [{pages: [first, last], ...fields...}] and non_filing_pages) it runs
`MOTIONSCAN run` on SET_DIR (or on SET_DIR/truth/*.txt with --text: the exact
text, no OCR) and prints:

  * boundary precision, recall and F1 over (file, first page of a part): a
    boundary is right when a part the program wrote starts on the page a part
    of the truth starts on;
  * the non-filing pages (fax covers, separators, blank sheets) found;
  * per field, the accuracy over the truth's parts (a part the program did not
    find counts as wrong on every field), the fields of tools/evaluate.py;
  * the failures (boundaries missed or invented, then wrong fields), unless
    --no-failures (for the sealed seeds).

--replay DIR runs on DIR/*.txt instead: the text `run --save-text DIR` saved
from the set's scans (OCR once, then iterate on the rules in seconds).  With
--alone too, each part of the truth is also cut from that text (its pages) and
read as a file of its own, and its fields are printed beside the ones it got
inside the stack: what the split costs them, OCR damage aside.

--lose (with --text or --replay) is a stress test of the cues' redundancy: before the
run it removes from every page of the text the lines that carry a caption
(caption), the title lines (title), or each of those lines with probability
1/2 (half, a fixed random stream), as OCR damage at its worst would; or it
keeps the lines and makes every A-number's digits unreadable (anumber), so
that only the other cues, the respondent's name among them, tell two people
apart.

With --singles the set holds single filings (gen_evalset.py, gen_evalset2.py,
samples/): every file must give exactly one part, none may be split.

Exit status: 1 when the F1 is below --min-f1, a core field below --min-field,
or (--singles) a filing was split; 2 when motionscan could not run; else 0.
Standard library only.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import evaluate  # noqa: E402


DOC_EXTS = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg")


def stem(path):
    """NAME of NAME.pdf, NAME.txt and NAME.pdf.txt (run --save-text's name for NAME.pdf)."""
    base, ext = os.path.splitext(os.path.basename(path))
    if ext == ".txt" and os.path.splitext(base)[1].lower() in DOC_EXTS:
        base = os.path.splitext(base)[0]
    return base


CAPTION_LINE = re.compile(r"matter\s+of|department\s+of\s+justice|executive\s+office|immigration\s+court|"
                          r"respondent\s*[:;]|removal\s+proceedings|a-?number\s*:|file\s+nos?\.?\s*:|"
                          r"alien\s+registration", re.I)
TITLE_LINE = re.compile(r"^[^a-z]*\b(?:MOTION|OPPOSITION|OBJECTION|RESPONSE|REPLY|ORDER|NOTICE|BRIEF|STATEMENT|"
                        r"DECISION|SUBMISSION|REQUEST|MEMORANDUM|PETITION|STIPULATION|DECLARATION)\b[^a-z]*$|"
                        r"^(?:Respondent's|Motion|Order|Summary|Decision)[^.]*$")


A_NUMBER = re.compile(r"\b\d{2,3}[- ]?\d{3}[- ]?\d{3}\b")


def lose_lines(src, dst, what):
    """Copies the truth texts of src to dst without the lines `what` names (see --lose)."""
    rng = random.Random("evaluate_stacks:lose")
    os.makedirs(dst)
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), encoding="utf-8") as f:
            pages = f.read().split("\f")
        if what == "anumber":  # every A-number's digits unreadable, the lines kept
            pages = [A_NUMBER.sub(lambda m: re.sub(r"\d", "#", m.group(0)), page) for page in pages]
        out = []
        for page in pages:
            keep = []
            for line in page.split("\n"):
                cap, tit = CAPTION_LINE.search(line), TITLE_LINE.search(line)
                if (what == "caption" and cap) or (what == "title" and tit) or \
                        (what == "half" and (cap or tit) and rng.random() < 0.5):
                    continue
                keep.append(line)
            out.append("\n".join(keep))
        with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
            f.write("\f".join(out))


def run(exe, root, jobs, text, out_file, lose=None, replay=None):
    if text:
        tdir = replay or os.path.join(root, "truth")
        if lose:
            lost = os.path.join(tempfile.mkdtemp(prefix="evaluate_stacks."), "truth")
            lose_lines(tdir, lost, lose)
            tdir = lost
        inputs = [os.path.join(tdir, n) for n in sorted(os.listdir(tdir)) if n.endswith(".txt")]
        cmd = [exe, "run", "--text", "-q", "--jobs", str(jobs), "--out", out_file] + inputs
    else:
        cmd = [exe, "run", "-q", "--jobs", str(jobs), "--out", out_file, root]
    proc = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 1):
        print("evaluate_stacks: motionscan exited %d: %s" % (proc.returncode, proc.stderr.strip()),
              file=sys.stderr)
        sys.exit(2)


def load_parts(path):
    """{file stem: [record, ...]} in part order."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out.setdefault(stem(r.get("file", "")), []).append(r)
    for recs in out.values():
        recs.sort(key=lambda r: (r.get("part") or {}).get("index", 1))
    return out


def load_truth(root):
    exp_dir = os.path.join(root, "expected")
    out = {}
    for name in sorted(os.listdir(exp_dir)):
        if name.endswith(".json"):
            with open(os.path.join(exp_dir, name), encoding="utf-8") as f:
                e = json.load(f)
            out[stem(e["file"])] = e
    if not out:
        raise SystemExit("evaluate_stacks: no expected records in %s" % exp_dir)
    return out


def first_page(rec):
    return ((rec.get("part") or {}).get("pages") or [1])[0]


def score_boundaries(truth, got, failures):
    tp = fp = fn = 0
    for name, exp in truth.items():
        want = {p["pages"][0] for p in exp["parts"]}
        have = {first_page(r) for r in got.get(name, []) if r.get("status") == "ok"}
        tp += len(want & have)
        fp += len(have - want)
        fn += len(want - have)
        if want != have:
            failures.append("%s: parts start on %s, expected %s" % (name, sorted(have), sorted(want)))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, (tp, fp, fn)


def score_non_filing(truth, got):
    right = total = found = 0
    for name, exp in truth.items():
        want = {(q["page"], q["kind"]) for q in exp.get("non_filing_pages", [])}
        recs = got.get(name, [])
        have = {(q["page"], q["kind"]) for q in (recs[0].get("non_filing_pages", []) if recs else [])}
        right += len(want & have)
        total += len(want)
        found += len(have)
    return right, total, found


def score_fields(truth, got, failures):
    right = {f: 0 for f in evaluate.FIELDS}
    n = 0
    for name, exp in truth.items():
        by_first = {first_page(r): r for r in got.get(name, [])}
        for part in exp["parts"]:
            n += 1
            rec = by_first.get(part["pages"][0])
            for f, (g, w) in evaluate.values(rec, part).items():
                if g == w:
                    right[f] += 1
                elif rec is not None:
                    failures.append("%s part at page %d: %s: got %s, expected %s"
                                    % (name, part["pages"][0], f, evaluate.show(g), evaluate.show(w)))
    return {f: right[f] / n if n else 1.0 for f in right}, n


def stacks(a, got):
    truth = load_truth(a.set_dir)
    bfail, ffail = [], []
    p, r, f1, (tp, fp, fn) = score_boundaries(truth, got, bfail)
    nf_right, nf_total, nf_found = score_non_filing(truth, got)
    acc, n = score_fields(truth, got, ffail)
    print("stacks: %d files, %d filings%s" % (len(truth), n, " (saved text)" if a.replay else
                                              " (exact text)" if a.text else ""))
    print("boundaries: precision %.3f, recall %.3f, F1 %.3f (%d right, %d invented, %d missed)"
          % (p, r, f1, tp, fp, fn))
    print("non-filing pages: %d of %d found with their kind (%d reported)" % (nf_right, nf_total, nf_found))
    solo = alone(a, truth) if a.alone else None
    print("per-part field accuracy:" + ("   (each part read alone)" if solo else ""))
    for f in evaluate.FIELDS:
        print("  %-26s %.3f" % (evaluate.LABEL.get(f, f), acc[f]) + ("   %.3f" % solo[f] if solo else ""))
    if not a.no_failures:
        for line in bfail + ffail:
            print("  FAIL " + line)
    bad = []
    if f1 < a.min_f1:
        bad.append("boundary F1 %.3f < %.3f" % (f1, a.min_f1))
    bad += ["%s %.3f < %.3f" % (f, acc[f], a.min_field) for f in evaluate.CORE if acc[f] < a.min_field]
    return bad


def alone(a, truth):
    """Per field, the accuracy of the truth's parts each read as a file of its
    own: its pages cut from the text saved in --replay DIR, run with --text.
    Beside the accuracy inside the stack it shows what the split costs."""
    saved = {stem(n): os.path.join(a.replay, n) for n in os.listdir(a.replay) if n.endswith(".txt")}
    with tempfile.TemporaryDirectory(prefix="evaluate_stacks.alone.") as tmp:
        cut_dir, cut_truth = os.path.join(tmp, "parts"), {}
        os.makedirs(cut_dir)
        for name, exp in truth.items():
            with open(saved[name], encoding="utf-8") as f:
                pages = f.read().split("\f")
            for k, part in enumerate(exp["parts"], 1):
                lo, hi = part["pages"]
                cut = "%s-part%d" % (name, k)
                with open(os.path.join(cut_dir, cut + ".txt"), "w", encoding="utf-8") as f:
                    f.write("\f".join(pages[lo - 1:hi]))
                cut_truth[cut] = {"parts": [dict(part, pages=[1, hi - lo + 1])]}
        out = os.path.join(tmp, "alone.jsonl")
        run(a.motionscan, None, a.jobs, True, out, replay=cut_dir)
        acc, _ = score_fields(cut_truth, load_parts(out), [])
    return acc


def singles(a, got):
    split = sorted(name for name, recs in got.items()
                   if len(recs) != 1 or (recs[0].get("part") or {}).get("count", 1) != 1)
    print("single filings: %d files, %d split" % (len(got), len(split)))
    for name in split:
        pages = [(r.get("part") or {}).get("pages") for r in got[name]]
        print("  SPLIT %s: %s" % (name, pages) if not a.no_failures else "  SPLIT (a file)")
    return ["%d single filing(s) split" % len(split)] if split else []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("motionscan")
    ap.add_argument("set_dir")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--text", action="store_true", help="run on SET_DIR/truth/*.txt (the exact text)")
    ap.add_argument("--records", help="records to read (written by a run when missing)")
    ap.add_argument("--singles", action="store_true", help="a set of single filings: none may be split")
    ap.add_argument("--min-f1", type=float, default=0.98)
    ap.add_argument("--min-field", type=float, default=0.0)
    ap.add_argument("--no-failures", action="store_true", help="print no failure list (sealed seeds)")
    ap.add_argument("--replay", metavar="DIR",
                    help="run on DIR/*.txt, a scanned set's text saved once by run --save-text DIR")
    ap.add_argument("--lose", choices=["caption", "title", "half", "anumber"],
                    help="with --text: remove those lines from every page first (a stress test)")
    ap.add_argument("--alone", action="store_true",
                    help="with --replay: also score each part's pages of the saved text read as a file of its own")
    a = ap.parse_args()
    if a.alone and not a.replay:
        ap.error("--alone needs --replay")
    with tempfile.TemporaryDirectory() as tmp:
        out = a.records or os.path.join(tmp, "records.jsonl")
        if not (a.records and os.path.exists(a.records)):
            if a.lose and not (a.text or a.replay):
                ap.error("--lose needs --text or --replay")
            run(a.motionscan, a.set_dir, a.jobs, a.text or bool(a.replay), out, a.lose, a.replay)
        got = load_parts(out)
    bad = singles(a, got) if a.singles else stacks(a, got)
    for b in bad:
        print("evaluate_stacks: " + b, file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
