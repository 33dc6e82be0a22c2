#!/usr/bin/python3
"""Generate the second, independently built evaluation set.

    /usr/bin/python3 tools/gen_evalset2.py --out DIR --seed SEED [--count N] [--stacks [--barcodes] [--wide]] [--every-profile] [--quiet]

Writes DIR/NAME.{pdf,tif,png,jpg}, DIR/expected/NAME.json (the fields
tools/evaluate.py scores, plus country_roles, filed_date, received_date,
hearing_date, hard_cases, the damage profile and the font) and DIR/truth/NAME.txt
(the exact text of every page, pages separated by a form feed).  With --stacks
the files are stapled stacks of 2-5 filings (with fax covers, blank separators,
exhibits and proposed orders) and expected/NAME.json holds
parts: [{pages: [first, last], ...fields...}] and non_filing_pages.  With
--barcodes too, scanned stacks (not faxes) also get separator sheets that carry
nothing but a Code 39 barcode (PATCHT, PATCH T or PATCH-T) at some of their
boundaries; their non_filing_pages entry names the value.  The stacks' other
content is drawn as without --barcodes, but the pages after such a sheet get
other scan noise.  --wide
widens the stacks' variety (local damage over the caption band, 150-dpi scans
and phone photos, duplex blank backs inside a filing, other cover-sheet,
separator and footer wordings); it draws from its own random stream, so a seed
without --wide gives the same files as before.

The same seed gives byte-identical files.  Standard library, python3-pil and
the fonts of fonts-liberation2, fonts-dejavu-core and fonts-freefont-ttf.

Splits (the policy for everyone who works on the extraction):
  * seed "dev" is the development split.  Look at it, debug on it, tune on it.
  * seeds "h1", "h2", "h3" are sealed.  They are used only for scoring: the ctest
    eval2_accuracy runs "h1"; a release note may report "h2" once.  Do not read
    their files, records or failure lists, and do not change rules, wording or
    clean-up because of them.  When a sealed seed has been looked at, say so in
    the note and move the gate to the next sealed seed.
  * any other seed is free for experiments, and counts as dev.
"""

import argparse
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from evalset2 import build  # noqa: E402

SEALED = ("h1", "h2", "h3")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output folder (emptied first)")
    ap.add_argument("--seed", default="dev", help='"dev" (look and tune) or a sealed seed h1, h2, h3 (score only)')
    ap.add_argument("--count", type=int, default=None, help="filings (default 72) or stacks (default 20)")
    ap.add_argument("--stacks", action="store_true", help="stapled stacks of 2-5 filings instead of single filings")
    ap.add_argument("--barcodes", action="store_true",
                    help="with --stacks: barcode-only separator sheets (Code 39 PATCH T) at some boundaries")
    ap.add_argument("--wide", action="store_true",
                    help="with --stacks: more damage and layout variety (its own random stream)")
    ap.add_argument("--every-profile", action="store_true",
                    help="give the filings the damage profiles in turn (a short set that has every one)")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)
    t0 = time.time()

    def progress(i, n):
        if not a.quiet and sys.stderr.isatty():
            print("\r%d/%d" % (i, n), end="", file=sys.stderr)

    if a.stacks:
        res = build.build_stacks(a.out, a.seed, a.count or 20, progress, a.barcodes, a.wide)
    else:
        res = build.build_set(a.out, a.seed, a.count or 72, progress, a.every_profile)
    if not a.quiet:
        pages = sum(r["pages"] for r in res)
        print("\rgen_evalset2: seed %s%s: %d %s, %d pages in %s (%.1f s)" % (
            a.seed, " (sealed: score only)" if a.seed in SEALED else "", len(res),
            "stacks" if a.stacks else "filings", pages, a.out, time.time() - t0), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
