#!/usr/bin/python3
"""Generate a labelled evaluation set of synthetic scanned filings.

    /usr/bin/python3 tools/gen_evalset.py --out DIR [--count 96] [--seed 1] [--jobs N]

Writes DIR/ev-NNN.{pdf,tif,png,jpg}, DIR/expected/ev-NNN.json (the expected
record: file, filer, motion_type, removal_countries, nationality, a_number,
respondent, court, detained, pages, format, hard_cases, plus country_roles, the
ground-truth role of every country-like word in the text), DIR/truth/ev-NNN.txt
(the text laid out on each page) and DIR/README.md.

The filings are composed from seeded random choices (tools/evalset/), in wording
that is not the wording of the samples.  Deterministic: the same seed and count
give byte-identical files, whatever --jobs is.  Needs python3-pil and
poppler-utils.  Every person in the set is fictional.

Score motionscan on it with tools/evaluate.py.
"""

import argparse
import os
import sys
import time

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from evalset import build  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--count", type=int, default=96, help="number of filings (default 96)")
    ap.add_argument("--seed", default="1", help="seed (default 1); any string")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers")
    ap.add_argument("--quiet", action="store_true", help="do not list the files")
    ap.add_argument("--turn", action="store_true", help="feed every scanned page sideways or upside down "
                    "(90, 180, 270 degrees in turn by filing): to measure orientation detection")
    ap.add_argument("--format", help="give every filing this format, or these in turn (comma-separated: "
                    "pdf-scan, pdf-bilevel, pdf-text, pdf-mixed, tiff, png, jpeg); default: the evaluation mix")
    a = ap.parse_args()
    if a.count < 1:
        ap.error("--count must be at least 1")
    formats = a.format.split(",") if a.format else None
    from evalset import render
    for f in formats or []:
        if f not in render.EXT:
            ap.error("unknown format %r" % f)
    if a.count < 80 and not formats:
        print("gen_evalset: note: %d filings; an evaluation set should have at least 80" % a.count,
              file=sys.stderr)
    t0 = time.time()
    try:
        results = build.main(a.out, a.count, a.seed, max(1, a.jobs), quiet=a.quiet, formats=formats, turn=a.turn)
    except (ValueError, OSError) as e:
        print("gen_evalset: error: %s" % e, file=sys.stderr)
        return 1
    pages = sum(r["pages"] for r, _ in results)
    print("gen_evalset: %d filings, %d pages in %s (%.1f s)" % (len(results), pages, a.out, time.time() - t0),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
