#!/usr/bin/python3
"""Regenerate every synthetic sample filing and its expected record.

    /usr/bin/python3 tools/gen_samples.py [--out samples] [--only NAME ...] [--jobs N]

Deterministic: running it twice gives byte-identical files.  Needs python3-pil
and poppler-utils (pdftoppm).  The documents are synthetic and the people in
them fictional; see samples/README.md.
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep tools/samplegen free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from samplegen import build  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="samples", help="output folder (default: samples)")
    ap.add_argument("--only", nargs="*", help="build only samples whose name contains one of these")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers")
    a = ap.parse_args()
    try:
        build.main(a.out, a.only, a.jobs)
    except (ValueError, OSError) as e:
        print("gen_samples: error: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
