"""samples/README.md, generated from the expected records."""

HEAD = """# Sample filings

**These documents are synthetic.** Every person (respondent, attorney, judge, court
staff), A-number, EOIR ID and telephone number in them is fictional; any resemblance to a
real case is accidental. Office addresses are invented or are the public addresses of
government buildings. The Federal Register excerpt in `06-...` (Exhibit A) is invented,
volume, page and document numbers included. The legal citations are real authorities used
as they are in actual filings (see the project's domain notes), but the motions themselves
were never filed anywhere and their summaries of holdings are illustrative.

Each sample is generated from a text specification (`tools/samplegen/specs.py`): the
pages are laid out and written as a born-digital PDF (standard Type1 Times fonts),
rasterised with `pdftoppm -gray`, degraded like a scan (skew, speckle, drop-outs, dust,
blur, paper tone, JPEG artefacts; a fax header and 1-bit Group 4 for the TIFF) and
written in the sample's format. Regenerate everything with

    /usr/bin/python3 tools/gen_samples.py            # [--out samples] [--only 07 ...]

The generator is deterministic: two runs give byte-identical files (checked with
`sha256sum`). It needs python3-pil and poppler-utils only.

## Layout of this folder

| path | what |
|---|---|
| `NAME.pdf/.tif/.png/.jpg` | the sample input |
| `expected/NAME.json` | the expected record (ground truth of the specification, not of any OCR) |
| `truth/NAME.txt` | the exact text laid out on each page, pages separated by a form feed; line-end hyphens kept as printed; for OCR error-rate measurements |

Expected record fields: `file`, `filer` (dhs/respondent/court/unknown), `motion_type`,
`removal_countries` (ordered list of {code, name}; empty when the document itself
proposes or orders no removal), `nationality` ({code, name} or null when the filing does
not state it), `a_number` (9 digits, 8-digit numbers zero-padded), `pages`, `format`,
`text_layer` (true when at least one page has a real text layer; the mixed PDF has one on
page 1 only), `hard_cases` (tags), `respondent`, `court` ("City, ST"), `detained`
(true/false from DETAINED/NON-DETAINED, null when the filing has no marker). Tests compare
country codes, not names.

## Samples

| file | format | pages | filer | motion_type | removal | nationality | A-number | hard cases |
|---|---|---|---|---|---|---|---|---|
"""

TAIL = """
Total: {n} samples, {pages} pages.

## Hard cases, where to find them

{cases}

## Notes

- Page 1 of `08-opposition-respondent-mixed.pdf` is born-digital text; page 2 is a scanned
  image (the signed signature page and certificate of service).
- The A-number is printed in a different style in almost every sample (`A 212-345-678`,
  `A212 345 678`, `A# 203517846`, `A-209-664-173`, `A070-673-932`, `A 220 618 045`,
  `A 93-456-789` ...). `15-reopen-in-absentia-respondent.pdf` also cites an unpublished
  decision with a redacted number (`AXXX XXX 702`), which is not an A-number.
- DHS motions carry the EOIR-style proposed order page where natural
  (`01-...`); its heading reads ORDER OF THE IMMIGRATION JUDGE and it contains "it is HEREBY
  ORDERED", but the document is still the DHS motion.
- Born-digital text keeps `\u00a7` and the number together with a no-break space (U+00A0), as
  word processors do; some samples use typographic quotes (U+2019).
- Broken inputs for error-path tests are not stored here; make them with
  `/usr/bin/python3 tools/make_bad_inputs.py OUTDIR`.
"""


def render(records):
    rows = []
    cases = {}
    for r in records:
        name = r["file"].split("/")[-1]
        removal = ", ".join("%s (%s)" % (c["name"], c["code"]) for c in r["removal_countries"]) or "none"
        nat = "%s (%s)" % (r["nationality"]["name"], r["nationality"]["code"]) if r["nationality"] else "null"
        fmt = r["format"] + (" (text)" if r["text_layer"] else "")
        if name.startswith("08-"):
            fmt = "pdf (mixed)"
        rows.append("| `%s` | %s | %d | %s | %s | %s | %s | %s | %s |" % (
            name, fmt, r["pages"], r["filer"], r["motion_type"], removal, nat, r["a_number"] or "null",
            ", ".join(r["hard_cases"])))
        for c in r["hard_cases"]:
            cases.setdefault(c, []).append(name.split("-")[0])
    case_lines = "\n".join("- `%s`: %s" % (c, ", ".join(v)) for c, v in sorted(cases.items()))
    return HEAD + "\n".join(rows) + "\n" + TAIL.format(
        n=len(records), pages=sum(r["pages"] for r in records), cases=case_lines)
