#!/usr/bin/env python3
"""Every record motionscan writes is valid against tests/schema/record.schema.json.

No jsonschema package is available, so this file carries a small validator for
the part of JSON Schema 2020-12 the schema uses: type, enum, const, pattern,
minLength, minimum, maximum, required, properties, additionalProperties,
items, minItems, maxItems, allOf, anyOf, oneOf, if/then/else, boolean
schemas and local $ref ("#/$defs/NAME").  A keyword it does not know is an
error, so the schema cannot lean on a check that silently does nothing.

The records: one run over samples/ plus the bad-input batch
(tools/make_bad_inputs.py) and a missing path; a --text run over a
transcript, and one over an order that recites what DHS asked (a country
with the role "requested"; an order and that role must be among the
records); and a "skipped" record from --db ... --skip-known.  Then a few
deliberately broken records must each FAIL, so the validator cannot pass
vacuously.

usage: validate_schema.py SCHEMA MOTIONSCAN SAMPLES_DIR MAKE_BAD_INPUTS_PY WORKDIR
       validate_schema.py SCHEMA --records FILE.jsonl      (just validate a file)
"""
import copy
import json
import os
import re
import shutil
import subprocess
import sys

ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "examples"}
TYPES = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


class Validator:
    def __init__(self, root):
        self.root = root

    def resolve(self, ref):
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported: {ref}")
        node = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def errors(self, schema, v, path="$"):
        """Every way `v` fails `schema`, as 'path: reason' strings."""
        if schema is True:
            return []
        if schema is False:
            return [f"{path}: not allowed here"]
        out = []
        for kw, arg in schema.items():
            if kw in ANNOTATIONS or kw in ("then", "else"):
                continue
            check = getattr(self, "kw_" + kw.lstrip("$"), None)
            if check is None:
                raise ValueError(f"schema keyword '{kw}' is not implemented by this validator")
            out += check(arg, v, path, schema)
        return out

    def kw_ref(self, ref, v, path, _):
        return self.errors(self.resolve(ref), v, path)

    def kw_type(self, t, v, path, _):
        names = t if isinstance(t, list) else [t]
        return [] if any(TYPES[n](v) for n in names) else [f"{path}: {v!r} is not {t}"]

    def kw_enum(self, allowed, v, path, _):
        return [] if any(same(v, a) for a in allowed) else [f"{path}: {v!r} not in {allowed}"]

    def kw_const(self, c, v, path, _):
        return [] if same(v, c) else [f"{path}: {v!r} is not {c!r}"]

    def kw_pattern(self, p, v, path, _):
        if isinstance(v, str) and not re.search(p, v):
            return [f"{path}: {v!r} does not match {p}"]
        return []

    def kw_minLength(self, n, v, path, _):
        return [f"{path}: shorter than {n}"] if isinstance(v, str) and len(v) < n else []

    def kw_minimum(self, n, v, path, _):
        return [f"{path}: {v} < {n}"] if TYPES["number"](v) and v < n else []

    def kw_maximum(self, n, v, path, _):
        return [f"{path}: {v} > {n}"] if TYPES["number"](v) and v > n else []

    def kw_required(self, names, v, path, _):
        if not isinstance(v, dict):
            return []
        return [f"{path}: missing '{n}'" for n in names if n not in v]

    def kw_properties(self, props, v, path, _):
        if not isinstance(v, dict):
            return []
        out = []
        for name, sub in props.items():
            if name in v:
                out += self.errors(sub, v[name], f"{path}.{name}")
        return out

    def kw_additionalProperties(self, sub, v, path, schema):
        if not isinstance(v, dict):
            return []
        known = schema.get("properties", {})
        out = []
        for name in v:
            if name not in known:
                errs = self.errors(sub, v[name], f"{path}.{name}")
                out += [f"{path}: unexpected property '{name}'"] if errs else []
        return out

    def kw_items(self, sub, v, path, _):
        if not isinstance(v, list):
            return []
        out = []
        for i, item in enumerate(v):
            out += self.errors(sub, item, f"{path}[{i}]")
        return out

    def kw_minItems(self, n, v, path, _):
        return [f"{path}: fewer than {n} items"] if isinstance(v, list) and len(v) < n else []

    def kw_maxItems(self, n, v, path, _):
        return [f"{path}: more than {n} items"] if isinstance(v, list) and len(v) > n else []

    def kw_allOf(self, subs, v, path, _):
        out = []
        for s in subs:
            out += self.errors(s, v, path)
        return out

    def kw_anyOf(self, subs, v, path, _):
        results = [self.errors(s, v, path) for s in subs]
        if any(not r for r in results):
            return []
        return [f"{path}: matches none of anyOf: " + " | ".join(r[0] for r in results)]

    def kw_oneOf(self, subs, v, path, _):
        n = sum(1 for s in subs if not self.errors(s, v, path))
        return [] if n == 1 else [f"{path}: matches {n} of oneOf, not exactly 1"]

    def kw_if(self, cond, v, path, schema):
        branch = "then" if not self.errors(cond, v, path) else "else"
        return self.errors(schema.get(branch, True), v, path)


def same(a, b):
    """JSON equality: 1 and true differ, 1 and 1.0 do not."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return a == b


def run(exe, args, cwd=None):
    p = subprocess.run([exe, "run"] + args, capture_output=True, text=True, cwd=cwd)
    if p.returncode not in (0, 1):
        raise SystemExit(f"motionscan {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return [json.loads(line) for line in p.stdout.splitlines()]


def collect(exe, samples, maker, work):
    shutil.rmtree(work, ignore_errors=True)
    bad = os.path.join(work, "inbox")
    os.makedirs(bad)
    subprocess.run(["/usr/bin/python3", maker, bad], check=True, capture_output=True)
    records = run(exe, ["--jobs", "2", samples, bad, os.path.join(bad, "missing.pdf")])
    truth = os.path.join(samples, "truth")
    first = sorted(f for f in os.listdir(truth) if f.endswith(".txt"))[0]
    records += run(exe, ["--text", os.path.join(truth, first)])
    # an order that recites what DHS asked: a country with the role "requested"
    order = sorted(f for f in os.listdir(truth) if "-order-" in f)[0]
    with open(os.path.join(truth, order), encoding="utf-8") as f:
        text = f.read()
    recited = os.path.join(work, "order-recites-request.txt")
    with open(recited, "w", encoding="utf-8") as f:
        f.write(text + "\nAt the hearing DHS asked the Court to order the respondent removed to "
                "Guatemala under the ACA.\n")
    records += run(exe, ["--text", recited])
    # a skipped record: the born-digital sample, known after one run
    db = os.path.join(work, "known.db")
    born_digital = [f for f in sorted(os.listdir(samples)) if "born-digital" in f][0]
    one = os.path.join(samples, born_digital)
    run(exe, ["--db", db, one])
    records += run(exe, ["--db", db, "--skip-known", one])
    return records


def broken_records(good):
    """(what, path, record): records that must fail, each with an error at `path`."""
    ok = next(r for r in good if r["status"] == "ok" and r["evidence"] and r["removal_countries"])
    cases = []

    def case(what, path, change):
        r = copy.deepcopy(ok)
        change(r)
        cases.append((what, path, r))

    case("unknown status", "$.status", lambda r: r.update(status="done"))
    case("lower-case country code", "$.removal_countries[0].code",
         lambda r: r["removal_countries"][0].update(code="hn"))
    case("8-digit a_number", "$.a_number", lambda r: r.update(a_number="21234567"))
    case("a_number with dashes", "$.a_number", lambda r: r.update(a_number="212-345-678"))
    case("missing evidence", "$: missing 'evidence'", lambda r: r.pop("evidence"))
    case("extra member", "$: unexpected property", lambda r: r.update(surprise=1))
    case("unknown motion_type", "$.motion_type", lambda r: r.update(motion_type="motion"))
    case("detained as text", "$.detained", lambda r: r.update(detained="yes"))
    case("ok with an error", "$.error",
         lambda r: r.update(error={"code": "internal", "message": "x"}))
    case("ok without filer", "$.filer", lambda r: r.update(filer=None))
    case("bbox of three", "$.evidence[0].bbox", lambda r: r["evidence"][0].update(bbox=[1, 2, 3]))
    case("confidence over 100", "$.evidence[0].confidence",
         lambda r: r["evidence"][0].update(confidence=101.5))
    case("evidence page without bbox", "$.evidence[0]: missing 'bbox'",
         lambda r: r["evidence"][0].pop("bbox"))
    case("unknown page source", "$.pages[0].source", lambda r: r["pages"][0].update(source="scan"))
    case("page number 0", "$.pages[0].number", lambda r: r["pages"][0].update(number=0))
    case("unknown role", "$.country_mentions[0].role",
         lambda r: r["country_mentions"][0].update(role="target"))
    case("schema_version 2", "$.schema_version", lambda r: r.update(schema_version=2))
    case("size as string", "$.size", lambda r: r.update(size="6349"))
    case("unknown error code", "$.error",
         lambda r: r.update(status="error", error={"code": "oops", "message": "m"}, evidence=[]))
    case("bad hearing_date", "$.hearing_date", lambda r: r.update(hearing_date="2025-13-01"))
    case("true as an A-number", "$.a_numbers[0]", lambda r: r.update(a_numbers=[True]))
    case("skipped with fields", "$.motion_type",
         lambda r: r.update(status="skipped", pages=[], evidence=[]))
    return cases


def main():
    schema_path = sys.argv[1]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    v = Validator(schema)
    if sys.argv[2] == "--records":
        with open(sys.argv[3], encoding="utf-8") as f:
            records = [json.loads(line) for line in f]
    else:
        records = collect(*sys.argv[2:6])

    failures = []
    statuses = {}
    for r in records:
        statuses[r.get("status")] = statuses.get(r.get("status"), 0) + 1
        for e in v.errors(schema, r):
            failures.append(f"{r.get('file')}: {e}")
    if sys.argv[2] != "--records" and (len(records) < 20 or
                                       set(statuses) != {"ok", "error", "skipped"}):
        failures.append(f"too few kinds of records to mean anything: {statuses}")
    # the kinds the review asked to see validated (timeout, worker_crashed and
    # out_of_memory records come from e2e_faults, which validates its own)
    roles = {m.get("role") for r in records for m in r.get("country_mentions") or []}
    types = {r.get("motion_type") for r in records}
    if sys.argv[2] != "--records" and ("requested" not in roles or "order" not in types):
        failures.append(f"no order or no 'requested' country among the records: {sorted(map(str, types))}, "
                        f"roles {sorted(map(str, roles))}")

    if records and any(r["status"] == "ok" and r["removal_countries"] for r in records):
        for what, path, bad in broken_records(records):
            errs = v.errors(schema, bad)
            if not any(e.startswith(path) for e in errs):
                failures.append(f"broken record ({what}) not caught at {path}: {errs}")
    elif sys.argv[2] != "--records":  # a file of someone else's records may hold none
        failures.append("no ok record with a removal country to break")

    for f in failures:
        print("FAIL", f)
    print(f"{len(records)} records {statuses} checked against {os.path.basename(schema_path)}; "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
