"""Page furniture added after typesetting: fax header lines, RECEIVED / FILED
stamps, ECAS lines, "Page 2 of 4" footers, Bates numbers; and the pages that
belong to no filing (fax transmittal cover sheets, blank separators).

Each adds items to a layout.Page and its exact text to page.lines, header
lines first, footer lines last, as a reader meets them."""

from . import layout
from .layout import H, W


def fax_header(pages, p, rng, first_no=1, total=None):
    """'MAR-04-2026 14:22  FROM:ICE OCC DALLAS  FAX NO.:2145550175  P. 02' on every page."""
    d = p.received
    stamp = "%s-%02d-%d %02d:%02d" % (layout_month(d), d.day, d.year, rng.randrange(7, 18), rng.randrange(60))
    sender = rng.choice(["ICE OCC %s" % p.court[0].upper(), "DHS ICE OPLA", p.resp_atty[1].upper()[:28]])
    fax = "%03d %03d %04d" % (rng.randrange(201, 989), rng.randrange(200, 999), rng.randrange(10000))
    total = total or len(pages)
    style = rng.randrange(3)
    for i, pg in enumerate(pages):
        n = first_no + i
        if style == 0:
            t = "%s  FROM:%s  FAX NO.:%s  P. %02d" % (stamp, sender, fax, n)
        elif style == 1:
            t = "%s   %s   FAX NO. %s   P. %02d/%02d" % (stamp, sender, fax, n, total)
        else:
            t = "FROM: %s   FAX NO.: %s   %s   #%04d P.%03d/%03d" % (sender, fax, stamp, rng.randrange(9999), n, total)
        pg.items.append(("text", 18, 14, "M", 8, t))
        pg.lines.insert(0, t)


def layout_month(d):
    return ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"][d.month - 1]


def received_stamp(page, p, rng, truth):
    """A rubber stamp at the top right of the first page: RECEIVED / date / court."""
    word = rng.choice(["RECEIVED", "FILED", "RECEIVED"])
    lines = [word, "%s %02d %d" % (layout_month(p.received), p.received.day, p.received.year),
             rng.choice(["IMMIGRATION COURT", "EOIR - IMMIGRATION COURT", "U.S. IMMIGRATION COURT"]),
             "%s, %s" % (p.court[0].upper(), p.court[1])]
    x = rng.uniform(390, 430)
    low = max((it[2] for it in page.items if it[0] == "text"), default=0)
    if low + 56 < H - 40:  # room at the bottom: move the page down, as a stamp-aware clerk would not
        page.items[:] = [_down(it, 56) for it in page.items]
    else:
        truth.setdefault("_tags", []).append("stamp-over-text")
    page.items.append(("stamp", x, 18 + rng.uniform(0, 6), lines, rng.uniform(-5, 5)))
    page.lines[0:0] = lines
    truth["received_date"] = p.received.isoformat()
    return word


def _down(it, dy):
    if it[0] == "text":
        return it[:2] + (it[2] + dy,) + it[3:]
    if it[0] in ("line", "box", "sig"):
        return (it[0], it[1], it[2] + dy, it[3], it[4] + dy) + it[5:]
    return it


def ecas_line(pages, p, rng, truth):
    d = p.received
    t = rng.choice(["Electronically Filed via ECAS on %02d/%02d/%d at %d:%02d %s" %
                    (d.month, d.day, d.year, rng.randrange(1, 12), rng.randrange(60), rng.choice(["AM", "PM"])),
                    "EOIR ECAS - Filed %d-%02d-%02d" % (d.year, d.month, d.day),
                    "ECAS Submission Date: %s %d, %d" % (["January", "February", "March", "April", "May", "June",
                                                          "July", "August", "September", "October", "November",
                                                          "December"][d.month - 1], d.day, d.year)])
    truth["received_date"] = d.isoformat()
    for pg in pages[:1] if rng.random() < 0.5 else pages:
        pg.items.append(("text", 72, 34, "M", 8, t))
        pg.lines.insert(0, t)


def footers(pages, rng, bates_prefix=None, wrng=None):
    """wrng (--wide): also "Page 2" and "2 of 4"."""
    n = len(pages)
    style = rng.randrange(3)
    start = rng.randrange(1, 900)
    if wrng and wrng.random() < 0.4:
        style = wrng.choice([3, 4])
    for i, pg in enumerate(pages):
        if style == 0:
            t = "Page %d of %d" % (i + 1, n)
        elif style == 1:
            t = "- %d -" % (i + 1)
        elif style == 3:
            t = "Page %d" % (i + 1)
        elif style == 4:
            t = "%d of %d" % (i + 1, n)
        else:
            t = "%d" % (i + 1)
        pg.items.append(("text", W / 2 - 20, H - 36, "R", 9, t))
        pg.lines.append(t)
        if bates_prefix:
            b = "%s-%06d" % (bates_prefix, start + i)
            pg.items.append(("text", W - 150, H - 22, "M", 8, b))
            pg.lines.append(b)


def running_header(pages, p, a_text):
    """'MENDOZA LOPEZ, Carlos - A212-345-678' at the top of every page after the first."""
    t = "%s  -  %s" % (p.respondent, a_text)
    for pg in pages[1:]:
        pg.items.append(("text", W - 72 - layout.width("times", "R", 9, t), 42, "R", 9, t))
        pg.lines.insert(0, t)


# --wide: other cover sheets' headings and page-count lines
WIDE_COVER_TITLES = ["FAX COVER SHEET", "TELECOPY COVER SHEET", "TELEFAX TRANSMISSION", "Fax Cover",
                     "FACSIMILE TRANSMISSION"]
WIDE_PAGE_LINES = [("No. of Pages:", "%d"), ("Number of pages (including this one):", "%d"),
                   ("Total Pages:", "%d"), ("PAGES:", "%d incl. cover")]


def fax_cover(p, rng, family, n_pages, wrng=None):
    """A fax transmittal cover sheet: a page of its own, no filing."""
    s = layout.Setter(rng, family, hyphenate=False)
    d = p.received
    to = rng.choice(["Immigration Court - %s" % p.court[0], "Clerk of Court, EOIR %s" % p.court[0]])
    frm = rng.choice([p.resp_atty[1], "Office of the Chief Counsel - %s" % p.court[0]])
    title = rng.choice(["FAX TRANSMITTAL", "FACSIMILE COVER SHEET", "FAX"])
    pages = ("PAGES:", "%d (including cover)" % n_pages)
    if wrng and wrng.random() < 0.6:
        title = wrng.choice(WIDE_COVER_TITLES)
        label, form = wrng.choice(WIDE_PAGE_LINES)
        pages = (label, form % n_pages)
    s.block(("center", title, "B"))
    s.block(("gap", 14))
    for label, value in [("TO:", to), ("FAX:", "(%03d) 555-%04d" % (rng.randrange(201, 989), rng.randrange(10000))),
                         ("FROM:", frm), ("DATE:", "%02d/%02d/%d" % (d.month, d.day, d.year)),
                         pages, ("RE:", rng.choice(["Filing", "Enclosed", "Submission"]))]:
        s.put([(s.left, "B", label), (s.left + 80 + 8 * max(0, len(label) - 9), "R", value)], s.size * 1.8)
    s.block(("gap", 30))
    s.block(("para", "CONFIDENTIALITY NOTICE: The documents accompanying this facsimile contain information that is "
                     "confidential and legally privileged. If you have received this fax in error, please notify us "
                     "by telephone and destroy the documents.", False))
    return s.pages[0]


def blank_page(rng, wrng=None):
    """wrng (--wide): the separator sheet may say PATCH T, SEPARATOR SHEET, ..."""
    pg = layout.Page()
    if rng.random() < 0.3:  # a separator sheet with one word on it
        word = wrng.choice(["SEPARATOR", "PATCH T", "SEPARATOR SHEET", "DOCUMENT SEPARATOR"]) if wrng else "SEPARATOR"
        pg.items.append(("text", W / 2 - 60 - 8 * (len(word) - 9), H / 2, "B", 28, word))
        pg.lines.append(word)
    return pg
