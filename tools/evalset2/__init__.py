"""The second evaluation generator (tools/gen_evalset2.py); see its docstring
for the dev / sealed split policy.

Built apart from tools/evalset on purpose: pages are drawn directly with PIL
in eight TrueType faces (no PDF renderer), the wording comes from families of
phrasing seen in real filings, and the damage covers faxes at 204 x 98 dpi,
copies of copies, phone photos and pages fed upside down.

  vocab.py      names, courts, countries, agreement partners
  people.py     one filing's parties and dates; A-number and date forms
  wording.py    families of wording that name countries, each with its role
  caption.py    court headings, captions, attorney and signature blocks
  filings.py    DHS motions (pretermit, designation, MPP), oppositions
  kinds.py      orders and the other motions; the kind table; compose()
  layout.py     typesetting into positioned items, with each page's text
  furniture.py  fax headers and covers, stamps, ECAS lines, footers, Bates
  draw.py       drawing with PIL; scan, fax and photo damage
  writers.py    image and text PDFs, TIFF, PNG, JPEG
  build.py      a set of single filings, or of stapled stacks, with truth
"""
