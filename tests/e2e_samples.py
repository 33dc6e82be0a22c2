#!/usr/bin/env python3
"""End to end: run motionscan on samples/ and compare every record with
samples/expected/NAME.json.

Checks, for each sample: status ok; filer, motion_type, removal_countries
(codes, in order), nationality (code) and a_number equal the expected
values; every value set has evidence with a page, a box, the rule id and its
file:line.  Also: one record per sample, sorted by path, and stdout holds
nothing but JSON Lines.  Prints per-field accuracy; exits 1 on any mismatch.

usage: e2e_samples.py MOTIONSCAN SAMPLES_DIR [--jobs N]
"""
import json
import os
import subprocess
import sys

FIELDS = ("filer", "motion_type", "removal_countries", "nationality", "a_number",
          "respondent", "court", "detained")
# Case facts: their expected values are in tests/golden/sample_facts.json,
# read off the samples' transcripts (samples/truth) and checked by hand.
FACTS = ("proceeding_type", "judge", "hearing_date", "hearing_time", "filed_date", "a_numbers",
         "authorities", "response_due")


def value(rec, field):
    v = rec.get(field)
    if field == "removal_countries":
        return [c["code"] for c in v]
    if field == "nationality":
        return v["code"] if v else None
    return v


def main():
    exe, samples = sys.argv[1], sys.argv[2]
    jobs = sys.argv[sys.argv.index("--jobs") + 1] if "--jobs" in sys.argv else "2"
    golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", "sample_facts.json")
    with open(golden, encoding="utf-8") as f:
        facts = json.load(f)
    expected = {}
    exp_dir = os.path.join(samples, "expected")
    for name in sorted(os.listdir(exp_dir)):
        if name.endswith(".json"):
            with open(os.path.join(exp_dir, name), encoding="utf-8") as f:
                e = json.load(f)
            expected[os.path.basename(e["file"])] = e
    if len(expected) < 12:
        print(f"only {len(expected)} expected records in {exp_dir}")
        return 1

    proc = subprocess.run([exe, "run", "--jobs", jobs, samples], capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"motionscan exited {proc.returncode}\n{proc.stderr}")
        return 1
    lines = proc.stdout.splitlines()
    records = [json.loads(l) for l in lines]  # stdout is JSON Lines and nothing else
    failures = []
    files = [r["file"] for r in records]
    if files != sorted(files):
        failures.append("records are not sorted by path")
    got = {os.path.basename(r["file"]): r for r in records}
    # every sample is one filing: never split, one record, part 1 of 1
    split = sorted(os.path.basename(r["file"]) for r in records if r["part"]["count"] != 1)
    if split or len(got) != len(records):
        failures.append(f"single filings split into parts: {split}")
    if set(got) != set(expected):
        failures.append(f"records for {sorted(got)} but samples {sorted(expected)}")

    right = {f: 0 for f in FIELDS + FACTS}
    for name, exp in sorted(expected.items()):
        rec = got.get(name)
        if rec is None:
            continue
        if rec["status"] != "ok":
            failures.append(f"{name}: status {rec['status']} {rec.get('error')}")
            continue
        if len(rec["pages"]) != exp["pages"]:
            failures.append(f"{name}: {len(rec['pages'])} pages, expected {exp['pages']}")
        for field in FIELDS:
            g, w = value(rec, field), value(exp, field)
            if g == w:
                right[field] += 1
            else:
                failures.append(f"{name}: {field} = {g!r}, expected {w!r}")
        want_facts = facts.get(os.path.splitext(name)[0])
        if want_facts is None:
            failures.append(f"{name}: no golden case facts")
            continue
        for field in FACTS:
            if rec.get(field) == want_facts[field]:
                right[field] += 1
            else:
                failures.append(f"{name}: {field} = {rec.get(field)!r}, expected {want_facts[field]!r}")
        evidenced = {e["field"] for e in rec["evidence"]}
        for field in ("motion_type", "a_number", "nationality", "removal_countries"):
            # "other" is what remains when no rule fired: nothing to point at.
            if value(rec, field) not in (None, [], "other") and field not in evidenced:
                failures.append(f"{name}: {field} has no evidence")
        for e in rec["evidence"]:
            ok = e["page"] and len(e["bbox"]) == 4 and e["rule"] and ":" in e["rule_source"]
            if not ok:
                failures.append(f"{name}: incomplete evidence {e}")

    n = len(expected)
    print(f"{'field':<20} accuracy on {n} samples")
    for field in FIELDS + FACTS:
        print(f"{field:<20} {right[field]}/{n} = {right[field] / n:.3f}")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
