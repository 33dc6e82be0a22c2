"""evalset: a labelled evaluation set of synthetic immigration-court filings.

Unlike tools/samplegen/specs.py (a handful of hand-written samples), every filing
here is composed from seeded random choices: caption and court, respondent,
A-number style, detention marker, header block, title wording, and several
phrasings of each body sentence, including the traps of shared/DOMAIN.md.  The
expected record is the ground truth of what was composed, never of any OCR.

The documents are synthetic and every person in them is fictional.

Modules:
  world.py    countries (names, formal names, demonyms), courts, people, places
  doc.py      Doc: the filing being composed (ops, country mentions, expected values)
  blocks.py   caption, header blocks, matter block, signature, certificate, exhibits
  compose.py  the scenarios (one per kind of filing) and the plan of an evaluation set
  render.py   ops -> pages (with line-end hyphenation), checks, scan -> file bytes
  build.py    the driver behind tools/gen_evalset.py

Layout, PDF writing and scan degradation are samplegen's (imported, not copied).
"""
