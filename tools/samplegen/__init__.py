"""samplegen: deterministic generator of synthetic scanned immigration-court filings.

The documents are synthetic and every person in them is fictional.  See
tools/gen_samples.py for the entry point and samples/README.md for the list.

Modules, in the order a sample flows through them:
  layout.py    text specification (blocks) -> positioned lines on Letter pages
  pdfwriter.py minimal hand-written PDF writer (Type1 Times, WinAnsi; JPEG pages)
  raster.py    pdftoppm rendering and PIL degradation (skew, speckle, blur, JPEG)
  content.py   reusable pieces of a filing (caption, DHS block, certificate ...)
  specs.py     the samples themselves and their expected records
  build.py     the driver that writes samples/, samples/expected/, samples/truth/
  readme.py    samples/README.md from the expected records
"""
